package org.lightwire.config.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

import org.lightwire.config.internal.JsonValue.ArrayValue;
import org.lightwire.config.internal.JsonValue.BooleanValue;
import org.lightwire.config.internal.JsonValue.Member;
import org.lightwire.config.internal.JsonValue.NullValue;
import org.lightwire.config.internal.JsonValue.NumberValue;
import org.lightwire.config.internal.JsonValue.ObjectValue;
import org.lightwire.config.internal.JsonValue.StringValue;

/**
 * A strict JSON reader for lwsws config files: RFC 8259 plus lws' one extension, a
 * {@code #} outside a string starting a comment that runs to the end of the line.
 *
 * <p>Config files come from operators and from packages dropping files into
 * {@code conf.d/}, so the reader trusts nothing: nesting, document and string sizes are
 * bounded (recursion is bounded by the depth limit, so no input can overflow the stack),
 * and every deviation from the grammar is a {@link JsonSyntaxException} that says where
 * it is and which key was being read. A NUL character is refused everywhere, escaped or
 * not, because lws hands these strings to C code that would silently cut them short.
 * A leading byte order mark is skipped, as RFC 8259 allows, because some editors add one.
 *
 * <p>One reader reads one document; it is not thread-safe and not reusable.
 */
public final class JsonReader {

    /** Deepest nesting of objects and arrays accepted; the top-level object is level 1. */
    public static final int MAX_DEPTH = 32;

    /** Largest document accepted, in characters (the loader applies it to file bytes too). */
    public static final int MAX_DOCUMENT_SIZE = 1 << 20;

    /** Longest string (and number) accepted, in characters after unescaping. */
    public static final int MAX_STRING_LENGTH = 64 << 10;

    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;
    // Columns are counted lazily from the last position asked for, so recording the
    // position of every token costs time proportional to the document, not its square.
    private int columnCursor;
    private int columnAtCursor = 1;
    private int depth;
    private final Deque<Object> path = new ArrayDeque<>();

    private JsonReader(String text) {
        this.text = text;
    }

    /**
     * Reads one complete document.
     *
     * @throws JsonSyntaxException if the text is not one strict JSON value (comments
     *         aside) or exceeds a limit
     */
    public static JsonValue read(String text) throws JsonSyntaxException {
        if (text.length() > MAX_DOCUMENT_SIZE) {
            throw new JsonSyntaxException("document is larger than 1 MiB", new Position(1, 1), null);
        }
        return new JsonReader(text).document();
    }

    private JsonValue document() throws JsonSyntaxException {
        if (!atEnd() && text.charAt(pos) == '\uFEFF') {
            pos++;
            lineStart = pos;
            columnCursor = pos;
        }
        skipBlank();
        if (atEnd()) {
            throw error(here(), "empty document: expected a JSON object");
        }
        JsonValue root = value();
        skipBlank();
        if (!atEnd()) {
            throw error(here(), "unexpected " + describe(pos) + " after the end of the document");
        }
        return root;
    }

    private JsonValue value() throws JsonSyntaxException {
        if (atEnd()) {
            throw error(here(), "unexpected end of document: expected a value");
        }
        Position at = here();
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object(at);
            case '[':
                return array(at);
            case '"':
                return new StringValue(string(at), at);
            case 't':
                literal("true", at);
                return new BooleanValue(true, at);
            case 'f':
                literal("false", at);
                return new BooleanValue(false, at);
            case 'n':
                literal("null", at);
                return new NullValue(at);
            default:
                if (c == '-' || isDigit(c)) {
                    return number(at);
                }
                throw error(at, "unexpected " + describe(pos) + ": expected a value");
        }
    }

    private ObjectValue object(Position at) throws JsonSyntaxException {
        enter(at);
        pos++;
        List<Member> members = new ArrayList<>();
        skipBlank();
        if (!atEnd() && text.charAt(pos) == '}') {
            pos++;
            depth--;
            return new ObjectValue(members, at);
        }
        while (true) {
            skipBlank();
            if (atEnd()) {
                throw unclosed("object", at);
            }
            if (text.charAt(pos) != '"') {
                throw error(here(), "expected a key in double quotes, found " + describe(pos));
            }
            Position keyAt = here();
            String name = string(keyAt);
            path.push(name);
            skipBlank();
            if (atEnd()) {
                throw unclosed("object", at);
            }
            if (text.charAt(pos) != ':') {
                throw error(here(), "expected ':' after the key, found " + describe(pos));
            }
            pos++;
            skipBlank();
            JsonValue value = value();
            path.pop();
            members.add(new Member(name, keyAt, value));
            skipBlank();
            if (atEnd()) {
                throw unclosed("object", at);
            }
            char c = text.charAt(pos);
            if (c == '}') {
                pos++;
                depth--;
                return new ObjectValue(members, at);
            }
            if (c != ',') {
                throw error(here(), "expected ',' or '}' in the object opened at " + at + ", found " + describe(pos));
            }
            pos++;
        }
    }

    private ArrayValue array(Position at) throws JsonSyntaxException {
        enter(at);
        pos++;
        List<JsonValue> elements = new ArrayList<>();
        skipBlank();
        if (!atEnd() && text.charAt(pos) == ']') {
            pos++;
            depth--;
            return new ArrayValue(elements, at);
        }
        while (true) {
            skipBlank();
            path.push(elements.size());
            elements.add(value());
            path.pop();
            skipBlank();
            if (atEnd()) {
                throw unclosed("array", at);
            }
            char c = text.charAt(pos);
            if (c == ']') {
                pos++;
                depth--;
                return new ArrayValue(elements, at);
            }
            if (c != ',') {
                throw error(here(), "expected ',' or ']' in the array opened at " + at + ", found " + describe(pos));
            }
            pos++;
        }
    }

    private void enter(Position at) throws JsonSyntaxException {
        if (++depth > MAX_DEPTH) {
            throw error(at, "nesting deeper than " + MAX_DEPTH + " levels");
        }
    }

    private String string(Position at) throws JsonSyntaxException {
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw error(at, "unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c == '\\') {
                escape(at, out);
            } else if (c == '\n' || c == '\r') {
                throw error(at, "unterminated string: the line ends before the closing quote");
            } else if (c == 0) {
                throw error(here(), "NUL character inside a string");
            } else if (c < 0x20) {
                throw error(here(), describe(pos) + " inside a string: write it as an escape");
            } else {
                out.append(c);
                pos++;
            }
            if (out.length() > MAX_STRING_LENGTH) {
                throw error(at, "string longer than 64 KiB");
            }
        }
    }

    private void escape(Position stringAt, StringBuilder out) throws JsonSyntaxException {
        Position at = here();
        pos++;
        if (atEnd()) {
            throw error(stringAt, "unterminated string");
        }
        char e = text.charAt(pos);
        switch (e) {
            case '"', '\\', '/' -> out.append(e);
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
                char unit = hex4(at);
                if (unit == 0) {
                    throw error(at, "\\u0000 is not allowed: config strings cannot hold a NUL character");
                }
                // Lone surrogates are passed through: they are valid JSON escapes, and the
                // values only ever travel as Java strings.
                out.append(unit);
                return;
            }
            default -> throw error(at, "bad escape: backslash followed by " + describe(pos));
        }
        pos++;
    }

    private char hex4(Position at) throws JsonSyntaxException {
        int value = 0;
        for (int i = 1; i <= 4; i++) {
            int digit = pos + i < text.length() ? Character.digit(text.charAt(pos + i), 16) : -1;
            if (digit < 0) {
                throw error(at, "bad \\u escape: expected four hex digits");
            }
            value = value << 4 | digit;
        }
        pos += 5;
        return (char) value;
    }

    private NumberValue number(Position at) throws JsonSyntaxException {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
            if (atEnd() || !isDigit(text.charAt(pos))) {
                throw error(at, "'-' must be followed by a digit");
            }
        }
        if (text.charAt(pos) == '0') {
            pos++;
            if (!atEnd() && isDigit(text.charAt(pos))) {
                throw error(at, "numbers must not have leading zeros");
            }
        } else {
            skipDigits();
        }
        if (!atEnd() && text.charAt(pos) == '.') {
            pos++;
            requireDigit("after the decimal point");
        }
        if (!atEnd() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (!atEnd() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            requireDigit("in the exponent");
        }
        if (pos - start > MAX_STRING_LENGTH) {
            throw error(at, "number longer than 64 KiB");
        }
        return new NumberValue(text.substring(start, pos), at);
    }

    private void requireDigit(String where) throws JsonSyntaxException {
        if (atEnd() || !isDigit(text.charAt(pos))) {
            throw error(here(), "expected a digit " + where);
        }
        skipDigits();
    }

    private void skipDigits() {
        while (!atEnd() && isDigit(text.charAt(pos))) {
            pos++;
        }
    }

    private void literal(String word, Position at) throws JsonSyntaxException {
        if (!text.startsWith(word, pos)) {
            throw error(at, "unexpected " + describe(pos) + ": expected a value (did you mean " + word + "?)");
        }
        pos += word.length();
    }

    /** Skips whitespace and comments, keeping the line count. */
    private void skipBlank() throws JsonSyntaxException {
        while (!atEnd()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '\n') {
                pos++;
                newLine();
            } else if (c == '\r') {
                pos++;
                if (!atEnd() && text.charAt(pos) == '\n') {
                    pos++;
                }
                newLine();
            } else if (c == '#') {
                skipComment();
            } else {
                return;
            }
        }
    }

    private void skipComment() throws JsonSyntaxException {
        while (!atEnd()) {
            char c = text.charAt(pos);
            if (c == '\n' || c == '\r') {
                return;
            }
            if (c == 0) {
                throw error(here(), "NUL character in a comment");
            }
            pos++;
        }
    }

    private void newLine() {
        line++;
        lineStart = pos;
        columnCursor = pos;
        columnAtCursor = 1;
    }

    private Position here() {
        if (pos < columnCursor) {
            columnCursor = lineStart;
            columnAtCursor = 1;
        }
        columnAtCursor += text.codePointCount(columnCursor, pos);
        columnCursor = pos;
        return new Position(line, columnAtCursor);
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private String describe(int index) {
        if (index >= text.length()) {
            return "end of document";
        }
        int cp = text.codePointAt(index);
        if (cp == 0) {
            return "NUL character";
        }
        if (cp < 0x20 || cp == 0x7f || Character.isSurrogate((char) cp) || cp == 0xFEFF) {
            return String.format("character U+%04X", cp);
        }
        return "'" + new String(Character.toChars(cp)) + "'";
    }

    private JsonSyntaxException unclosed(String what, Position at) {
        return error(here(), "unexpected end of document: the " + what + " opened at " + at + " is not closed");
    }

    private JsonSyntaxException error(Position at, String problem) {
        return new JsonSyntaxException(problem, at, currentPath());
    }

    private String currentPath() {
        if (path.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Iterator<Object> it = path.descendingIterator(); it.hasNext();) {
            Object segment = it.next();
            if (segment instanceof Integer index) {
                sb.append('[').append(index).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(segment);
            }
        }
        return sb.toString();
    }
}
