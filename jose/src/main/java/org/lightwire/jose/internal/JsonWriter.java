package org.lightwire.jose.internal;

import java.util.List;
import java.util.Map;

/**
 * Compact JSON (no insignificant whitespace) of the values {@link JsonReader} produces, and
 * of plain {@link Map}s (insertion order), {@link List}s, {@code byte[]} (as base64url
 * strings), {@link Long}/{@link Integer}. Non-ASCII characters are written as themselves
 * (UTF-8 on output), control characters escaped, as RFC 8259 section 7 and the RFC 7638
 * thumbprint input require.
 */
public final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonWriter() {
    }

    public static String write(Object value) {
        StringBuilder sb = new StringBuilder(128);
        write(value, sb);
        return sb.toString();
    }

    public static void write(Object value, StringBuilder sb) {
        if (value instanceof String s) {
            writeString(s, sb);
        } else if (value instanceof JsonObject o) {
            writeMembers(o.members(), sb);
        } else if (value instanceof Map<?, ?> m) {
            writeMembers(m, sb);
        } else if (value instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(l.get(i), sb);
            }
            sb.append(']');
        } else if (value instanceof byte[] b) {
            sb.append('"');
            Base64Url.encodeTo(b, sb);
            sb.append('"');
        } else if (value instanceof JsonNumber || value instanceof Long || value instanceof Integer || value instanceof Boolean
                || value instanceof JsonNull) {
            sb.append(value);
        } else if (value == null) {
            sb.append("null");
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static void writeMembers(Map<?, ?> m, StringBuilder sb) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            writeString((String) e.getKey(), sb);
            sb.append(':');
            write(e.getValue(), sb);
        }
        sb.append('}');
    }

    public static void writeString(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 15]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
