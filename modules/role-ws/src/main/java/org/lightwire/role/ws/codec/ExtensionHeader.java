package org.lightwire.role.ws.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Parser of {@code Sec-WebSocket-Extensions} values (RFC 6455 §9.1): a comma-separated list
 * of extensions, each a token followed by {@code ;}-separated parameters
 * {@code token [= (token | quoted-string)]}. Runs once per handshake, so it builds lists.
 */
public final class ExtensionHeader {

    /** One parameter; {@code value} is null when the parameter has none. */
    public record Param(String name, String value) {
    }

    /** One list element: an extension name and its parameters in order. */
    public record Extension(String name, List<Param> params) {
    }

    private final String text;
    private int pos;

    private ExtensionHeader(String text) {
        this.text = text;
    }

    /**
     * Parses a whole header value (several header lines are joined with {@code ,} first).
     * Empty list elements are skipped, as RFC 7230 §7 asks of recipients.
     *
     * @throws MalformedExtensionException naming the offset of the first syntax error
     */
    public static List<Extension> parse(String value) throws MalformedExtensionException {
        return new ExtensionHeader(value).extensions();
    }

    private List<Extension> extensions() throws MalformedExtensionException {
        List<Extension> result = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos == text.length()) {
                return result;
            }
            if (text.charAt(pos) == ',') {
                pos++;
                continue;
            }
            String name = token("extension name");
            List<Param> params = new ArrayList<>();
            skipSpace();
            while (pos < text.length() && text.charAt(pos) == ';') {
                pos++;
                skipSpace();
                String param = token("parameter name");
                skipSpace();
                String value = null;
                if (pos < text.length() && text.charAt(pos) == '=') {
                    pos++;
                    skipSpace();
                    value = pos < text.length() && text.charAt(pos) == '"' ? quoted() : token("parameter value");
                    skipSpace();
                }
                params.add(new Param(param, value));
            }
            if (pos < text.length() && text.charAt(pos) != ',') {
                throw error("expected ',' or ';'");
            }
            result.add(new Extension(name, List.copyOf(params)));
        }
    }

    private String token(String what) throws MalformedExtensionException {
        int start = pos;
        while (pos < text.length() && isTokenChar(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw error("expected " + what);
        }
        return text.substring(start, pos);
    }

    /** A quoted-string; RFC 6455 §9.1 requires its unescaped content to be a token. */
    private String quoted() throws MalformedExtensionException {
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                if (value.length() == 0 || !value.chars().allMatch(ch -> isTokenChar((char) ch))) {
                    throw error("quoted value is not a token");
                }
                return value.toString();
            }
            if (c == '\\') {
                if (pos == text.length()) {
                    break;
                }
                c = text.charAt(pos++);
            }
            value.append(c);
        }
        throw error("unterminated quoted string");
    }

    private void skipSpace() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    /** RFC 7230 §3.2.6 tchar. */
    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private MalformedExtensionException error(String what) {
        return new MalformedExtensionException(what + " at offset " + pos + " of \"" + text + "\"");
    }
}
