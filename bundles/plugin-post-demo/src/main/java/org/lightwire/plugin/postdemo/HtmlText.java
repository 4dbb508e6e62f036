package org.lightwire.plugin.postdemo;

/** Makes client text safe inside HTML element content and quoted attribute values. */
final class HtmlText {

    private HtmlText() {
    }

    /**
     * Escapes {@code & < > " '}; control characters other than tab, CR and LF (NUL
     * included) and lone surrogates become U+FFFD, so a value shows that something odd
     * was sent instead of carrying it into the page.
     */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '\t', '\n', '\r' -> sb.append(c);
                default -> {
                    if (c < 0x20 || c >= 0x7f && c < 0xa0) {
                        sb.append('\uFFFD');
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        sb.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
