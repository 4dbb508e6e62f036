package org.lightwire.role.ws.codec;

import java.nio.ByteBuffer;
import java.util.zip.Deflater;

/**
 * Compresses outgoing messages for permessage-deflate (RFC 7692 §7.2.1): raw DEFLATE, each
 * message ended by a sync flush whose trailing {@code 00 00 ff ff} is removed; a message
 * streamed in fragments is one stream, sync-flushed per fragment. With context
 * takeover the LZ77 window carries over to the next message; without it
 * ({@code *_no_context_takeover}) the compressor starts afresh each message. Holds native
 * memory: {@link #close()} when the connection ends.
 */
public final class MessageDeflater implements AutoCloseable {

    private static final byte[] NO_INPUT = new byte[0];

    private final Deflater deflater;
    private final boolean resetPerMessage;

    /**
     * @param level {@link Deflater} level, 0-9 or -1
     * @param resetPerMessage true when the negotiated parameters forbid our context takeover
     */
    public MessageDeflater(int level, boolean resetPerMessage) {
        this.deflater = new Deflater(level, true);
        this.resetPerMessage = resetPerMessage;
    }

    /**
     * The output room {@link #compress} needs for {@code length} input bytes in the worst case
     * (incompressible data stored in blocks, plus the flush): zlib's conservative bound with
     * room for the sync flush's empty stored block.
     */
    public static int maxCompressedLength(int length) {
        return length + ((length + 7) >> 3) + ((length + 63) >> 6) + 16;
    }

    /**
     * Compresses the next piece of a message, {@code data} position to limit (its position
     * moves to the limit), into {@code out}: a whole message is one call with
     * {@code endOfMessage}; a message streamed in fragments is one call per fragment, all
     * in one DEFLATE stream. Each piece ends with a sync flush so the peer can inflate it
     * on arrival; only the message's end drops the flush's {@code 00 00 ff ff} tail (RFC
     * 7692 §7.2.1), and only then does {@code *_no_context_takeover} reset the compressor.
     * The result is the payload of one frame; the message's first frame carries RSV1.
     *
     * @return bytes written to {@code out}
     * @throws IllegalArgumentException if {@code out} has less than
     *         {@link #maxCompressedLength} room; nothing is consumed then
     */
    public int compress(ByteBuffer data, boolean endOfMessage, ByteBuffer out) {
        int need = maxCompressedLength(data.remaining());
        if (out.remaining() < need) {
            throw new IllegalArgumentException("compressing " + data.remaining() + " bytes needs "
                    + need + " bytes of room, buffer has " + out.remaining());
        }
        if (!data.hasRemaining()) {
            return compressNothing(endOfMessage, out);
        }
        int start = out.position();
        deflater.setInput(data);
        deflater.deflate(out, Deflater.SYNC_FLUSH);
        if (!out.hasRemaining() || data.hasRemaining()) {
            // cannot happen with maxCompressedLength room; guard rather than send a broken stream
            throw new IllegalStateException("deflate output exceeded its bound");
        }
        deflater.setInput(NO_INPUT);
        int end = out.position();
        if (end - start < 4 || out.get(end - 4) != 0 || out.get(end - 3) != 0
                || out.get(end - 2) != (byte) 0xFF || out.get(end - 1) != (byte) 0xFF) {
            throw new IllegalStateException("sync flush did not end with 00 00 ff ff");
        }
        if (!endOfMessage) {
            // mid-message the tail stays: it is part of the stream the peer inflates
            return end - start;
        }
        out.position(end - 4);
        endMessage();
        return end - 4 - start;
    }

    /**
     * An empty piece. zlib makes no progress on a second flush with no input, and needs
     * none: the stream already stands flushed on a block boundary (or has not started).
     * Mid-message nothing is sent; at the end we write what zlib would, an empty stored
     * block minus the removed tail: the single byte 00 (RFC 7692 §7.2.3.6).
     */
    private int compressNothing(boolean endOfMessage, ByteBuffer out) {
        if (!endOfMessage) {
            return 0;
        }
        out.put((byte) 0);
        endMessage();
        return 1;
    }

    private void endMessage() {
        if (resetPerMessage) {
            deflater.reset();
        }
    }

    /** Releases the compressor's native memory. */
    @Override
    public void close() {
        deflater.end();
    }
}
