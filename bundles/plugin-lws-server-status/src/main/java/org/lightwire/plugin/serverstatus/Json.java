package org.lightwire.plugin.serverstatus;

/** JSON string escaping for values that come from peers (user agents) or the system. */
final class Json {

    private Json() {
    }

    /** Appends {@code s} escaped for use inside a JSON string (quotes not included). */
    static StringBuilder escape(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '<' || c == '>' || c == '&'
                            || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)) {
                        // control characters must be escaped; markup characters and line
                        // separators are escaped too so no consumer can mistake them for code
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out;
    }
}
