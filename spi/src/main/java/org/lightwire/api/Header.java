package org.lightwire.api;

import java.util.Objects;

/**
 * One HTTP response header to add, as given in lwsws' {@code "headers"} arrays on a vhost
 * (added to everything the vhost serves) or on a mount (added to what that mount serves).
 * Also the shape of one {@code "cgi-env"} entry of a mount (variable name and value).
 *
 * <p>The name is kept as written (HTTP header names are case-insensitive; HTTP/2 senders
 * lower-case them). Names must be HTTP tokens (RFC 9110 section 5.6.2) and neither part
 * may hold CR, LF or NUL, so a configured header can never split a response.
 *
 * @param name  the header name, an HTTP token, for example {@code "X-Frame-Options"}
 * @param value the header value; may be empty
 */
public record Header(String name, String value) {

    public Header {
        Objects.requireNonNull(name, "header name");
        Objects.requireNonNull(value, "header value");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("header name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isTokenChar(name.charAt(i))) {
                throw new IllegalArgumentException("header name '" + printable(name)
                        + "' is not an HTTP token (character " + (i + 1) + " is not allowed)");
            }
        }
        int bad = indexOfControl(value);
        if (bad >= 0) {
            throw new IllegalArgumentException("header '" + name + "': value must not contain CR, LF or NUL"
                    + " (found at character " + (bad + 1) + ")");
        }
    }

    /** Whether {@code c} may appear in an HTTP token ({@code tchar} of RFC 9110 section 5.6.2). */
    static boolean isTokenChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** Index of the first CR, LF or NUL in {@code s}, or -1: those would end or corrupt a header line. */
    static int indexOfControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                return i;
            }
        }
        return -1;
    }

    /** {@code s} with control characters escaped, for error messages that must stay on one line. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
