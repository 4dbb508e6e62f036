package org.lightwire.jose.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import org.lightwire.jose.JoseLimitException;
import org.lightwire.jose.MalformedJoseException;

/**
 * A strict RFC 8259 JSON reader for JOSE objects: one value, no comments, no trailing
 * commas, no leading zeros, only the defined escapes, no unpaired surrogates, and — as
 * RFC 7515 section 5.2 step 4 and RFC 7517 allow a recipient to require — no duplicate member
 * names (a second "alg" could otherwise mean one thing to us and another to a peer). Bounded:
 * input length and nesting depth are checked before they can cost memory or stack.
 * Errors are {@link MalformedJoseException}s naming {@code what} and the character offset.
 */
public final class JsonReader {

    private final String text;
    private final String what;
    private final int maxDepth;
    private int pos;

    private JsonReader(String text, String what, int maxDepth) {
        this.text = text;
        this.what = what;
        this.maxDepth = maxDepth;
    }

    /** Parses UTF-8 bytes (strictly decoded) that must hold one JSON object. */
    public static JsonObject parseObject(byte[] utf8, String what, int maxLength, int maxDepth) {
        if (utf8.length > maxLength) {
            throw new JoseLimitException(what + ": " + utf8.length + " bytes exceed the limit of " + maxLength);
        }
        return parseObject(utf8(utf8, what), what, maxLength, maxDepth);
    }

    /** Parses text that must hold one JSON object. */
    public static JsonObject parseObject(String text, String what, int maxLength, int maxDepth) {
        Object v = parse(text, what, maxLength, maxDepth);
        if (!(v instanceof JsonObject o)) {
            throw new MalformedJoseException(what + ": expected a JSON object");
        }
        return o;
    }

    /** Parses text that must hold one JSON value. */
    public static Object parse(String text, String what, int maxLength, int maxDepth) {
        if (text.length() > maxLength) {
            throw new JoseLimitException(what + ": " + text.length() + " characters exceed the limit of " + maxLength);
        }
        JsonReader r = new JsonReader(text, what, maxDepth);
        r.skipWhitespace();
        Object v = r.value(0);
        r.skipWhitespace();
        if (r.pos != text.length()) {
            throw r.error("unexpected data after the JSON value");
        }
        return v;
    }

    /** Strict UTF-8 decoding (overlongs, surrogates and truncated sequences refused). */
    public static String utf8(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedJoseException(what + ": not valid UTF-8");
        }
    }

    private Object value(int depth) {
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return JsonNull.INSTANCE;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected character " + shown(c));
        }
    }

    private JsonObject object(int depth) {
        checkDepth(depth);
        pos++;
        LinkedHashMap<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return new JsonObject(what, members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name");
            }
            int at = pos;
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object v = value(depth);
            if (members.putIfAbsent(name, v) != null) {
                pos = at;
                throw error("duplicate member name \"" + name + "\"");
            }
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                return new JsonObject(what, members);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> array(int depth) {
        checkDepth(depth);
        pos++;
        List<Object> items = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return Collections.unmodifiableList(items);
        }
        while (true) {
            skipWhitespace();
            items.add(value(depth));
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                return Collections.unmodifiableList(items);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() {
        pos++;
        StringBuilder sb = null;
        int start = pos;
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String s = sb == null ? text.substring(start, pos) : sb.append(text, start, pos).toString();
                pos++;
                return s;
            }
            if (c < 0x20) {
                throw error("unescaped control character " + shown(c) + " in a string");
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && pos + 1 < text.length() && Character.isLowSurrogate(text.charAt(pos + 1))) {
                    pos += 2;
                    continue;
                }
                throw error("unpaired surrogate in a string");
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            sb.append(text, start, pos);
            pos++;
            if (pos >= text.length()) {
                throw error("unterminated escape");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    char u = hex4();
                    if (Character.isHighSurrogate(u)) {
                        if (pos + 6 <= text.length() && text.charAt(pos) == '\\' && text.charAt(pos + 1) == 'u') {
                            pos += 2;
                            char low = hex4();
                            if (!Character.isLowSurrogate(low)) {
                                throw error("unpaired surrogate escape");
                            }
                            sb.append(u).append(low);
                        } else {
                            throw error("unpaired surrogate escape");
                        }
                    } else if (Character.isLowSurrogate(u)) {
                        throw error("unpaired surrogate escape");
                    } else {
                        sb.append(u);
                    }
                }
                default -> {
                    pos--;
                    throw error("invalid escape \\" + e);
                }
            }
            start = pos;
        }
    }

    private char hex4() {
        if (pos + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0 || text.charAt(pos + i) > 'f') {
                throw error("invalid \\u escape");
            }
            v = v << 4 | d;
        }
        pos += 4;
        return (char) v;
    }

    private JsonNumber number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error("leading zero in a number");
            }
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("expected a digit");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("expected a digit after '.'");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent");
            }
            digits();
        }
        return new JsonNumber(text.substring(start, pos));
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw error("invalid literal");
        }
        pos += word.length();
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    /** The next character, or NUL at the end (never valid where it matters, so errors follow naturally). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private void checkDepth(int depth) {
        if (depth > maxDepth) {
            throw new JoseLimitException(what + ": JSON nested deeper than " + maxDepth + " at offset " + pos);
        }
    }

    private static String shown(char c) {
        return c < 0x20 || c >= 0x7f ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    private MalformedJoseException error(String message) {
        if (pos >= text.length() && !message.startsWith("unexpected end")) {
            return new MalformedJoseException(what + ": invalid JSON: unexpected end of input (" + message + ")");
        }
        return new MalformedJoseException(what + ": invalid JSON: " + message + " at offset " + pos);
    }
}
