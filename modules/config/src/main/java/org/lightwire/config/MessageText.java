package org.lightwire.config;

/**
 * Keeps config error messages to one readable line. Keys and values come from the file
 * and may be long or hold control characters (escaped in JSON); shown raw they could
 * flood a terminal or break a log line in two.
 */
final class MessageText {

    private static final int MAX_QUOTED = 80;

    private MessageText() {
    }

    /** The text in single quotes, shortened if long. */
    static String quote(String text) {
        if (text.length() > MAX_QUOTED) {
            int end = MAX_QUOTED;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            return "'" + text.substring(0, end) + "...'";
        }
        return "'" + text + "'";
    }

    /** The text with control characters written as {@code \}{@code uXXXX}. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
