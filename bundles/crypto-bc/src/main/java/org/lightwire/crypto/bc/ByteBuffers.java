package org.lightwire.crypto.bc;

import java.nio.ByteBuffer;

/** Feeds a {@link ByteBuffer} to BC's array-based update methods. */
final class ByteBuffers {

    /** A BC {@code update(byte[], int, int)}. */
    @FunctionalInterface
    interface ArraySink {
        void update(byte[] data, int offset, int length);
    }

    // direct and read-only buffers are copied in chunks of this size, never all at once
    private static final int CHUNK = 4096;

    private ByteBuffers() {
    }

    /**
     * Passes the buffer's remaining bytes to {@code sink} and moves its position to its
     * limit. Heap buffers go straight through; direct and read-only ones are copied through
     * {@code scratch}, which is made on first need and returned for the caller to keep, so
     * a hash fed from a direct buffer on every event allocates once, not per event.
     */
    static byte[] feed(ByteBuffer data, ArraySink sink, byte[] scratch) {
        if (data.hasArray()) {
            int start = data.arrayOffset() + data.position();
            sink.update(data.array(), start, data.remaining());
            data.position(data.limit());
            return scratch;
        }
        byte[] chunk = scratch != null ? scratch : new byte[CHUNK];
        while (data.hasRemaining()) {
            int n = Math.min(chunk.length, data.remaining());
            data.get(chunk, 0, n);
            sink.update(chunk, 0, n);
        }
        return chunk;
    }
}
