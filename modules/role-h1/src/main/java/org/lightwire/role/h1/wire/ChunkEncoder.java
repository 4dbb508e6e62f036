package org.lightwire.role.h1.wire;

import java.nio.ByteBuffer;

/**
 * Writes HTTP/1.1 chunked transfer coding framing (RFC 9112 section 7.1) into a caller's
 * buffer: the size line before a chunk's data, the CRLF after it, and the last chunk.
 * Stateless; allocates nothing.
 *
 * <pre>{@code
 * ChunkEncoder.putChunkStart(out, data.remaining());
 * out.put(data);
 * ChunkEncoder.putChunkEnd(out);
 * ...
 * ChunkEncoder.putLastChunk(out);
 * }</pre>
 */
public final class ChunkEncoder {

    /** Most bytes {@link #putChunkStart} writes: 16 hex digits and CRLF. */
    public static final int MAX_CHUNK_START = 18;
    /** Bytes {@link #putChunkEnd} writes. */
    public static final int CHUNK_END = 2;
    /** Bytes {@link #putLastChunk} writes: "0" CRLF CRLF (no trailers). */
    public static final int LAST_CHUNK = 5;

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private ChunkEncoder() {
    }

    /**
     * Writes the size line of a chunk of {@code size} bytes ({@code size} in hex, CRLF).
     * @throws IllegalArgumentException if size is not positive (a zero size is the last chunk)
     */
    public static void putChunkStart(ByteBuffer out, long size) {
        if (size <= 0) {
            throw new IllegalArgumentException("chunk size must be positive, not " + size + "; use putLastChunk to end the body");
        }
        int digits = (64 - Long.numberOfLeadingZeros(size) + 3) / 4;
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.put(HEX[(int) (size >>> shift) & 0xf]);
        }
        out.put((byte) '\r').put((byte) '\n');
    }

    /** Writes the CRLF that ends a chunk's data. */
    public static void putChunkEnd(ByteBuffer out) {
        out.put((byte) '\r').put((byte) '\n');
    }

    /** Writes the last chunk with an empty trailer section: "0" CRLF CRLF. */
    public static void putLastChunk(ByteBuffer out) {
        out.put((byte) '0').put((byte) '\r').put((byte) '\n').put((byte) '\r').put((byte) '\n');
    }
}
