package org.lightwire.role.h1.internal;

import org.lightwire.api.http.HttpFields;
import org.lightwire.role.h1.wire.HttpWireException;

/**
 * A parsed HTTP/1.1 request line (RFC 9112 section 3): method, target split into its
 * parts, and version.
 *
 * @param method    the method token, case-sensitive as sent
 * @param target    the request target as sent
 * @param rawPath   the path, still percent-encoded ("*" for the asterisk form)
 * @param query     the query without '?', still encoded; null if none
 * @param authority the host[:port] of an absolute-form target; null for origin form
 * @param minor     the HTTP/1.x minor version: 0 or 1 (higher minors are served as 1.1)
 */
record RequestLine(String method, String target, String rawPath, String query, String authority, int minor) {

    /** Longest method token accepted; real methods are short, and a long one is an attack. */
    static final int MAX_METHOD = 32;

    /**
     * Parses a request line: exactly {@code method SP target SP HTTP/1.x}.
     * <ul>
     *   <li>method: a token of at most {@value #MAX_METHOD} characters (else 400; 501 for
     *       CONNECT: this server is not a proxy);</li>
     *   <li>version: {@code HTTP/1.0} or {@code HTTP/1.1}; {@code HTTP/1.n} with a higher
     *       single-digit minor is served as 1.1 (RFC 9110 section 6.2); another single-digit
     *       major, e.g. {@code HTTP/2.0}, is 505; anything else is 400;</li>
     *   <li>target: origin form ({@code /path?query}), absolute form
     *       ({@code http://host[:port]/path}) or {@code *} for OPTIONS; only characters RFC
     *       3986 allows, percent signs followed by two hex digits, no fragment (else 400).</li>
     * </ul>
     */
    static RequestLine parse(String line) throws HttpWireException {
        int sp1 = line.indexOf(' ');
        int sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
        if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0 || sp2 == sp1 + 1) {
            throw new HttpWireException(400, "request line is not 'method SP target SP version'");
        }
        String method = line.substring(0, sp1);
        if (method.length() > MAX_METHOD || !HttpFields.isToken(method)) {
            throw new HttpWireException(400, "invalid method token");
        }
        int minor = version(line.substring(sp2 + 1));
        String target = line.substring(sp1 + 1, sp2);
        if (method.equals("CONNECT")) {
            throw new HttpWireException(501, "CONNECT is not supported: this is not a proxy");
        }
        if (target.equals("*")) {
            if (!method.equals("OPTIONS")) {
                throw new HttpWireException(400, "asterisk-form target with a method other than OPTIONS");
            }
            return new RequestLine(method, target, "*", null, null, minor);
        }
        checkTargetChars(target);
        String authority = null;
        String rest = target;
        if (!target.startsWith("/")) {
            int schemeEnd = target.indexOf("://");
            String scheme = schemeEnd < 0 ? "" : target.substring(0, schemeEnd);
            if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
                throw new HttpWireException(400, "request target is neither origin form nor an http(s) absolute URI");
            }
            int pathStart = schemeEnd + 3;
            int slash = target.indexOf('/', pathStart);
            int question = target.indexOf('?', pathStart);
            int end = slash < 0 ? (question < 0 ? target.length() : question) : (question < 0 ? slash : Math.min(slash, question));
            authority = target.substring(pathStart, end);
            if (authority.isEmpty() || authority.indexOf('@') >= 0) {
                throw new HttpWireException(400, "absolute-form target with an empty authority or user info");
            }
            rest = end == target.length() ? "/" : (target.charAt(end) == '?' ? "/" + target.substring(end) : target.substring(end));
        }
        int q = rest.indexOf('?');
        String rawPath = q < 0 ? rest : rest.substring(0, q);
        String query = q < 0 ? null : rest.substring(q + 1);
        return new RequestLine(method, target, rawPath, query, authority, minor);
    }

    private static int version(String v) throws HttpWireException {
        if (v.length() != 8 || !v.startsWith("HTTP/") || v.charAt(6) != '.'
                || !isDigit(v.charAt(5)) || !isDigit(v.charAt(7))) {
            throw new HttpWireException(400, "malformed HTTP version");
        }
        if (v.charAt(5) != '1') {
            throw new HttpWireException(505, "HTTP version " + v.substring(5) + " is not supported over HTTP/1.1 framing");
        }
        return v.charAt(7) == '0' ? 0 : 1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** RFC 3986 characters: unreserved, sub-delims, ':' '@' '/' '?' and pct-encoded. */
    private static void checkTargetChars(String target) throws HttpWireException {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%') {
                if (i + 2 >= target.length() || !isHex(target.charAt(i + 1)) || !isHex(target.charAt(i + 2))) {
                    throw new HttpWireException(400, "'%' in the target not followed by two hex digits");
                }
                i += 2;
            } else if (!isUriChar(c)) {
                throw new HttpWireException(400, "invalid character in the request target");
            }
        }
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isUriChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
    }

    /** "HTTP/1.0" or "HTTP/1.1", as {@link org.lightwire.api.http.HttpRequest#version()} reports it. */
    String version() {
        return minor == 0 ? "HTTP/1.0" : "HTTP/1.1";
    }
}
