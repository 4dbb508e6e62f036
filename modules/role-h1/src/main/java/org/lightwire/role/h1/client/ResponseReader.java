package org.lightwire.role.h1.client;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import org.lightwire.api.HttpLimits;
import org.lightwire.api.http.HttpFields;
import org.lightwire.role.h1.wire.BodyFraming;
import org.lightwire.role.h1.wire.ChunkedDecoder;
import org.lightwire.role.h1.wire.HeadReader;
import org.lightwire.role.h1.wire.HttpWireException;

/**
 * Reads HTTP/1.1 responses from a client connection's byte stream, one at a time and
 * incrementally (lws {@code lws_client_interpret_server_handshake} plus
 * {@code lws_http_client_read}'s de-chunking): the status line, the header fields within
 * the context's {@link HttpLimits}, then the body as slices of the caller's buffer, never
 * copied.
 *
 * <h2>Strict where the framing is at stake</h2>
 * Besides the head rules of {@link HeadReader}: the status line must be
 * {@code HTTP/1.0} or {@code HTTP/1.1}, a three-digit code 100..599 and an optional
 * reason; Transfer-Encoding together with Content-Length, Transfer-Encoding on an HTTP/1.0
 * response, a transfer coding other than {@code chunked}, and bad or differing
 * Content-Length values are refused; so is an unrequested 101. A violation is an
 * {@link HttpWireException}; the connection cannot be trusted afterwards.
 */
final class ResponseReader {

    /** What {@link #next} found. */
    enum Step {
        /** Everything offered was consumed; more input is needed. */
        NEED_MORE,
        /** An interim (1xx) response was read and skipped. */
        INTERIM,
        /** The final response's status line and fields are ready. */
        HEAD,
        /** {@link #bodyBytes()} payload bytes start at the buffer's position. */
        BODY,
        /** The response is complete. */
        COMPLETE
    }

    private enum State { IDLE, HEAD, LENGTH, CHUNKED, UNTIL_CLOSE, DONE }

    private final HeadReader head;
    private final ChunkedDecoder chunked;

    private State state = State.IDLE;
    private boolean headRequest;
    private boolean http10;
    private int status;
    private String reason = "";
    private HttpFields fields = HttpFields.EMPTY;
    private long lengthLeft;
    private int bodyBytes;
    private boolean keepAlive;

    ResponseReader(HttpLimits limits) {
        this.head = new HeadReader(limits.maxRequestLine(), limits.maxHeaderBytes(), limits.maxHeaderCount(), 400);
        // the context's http-max-chunk-line bounds size lines both ways; trailers, like the
        // response head, are bounded by http-max-header-bytes
        this.chunked = new ChunkedDecoder(Long.MAX_VALUE, limits.maxChunkLine(), limits.maxHeaderBytes());
    }

    /** Expects the response to a new request; {@code headRequest}: it was a HEAD, so no body follows. */
    void expect(boolean headRequest) {
        this.headRequest = headRequest;
        head.reset();
        chunked.reset();
        status = 0;
        reason = "";
        fields = HttpFields.EMPTY;
        keepAlive = false;
        state = State.HEAD;
    }

    /** Whether a response is expected (until {@link #idle()} after it completed). */
    boolean expecting() {
        return state != State.IDLE;
    }

    /** The completed response has been handed on; input now is unsolicited until the next {@link #expect}. */
    void idle() {
        state = State.IDLE;
    }

    /** Whether any byte of the current response has arrived. */
    boolean started() {
        return state != State.HEAD || head.started();
    }

    /** Whether the body runs until the server closes the connection. */
    boolean untilClose() {
        return state == State.UNTIL_CLOSE;
    }

    /**
     * Consumes framing from {@code in} up to the next thing the caller must act on. On
     * {@link Step#BODY} the caller hands on {@link #bodyBytes()} bytes from {@code in}'s
     * position and then calls {@link #bodyConsumed}.
     */
    Step next(ByteBuffer in) throws HttpWireException {
        switch (state) {
            case HEAD -> {
                if (!head.feed(in)) {
                    return Step.NEED_MORE;
                }
                return headComplete();
            }
            case LENGTH -> {
                if (lengthLeft == 0) {
                    state = State.DONE;
                    return Step.COMPLETE;
                }
                if (!in.hasRemaining()) {
                    return Step.NEED_MORE;
                }
                bodyBytes = (int) Math.min(lengthLeft, in.remaining());
                return Step.BODY;
            }
            case CHUNKED -> {
                int n = chunked.payloadAvailable(in);
                if (n > 0) {
                    bodyBytes = n;
                    return Step.BODY;
                }
                if (chunked.isComplete()) {
                    state = State.DONE;
                    return Step.COMPLETE;
                }
                return Step.NEED_MORE;
            }
            case UNTIL_CLOSE -> {
                if (!in.hasRemaining()) {
                    return Step.NEED_MORE;
                }
                bodyBytes = in.remaining();
                return Step.BODY;
            }
            case DONE -> {
                return Step.COMPLETE;
            }
            default -> throw new IllegalStateException("no response expected");
        }
    }

    /** The caller passed on {@code n} body bytes (its buffer's position moved past them). */
    void bodyConsumed(int n) {
        switch (state) {
            case LENGTH -> lengthLeft -= n;
            case CHUNKED -> chunked.payloadConsumed(n);
            default -> { }
        }
    }

    /** The server closed: completes a body that runs until close; false if the response was cut short. */
    boolean endOfInput() {
        if (state == State.UNTIL_CLOSE) {
            state = State.DONE;
            return true;
        }
        return state == State.DONE;
    }

    private Step headComplete() throws HttpWireException {
        parseStatusLine(head.startLine());
        HttpFields f = head.fields();
        if (status < 200) {
            if (status == 101) {
                throw new HttpWireException(502, "101 Switching Protocols to a request that asked for no upgrade");
            }
            // interim responses (100-continue, 102, 103) carry nothing for the protocol (lws skips them too)
            head.reset();
            return Step.INTERIM;
        }
        fields = f;
        BodyFraming framing = framing(f);
        keepAlive = framing.kind() != BodyFraming.Kind.UNTIL_CLOSE && persistent(f);
        switch (framing.kind()) {
            case NONE -> state = State.DONE;
            case LENGTH -> {
                lengthLeft = framing.length();
                state = State.LENGTH;
            }
            case CHUNKED -> state = State.CHUNKED;
            case UNTIL_CLOSE -> state = State.UNTIL_CLOSE;
        }
        return Step.HEAD;
    }

    private BodyFraming framing(HttpFields f) throws HttpWireException {
        List<String> te = f.getAll("transfer-encoding");
        List<String> cl = f.getAll("content-length");
        if (!te.isEmpty()) {
            // RFC 9112 6.1/6.3: both together, or TE from an HTTP/1.0 server, means the framing cannot be trusted
            if (!cl.isEmpty()) {
                throw new HttpWireException(502, "response has both Transfer-Encoding and Content-Length");
            }
            if (http10) {
                throw new HttpWireException(502, "Transfer-Encoding in an HTTP/1.0 response");
            }
            String codings = String.join(",", te).trim();
            if (!codings.equalsIgnoreCase("chunked")) {
                throw new HttpWireException(502, "unsupported Transfer-Encoding '" + codings + "' (only chunked is implemented)");
            }
        } else if (!cl.isEmpty()) {
            BodyFraming.contentLength(cl); // refuses malformed or differing values even where no body follows
        }
        return BodyFraming.ofResponse(f, status, headRequest);
    }

    private boolean persistent(HttpFields f) {
        boolean close = false;
        boolean keepAliveToken = false;
        for (String v : f.getAll("connection")) {
            for (String token : v.split(",")) {
                String t = token.trim().toLowerCase(Locale.ROOT);
                close |= t.equals("close");
                keepAliveToken |= t.equals("keep-alive");
            }
        }
        return !close && (!http10 || keepAliveToken);
    }

    private void parseStatusLine(String line) throws HttpWireException {
        // HTTP-version SP 3DIGIT SP [ reason-phrase ]  (RFC 9112 section 4; a missing final SP is tolerated)
        if (line.length() < 12 || !line.startsWith("HTTP/1.") || line.charAt(8) != ' ') {
            throw new HttpWireException(502, "bad status line '" + printable(line) + "'");
        }
        char minor = line.charAt(7);
        if (minor != '0' && minor != '1') {
            throw new HttpWireException(502, "unsupported HTTP version in status line '" + printable(line) + "'");
        }
        http10 = minor == '0';
        int code = 0;
        for (int i = 9; i < 12; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw new HttpWireException(502, "status code is not three digits in '" + printable(line) + "'");
            }
            code = code * 10 + (c - '0');
        }
        if (code < 100 || code > 599) {
            throw new HttpWireException(502, "status code " + code + " out of range 100..599");
        }
        if (line.length() > 12 && line.charAt(12) != ' ') {
            throw new HttpWireException(502, "status code is not three digits in '" + printable(line) + "'");
        }
        status = code;
        reason = line.length() > 13 ? line.substring(13) : "";
    }

    private static String printable(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }

    HttpFields fields() {
        return fields;
    }

    /** Whether the connection may carry another request after this response. */
    boolean keepAlive() {
        return keepAlive;
    }

    int bodyBytes() {
        return bodyBytes;
    }

    /** Whether the response ended (complete). */
    boolean isComplete() {
        return state == State.DONE;
    }

    /** Status text for failures: "status 200, 10 of 100 body bytes". */
    String progress() {
        return switch (state) {
            case HEAD -> "while reading the response head";
            case LENGTH -> "with " + lengthLeft + " body bytes still to come";
            case CHUNKED -> "in the middle of the chunked body";
            default -> "";
        };
    }
}
