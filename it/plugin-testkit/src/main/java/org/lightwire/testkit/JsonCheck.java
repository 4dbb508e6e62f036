package org.lightwire.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader (RFC 8259) for asserting on what a protocol wrote, as lws' status plugins
 * write JSON for a browser to {@code JSON.parse}: objects become insertion-ordered maps, arrays
 * lists, numbers doubles, and strings, booleans and null themselves. Anything a browser would
 * refuse (raw control characters in strings, bad escapes, leading zeros or '+' in numbers, trailing
 * commas or text, unterminated input) fails with a {@link MalformedJsonException} naming the
 * offset, so a test cannot pass on output a client could not read.
 */
public final class JsonCheck {

    /** Deeper nesting than this fails cleanly instead of overflowing the test's stack. */
    public static final int MAX_DEPTH = 512;

    /** Input quoted in a failure message is cut to this many characters. */
    private static final int QUOTE_LIMIT = 300;

    /** The text is not one JSON value; {@link #offset()} says where reading stopped. */
    public static final class MalformedJsonException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int offset;

        MalformedJsonException(String why, int offset, String text) {
            super(why + " at " + offset + " in: "
                    + (text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "..." : text));
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    private final String s;
    private int i;
    private int depth;

    private JsonCheck(String s) {
        this.s = s;
    }

    /** Reads {@code text} as exactly one JSON value, surrounding whitespace allowed. */
    public static Object parse(String text) {
        JsonCheck p = new JsonCheck(text);
        Object v = p.value();
        p.whitespace();
        if (p.i != text.length()) {
            throw p.fail("trailing text");
        }
        return v;
    }

    /** Reads {@code text} as one JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String text) {
        Object v = parse(text);
        if (!(v instanceof Map)) {
            throw new MalformedJsonException("not an object but " + (v == null ? "null" : v.getClass().getSimpleName()),
                    0, text);
        }
        return (Map<String, Object>) v;
    }

    private Object value() {
        whitespace();
        if (i >= s.length()) {
            throw fail("unexpected end");
        }
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw fail("unexpected '" + c + "'");
        }
    }

    private Map<String, Object> object() {
        enter();
        i++;
        Map<String, Object> m = new LinkedHashMap<>();
        whitespace();
        if (!peek('}')) {
            do {
                whitespace();
                int at = i;
                String k = string();
                whitespace();
                expect(':');
                if (m.containsKey(k)) {
                    // a browser keeps the last; a writer that repeats a key has a bug worth seeing
                    i = at;
                    throw fail("duplicate key \"" + k + "\"");
                }
                m.put(k, value());
                whitespace();
            } while (peek(','));
            expect('}');
        }
        depth--;
        return m;
    }

    private List<Object> array() {
        enter();
        i++;
        List<Object> l = new ArrayList<>();
        whitespace();
        if (!peek(']')) {
            do {
                l.add(value());
                whitespace();
            } while (peek(','));
            expect(']');
        }
        depth--;
        return l;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw fail("nested deeper than " + MAX_DEPTH);
        }
    }

    private Object literal(String word, Object v) {
        if (!s.startsWith(word, i)) {
            throw fail("unexpected '" + s.charAt(i) + "'");
        }
        i += word.length();
        return v;
    }

    /** RFC 8259 section 6: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
    private Double number() {
        int start = i;
        peek('-');
        if (peek('0')) {
            if (i < s.length() && isDigit(s.charAt(i))) {
                throw fail("leading zero");
            }
        } else {
            digits("digit");
        }
        if (peek('.')) {
            digits("digit after '.'");
        }
        if (peek('e') || peek('E')) {
            if (!peek('+')) {
                peek('-');
            }
            digits("exponent digit");
        }
        return Double.valueOf(s.substring(start, i));
    }

    private void digits(String what) {
        int start = i;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        if (i == start) {
            throw fail("expected " + what);
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            if (i >= s.length()) {
                throw fail("unterminated string");
            }
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                i--;
                throw fail("raw control character in string");
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (i >= s.length()) {
                throw fail("unterminated string");
            }
            char e = s.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> b.append(hex4());
                default -> {
                    i--;
                    throw fail("bad escape \\" + e);
                }
            }
        }
    }

    private char hex4() {
        int v = 0;
        for (int k = 0; k < 4; k++) {
            // ASCII only: Character.digit alone would also take other scripts' digits
            int d = i < s.length() && s.charAt(i) < 0x80 ? Character.digit(s.charAt(i), 16) : -1;
            if (d < 0) {
                throw fail("\\u needs four hex digits");
            }
            v = v << 4 | d;
            i++;
        }
        return (char) v;
    }

    private void whitespace() {
        // JSON's four, not Character.isWhitespace: a writer emitting others is broken
        while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
    }

    private boolean peek(char c) {
        if (i < s.length() && s.charAt(i) == c) {
            i++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw fail(i < s.length() ? "expected '" + c + "'" : "unexpected end, expected '" + c + "'");
        }
    }

    private MalformedJsonException fail(String why) {
        return new MalformedJsonException(why, i, s);
    }
}
