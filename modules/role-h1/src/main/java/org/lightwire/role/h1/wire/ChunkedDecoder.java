package org.lightwire.role.h1.wire;

import java.nio.ByteBuffer;

/**
 * Decodes an HTTP/1.1 chunked body (RFC 9112 section 7.1) incrementally and without
 * copying: it consumes the framing (size lines, extensions, CRLFs, trailer section) and
 * points the caller at payload bytes in place.
 *
 * <pre>{@code
 * while (in.hasRemaining() && !decoder.isComplete()) {
 *     int n = decoder.payloadAvailable(in);   // framing consumed; n payload bytes start at in.position()
 *     if (n == 0) break;                      // more input needed (or complete)
 *     ... use in[position, position + n) ...
 *     in.position(in.position() + n);
 *     decoder.payloadConsumed(n);
 * }
 * }</pre>
 *
 * <h2>What is refused (all close the connection)</h2>
 * A size that is not hex, has more than 16 digits or overflows; a size line or extension
 * longer than {@code maxChunkLine}; control characters in extensions; bare CR or LF
 * where CRLF is required; data not followed by CRLF; a body larger than {@code maxBody}
 * (413); a trailer section larger than {@code maxTrailerBytes} or with malformed lines.
 * Trailer fields are checked and dropped: nothing in Lightwire consumes them.
 */
public final class ChunkedDecoder {

    private enum State { SIZE, SIZE_BWS, EXTENSION, SIZE_LF, DATA, DATA_CR, DATA_LF, TRAILER_START, TRAILER_LINE, TRAILER_LF, END_LF, DONE }

    private final long maxBody;
    private final int maxChunkLine;
    private final int maxTrailerBytes;

    private State state = State.SIZE;
    private long chunkLeft;
    private long size;
    private int sizeDigits;
    private int lineBytes;
    private int trailerBytes;
    private boolean trailerLineHasColon;
    private long total;

    /**
     * @param maxBody         most payload bytes accepted in total (else 413)
     * @param maxChunkLine    most bytes of one size line with its extensions (else 400)
     * @param maxTrailerBytes most bytes of the trailer section (else 400)
     */
    public ChunkedDecoder(long maxBody, int maxChunkLine, int maxTrailerBytes) {
        this.maxBody = maxBody;
        this.maxChunkLine = maxChunkLine;
        this.maxTrailerBytes = maxTrailerBytes;
    }

    /** Starts a new body. */
    public void reset() {
        state = State.SIZE;
        chunkLeft = 0;
        size = 0;
        sizeDigits = 0;
        lineBytes = 0;
        trailerBytes = 0;
        total = 0;
    }

    /** Whether the last chunk and the trailer section have been consumed. */
    public boolean isComplete() {
        return state == State.DONE;
    }

    /** Payload bytes decoded so far. */
    public long payloadBytes() {
        return total;
    }

    /**
     * Consumes framing from {@code in} until payload bytes, the end of the input or the
     * end of the body.
     * @return how many payload bytes start at {@code in.position()} (at most
     *         {@code in.remaining()}); 0 when more input is needed or the body is complete
     * @throws HttpWireException on a framing violation or when the body exceeds its bound
     */
    public int payloadAvailable(ByteBuffer in) throws HttpWireException {
        while (in.hasRemaining()) {
            if (state == State.DATA) {
                return (int) Math.min(chunkLeft, in.remaining());
            }
            if (state == State.DONE) {
                return 0;
            }
            step(in.get());
        }
        return 0;
    }

    /** The caller used {@code n} payload bytes (advancing its buffer past them). */
    public void payloadConsumed(int n) {
        if (state != State.DATA || n < 0 || n > chunkLeft) {
            throw new IllegalStateException("payloadConsumed(" + n + ") with " + chunkLeft + " chunk bytes outstanding in state " + state);
        }
        chunkLeft -= n;
        if (chunkLeft == 0) {
            state = State.DATA_CR;
        }
    }

    private void step(byte b) throws HttpWireException {
        switch (state) {
            case SIZE -> sizeByte(b);
            case SIZE_BWS -> {
                countLine();
                if (b == ';') {
                    state = State.EXTENSION;
                } else if (b == '\r') {
                    state = State.SIZE_LF;
                } else if (b != ' ' && b != '\t') {
                    throw new HttpWireException(400, "chunk size followed by '" + printable(b) + "'");
                }
            }
            case EXTENSION -> {
                countLine();
                if (b == '\r') {
                    state = State.SIZE_LF;
                } else if (b == '\n') {
                    throw new HttpWireException(400, "bare LF in a chunk extension");
                } else if (b >= 0 && b < 0x20 && b != '\t' || b == 0x7f) {
                    throw new HttpWireException(400, "control character in a chunk extension");
                }
            }
            case SIZE_LF -> {
                if (b != '\n') {
                    throw new HttpWireException(400, "bare CR in a chunk size line");
                }
                endSizeLine();
            }
            case DATA_CR -> {
                if (b != '\r') {
                    throw new HttpWireException(400, "chunk data not followed by CRLF (longer than its size?)");
                }
                state = State.DATA_LF;
            }
            case DATA_LF -> {
                if (b != '\n') {
                    throw new HttpWireException(400, "chunk data followed by a bare CR");
                }
                state = State.SIZE;
                size = 0;
                sizeDigits = 0;
                lineBytes = 0;
            }
            case TRAILER_START -> {
                countTrailer();
                if (b == '\r') {
                    state = State.END_LF;
                } else if (b == ' ' || b == '\t') {
                    throw new HttpWireException(400, "folded trailer line (obs-fold)");
                } else {
                    trailerLineHasColon = false;
                    trailerByte(b);
                    state = State.TRAILER_LINE;
                }
            }
            case TRAILER_LINE -> {
                countTrailer();
                if (b == '\r') {
                    if (!trailerLineHasColon) {
                        throw new HttpWireException(400, "trailer line without ':'");
                    }
                    state = State.TRAILER_LF;
                } else {
                    trailerByte(b);
                }
            }
            case TRAILER_LF -> {
                countTrailer();
                if (b != '\n') {
                    throw new HttpWireException(400, "bare CR in the trailer section");
                }
                state = State.TRAILER_START;
            }
            case END_LF -> {
                if (b != '\n') {
                    throw new HttpWireException(400, "bare CR ending the trailer section");
                }
                state = State.DONE;
            }
            case DATA, DONE -> throw new IllegalStateException("no framing byte expected in state " + state);
        }
    }

    private void sizeByte(byte b) throws HttpWireException {
        countLine();
        int digit = Character.digit(b, 16);
        if (digit >= 0 && b < 0x80) {
            if (++sizeDigits > 16 || size > (Long.MAX_VALUE >>> 4)) {
                throw new HttpWireException(400, "chunk size too large (more than 16 hex digits or overflow)");
            }
            size = (size << 4) | digit;
            return;
        }
        if (sizeDigits == 0) {
            throw new HttpWireException(400, "chunk size is not hex: '" + printable(b) + "'");
        }
        switch (b) {
            case ';' -> state = State.EXTENSION;
            case '\r' -> state = State.SIZE_LF;
            case ' ', '\t' -> state = State.SIZE_BWS;
            default -> throw new HttpWireException(400, "chunk size is not hex: '" + printable(b) + "'");
        }
    }

    private void endSizeLine() throws HttpWireException {
        if (size == 0) {
            state = State.TRAILER_START;
            return;
        }
        if (size > maxBody - total) {
            throw new HttpWireException(413, "chunked body larger than " + maxBody + " bytes");
        }
        total += size;
        chunkLeft = size;
        state = State.DATA;
    }

    private void trailerByte(byte b) throws HttpWireException {
        if (b == '\n') {
            throw new HttpWireException(400, "bare LF in the trailer section");
        }
        if (b >= 0 && b < 0x20 && b != '\t' || b == 0x7f) {
            throw new HttpWireException(400, "control character in a trailer field");
        }
        if (b == ':') {
            trailerLineHasColon = true;
        }
    }

    private void countLine() throws HttpWireException {
        if (++lineBytes > maxChunkLine) {
            throw new HttpWireException(400, "chunk size line longer than " + maxChunkLine + " bytes (extensions?)");
        }
    }

    private void countTrailer() throws HttpWireException {
        if (++trailerBytes > maxTrailerBytes) {
            throw new HttpWireException(400, "trailer section larger than " + maxTrailerBytes + " bytes");
        }
    }

    static String printable(byte b) {
        return b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xff);
    }
}
