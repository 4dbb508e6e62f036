package org.lightwire.role.h1.internal;

import java.nio.ByteBuffer;
import org.lightwire.api.http.HttpFields;
import org.lightwire.api.http.HttpStatus;

/**
 * Serializes an HTTP/1.1 response head into a buffer (lws {@code lws_add_http_header_*} and
 * {@code lws_finalize_http_header}). Always "HTTP/1.1" (RFC 9110 section 6.2: a server sends
 * its own highest version). Field values are already checked by {@link HttpFields}; names are
 * written as given (lower case from HttpFields, which HTTP/1.1 accepts).
 */
final class ResponseHead {

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private ResponseHead() {
    }

    /** The interim "100 Continue" response. */
    static void putContinue(ByteBuffer out) {
        out.put(CONTINUE);
    }

    /** An upper bound of what {@link #putStatusLine} and one field of these strings take. */
    static int estimate(HttpFields fields) {
        int n = 64;
        for (int i = 0; i < fields.size(); i++) {
            n += fields.name(i).length() + fields.value(i).length() + 4;
        }
        return n;
    }

    static void putStatusLine(ByteBuffer out, int status) {
        putAscii(out, "HTTP/1.1 ");
        out.put((byte) ('0' + status / 100 % 10)).put((byte) ('0' + status / 10 % 10)).put((byte) ('0' + status % 10));
        out.put((byte) ' ');
        putAscii(out, HttpStatus.reason(status));
        crlf(out);
    }

    static void putField(ByteBuffer out, String name, String value) {
        putAscii(out, name);
        out.put((byte) ':').put((byte) ' ');
        putLatin1(out, value);
        crlf(out);
    }

    static void putField(ByteBuffer out, String name, long value) {
        putAscii(out, name);
        out.put((byte) ':').put((byte) ' ');
        putDecimal(out, value);
        crlf(out);
    }

    /** Every field except those the role owns (framing and connection management). */
    static void putFields(ByteBuffer out, HttpFields fields) {
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.name(i);
            if (!isRoleOwned(name)) {
                putField(out, name, fields.value(i));
            }
        }
    }

    /** Fields a protocol or route may not set: the role frames the body and manages the connection. */
    static boolean isRoleOwned(String lowerCaseName) {
        return switch (lowerCaseName) {
            case "content-length", "transfer-encoding", "connection", "keep-alive", "server", "date" -> true;
            default -> false;
        };
    }

    static void crlf(ByteBuffer out) {
        out.put((byte) '\r').put((byte) '\n');
    }

    private static void putAscii(ByteBuffer out, String s) {
        for (int i = 0; i < s.length(); i++) {
            out.put((byte) s.charAt(i));
        }
    }

    /** Values may hold obs-text; chars above 0xff (never valid on the wire) become '?'. */
    private static void putLatin1(ByteBuffer out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.put(c > 0xff ? (byte) '?' : (byte) c);
        }
    }

    private static void putDecimal(ByteBuffer out, long v) {
        if (v == 0) {
            out.put((byte) '0');
            return;
        }
        long div = 1;
        while (v / div >= 10) {
            div *= 10;
        }
        for (; div > 0; div /= 10) {
            out.put((byte) ('0' + v / div % 10));
        }
    }
}
