package org.lightwire.role.h1.wire;

import java.util.List;
import org.lightwire.api.http.HttpFields;
import org.lightwire.api.http.HttpStatus;

/**
 * How an HTTP/1.1 message body is delimited (RFC 9112 section 6.3), decided once per
 * message from its Content-Length and Transfer-Encoding fields, with the checks that keep
 * two parsers of the same bytes from disagreeing about where a message ends (request
 * smuggling: CL.TE, TE.CL, TE.TE).
 *
 * @param kind   how the body ends
 * @param length the body length for {@link Kind#LENGTH}, else -1
 */
public record BodyFraming(Kind kind, long length) {

    /** How a body is delimited. */
    public enum Kind {
        /** No body. */
        NONE,
        /** Exactly {@link BodyFraming#length()} bytes. */
        LENGTH,
        /** Chunked transfer coding, ended by the last chunk. */
        CHUNKED,
        /** Responses only: everything until the server closes. */
        UNTIL_CLOSE
    }

    public static final BodyFraming NONE = new BodyFraming(Kind.NONE, -1);
    public static final BodyFraming CHUNKED = new BodyFraming(Kind.CHUNKED, -1);
    public static final BodyFraming UNTIL_CLOSE = new BodyFraming(Kind.UNTIL_CLOSE, -1);

    /**
     * The framing of a request body. Refused (the connection must close afterwards):
     * <ul>
     *   <li>Transfer-Encoding and Content-Length together (400);</li>
     *   <li>Transfer-Encoding on an HTTP/1.0 request (400, RFC 9112 section 6.1);</li>
     *   <li>a coding list whose last coding is not {@code chunked}, an empty element or a
     *       repeated {@code chunked} (400); a coding other than {@code chunked} (501: only
     *       chunked is implemented);</li>
     *   <li>a Content-Length that is not one run of digits, overflows, or whose repeated
     *       values differ (400).</li>
     * </ul>
     */
    public static BodyFraming ofRequest(HttpFields fields, boolean http10) throws HttpWireException {
        List<String> te = fields.getAll("transfer-encoding");
        List<String> cl = fields.getAll("content-length");
        if (!te.isEmpty()) {
            if (!cl.isEmpty()) {
                throw new HttpWireException(400, "both Transfer-Encoding and Content-Length");
            }
            if (http10) {
                throw new HttpWireException(400, "Transfer-Encoding in an HTTP/1.0 request");
            }
            checkCodings(te);
            return CHUNKED;
        }
        if (cl.isEmpty()) {
            return NONE;
        }
        long length = contentLength(cl);
        return length == 0 ? NONE : new BodyFraming(Kind.LENGTH, length);
    }

    /**
     * The framing of a response body as a client sees it (RFC 9112 section 6.3): none for
     * HEAD requests, 1xx, 204 and 304; chunked when Transfer-Encoding ends in chunked;
     * until close when it names another coding or nothing says; else Content-Length.
     */
    public static BodyFraming ofResponse(HttpFields fields, int status, boolean headRequest) throws HttpWireException {
        if (headRequest || HttpStatus.isBodyless(status)) {
            return NONE;
        }
        List<String> te = fields.getAll("transfer-encoding");
        if (!te.isEmpty()) {
            String[] codings = String.join(",", te).split(",", -1);
            return codings[codings.length - 1].trim().equalsIgnoreCase("chunked") ? CHUNKED : UNTIL_CLOSE;
        }
        List<String> cl = fields.getAll("content-length");
        if (cl.isEmpty()) {
            return UNTIL_CLOSE;
        }
        long length = contentLength(cl);
        return length == 0 ? NONE : new BodyFraming(Kind.LENGTH, length);
    }

    private static void checkCodings(List<String> values) throws HttpWireException {
        int chunked = 0;
        String last = null;
        String unknown = null;
        for (String v : values) {
            for (String element : v.split(",", -1)) {
                String coding = element.trim();
                if (coding.isEmpty()) {
                    throw new HttpWireException(400, "empty element in Transfer-Encoding");
                }
                if (coding.equalsIgnoreCase("chunked")) {
                    chunked++;
                } else if (unknown == null) {
                    unknown = coding;
                }
                last = coding;
            }
        }
        if (!"chunked".equalsIgnoreCase(last)) {
            throw new HttpWireException(400, "Transfer-Encoding does not end with chunked: the body length is unknown");
        }
        if (chunked > 1) {
            throw new HttpWireException(400, "chunked applied more than once");
        }
        if (unknown != null) {
            throw new HttpWireException(501, "unsupported transfer coding '" + unknown + "'");
        }
    }

    /**
     * The value of one or more Content-Length fields (each possibly a comma list of equal
     * values, as some intermediaries send).
     * @throws HttpWireException (400) unless every value is the same run of 1 to 18 digits
     */
    public static long contentLength(List<String> values) throws HttpWireException {
        long length = -1;
        for (String v : values) {
            for (String element : v.split(",", -1)) {
                long n = digits(element.trim());
                if (length >= 0 && n != length) {
                    throw new HttpWireException(400, "differing Content-Length values");
                }
                length = n;
            }
        }
        return length;
    }

    private static long digits(String s) throws HttpWireException {
        if (s.isEmpty() || s.length() > 18) {
            throw new HttpWireException(400, "Content-Length is not 1 to 18 digits");
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new HttpWireException(400, "Content-Length is not a number");
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
