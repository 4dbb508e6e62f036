package org.lightwire.role.ws.codec;

import java.nio.ByteBuffer;
import java.util.zip.Deflater;

/**
 * Compresses outgoing messages for permessage-deflate (RFC 7692 §7.2.1): raw DEFLATE, each
 * message ended by a sync flush whose trailing {@code 00 00 ff ff} is removed. With context
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
     * Compresses a whole message, {@code message} position to limit (its position moves to
     * the limit), into {@code out}, without the {@code 00 00 ff ff} tail. The result is the
     * payload of a frame (or frames) with RSV1 set on the first.
     *
     * @return bytes written to {@code out}
     * @throws IllegalArgumentException if {@code out} has less than
     *         {@link #maxCompressedLength} room; nothing is consumed then
     */
    public int compress(ByteBuffer message, ByteBuffer out) {
        int need = maxCompressedLength(message.remaining());
        if (out.remaining() < need) {
            throw new IllegalArgumentException("compressing " + message.remaining() + " bytes needs "
                    + need + " bytes of room, buffer has " + out.remaining());
        }
        int start = out.position();
        if (!message.hasRemaining()) {
            // zlib makes no progress on a second flush with no input, so write what it would:
            // an empty stored block minus the removed tail is the single byte 00 (RFC 7692 §7.2.3.6)
            out.put((byte) 0);
            if (resetPerMessage) {
                deflater.reset();
            }
            return 1;
        }
        deflater.setInput(message);
        deflater.deflate(out, Deflater.SYNC_FLUSH);
        if (!out.hasRemaining() || message.hasRemaining()) {
            // cannot happen with maxCompressedLength room; guard rather than send a broken stream
            throw new IllegalStateException("deflate output exceeded its bound");
        }
        deflater.setInput(NO_INPUT);
        int end = out.position();
        if (end - start < 4 || out.get(end - 4) != 0 || out.get(end - 3) != 0
                || out.get(end - 2) != (byte) 0xFF || out.get(end - 1) != (byte) 0xFF) {
            throw new IllegalStateException("sync flush did not end with 00 00 ff ff");
        }
        out.position(end - 4);
        if (resetPerMessage) {
            deflater.reset();
        }
        return end - 4 - start;
    }

    /** Releases the compressor's native memory. */
    @Override
    public void close() {
        deflater.end();
    }
}
