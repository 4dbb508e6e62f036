package org.lightwire.role.ws;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.lightwire.api.http.HttpFields;

/**
 * Reads the server's answer to a client's upgrade request: the status line and header
 * fields up to the empty line (RFC 9112 sections 4 and 5), bounded so a hostile server
 * cannot make the client buffer without limit. Bytes after the head are frames and stay in
 * the input buffer. Runs once per connection, so it may build strings. Bounded by the
 * context's {@code http-max-*} limits (status line + fields, field count).
 */
final class HandshakeResponse {

    private final int maxHeadBytes;
    private final int maxFields;
    private byte[] head = new byte[256];
    private int length;
    private int status;
    private String statusLine;
    private HttpFields fields;

    HandshakeResponse(int maxHeadBytes, int maxFields) {
        this.maxHeadBytes = maxHeadBytes;
        this.maxFields = maxFields;
    }

    /** A response head that cannot be accepted. */
    static final class BadResponseException extends Exception {
        private static final long serialVersionUID = 1L;

        private final boolean retryable;

        /** An answer that would be the same next time: the connection fails for good. */
        BadResponseException(String message) {
            this(message, false);
        }

        /** @param retryable whether a later attempt may be answered differently (a 5xx) */
        BadResponseException(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }

        boolean retryable() {
            return retryable;
        }
    }

    /**
     * Takes bytes from {@code in} up to the end of the head.
     *
     * @return true once the head is complete (the rest of {@code in} is not consumed)
     * @throws BadResponseException for a head over the byte limit or malformed
     */
    boolean feed(ByteBuffer in) throws BadResponseException {
        while (in.hasRemaining()) {
            if (length == maxHeadBytes) {
                throw new BadResponseException("handshake response head over " + maxHeadBytes + " bytes");
            }
            if (length == head.length) {
                head = java.util.Arrays.copyOf(head, Math.min(maxHeadBytes, head.length * 2));
            }
            head[length++] = in.get();
            if (length >= 4 && head[length - 1] == '\n' && head[length - 2] == '\r' && head[length - 3] == '\n'
                    && head[length - 4] == '\r') {
                parse();
                return true;
            }
        }
        return false;
    }

    /** The status code (valid once {@link #feed} returned true). */
    int status() {
        return status;
    }

    /** The status line as received, control characters replaced (valid once {@link #feed} returned true). */
    String statusLine() {
        return statusLine;
    }

    /** The header fields (valid once {@link #feed} returned true). */
    HttpFields fields() {
        return fields;
    }

    private void parse() throws BadResponseException {
        String text = new String(head, 0, length - 4, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n", -1);
        String statusLine = lines[0];
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12 || (statusLine.length() > 12
                && statusLine.charAt(12) != ' ')) {
            throw new BadResponseException("not an HTTP/1.1 status line: '" + printable(statusLine) + "'");
        }
        this.statusLine = printable(statusLine);
        try {
            status = Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new BadResponseException("bad status code in '" + printable(statusLine) + "'");
        }
        if (lines.length - 1 > maxFields) {
            throw new BadResponseException("more than " + maxFields + " header fields");
        }
        HttpFields.Builder b = HttpFields.builder();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon <= 0 || !HttpFields.isToken(line.substring(0, colon))) {
                throw new BadResponseException("malformed header line '" + printable(line) + "'");
            }
            String value = line.substring(colon + 1).strip();
            if (!HttpFields.isValidValue(value)) {
                throw new BadResponseException("invalid characters in header " + line.substring(0, colon));
            }
            b.add(line.substring(0, colon), value);
        }
        fields = b.build();
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && i < 80; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c > 0x7e ? '?' : c);
        }
        return b.toString();
    }
}
