package org.lightwire.role.ws;

import java.nio.ByteBuffer;

/**
 * Per-loop-thread buffers frames are assembled in before they go to the transport (which
 * copies what the socket does not take at once). Reused, so sending allocates nothing;
 * frames bigger than {@link #CACHED_LIMIT} get a one-off buffer instead of making every
 * loop keep a huge one for good.
 */
final class FrameScratch {

    /** The largest buffer kept per loop thread and use (frames and compressed payloads). */
    static final int CACHED_LIMIT = 1 << 20;

    private static final ThreadLocal<FrameScratch> CURRENT = ThreadLocal.withInitial(FrameScratch::new);

    private ByteBuffer frame = ByteBuffer.allocateDirect(16 * 1024);
    private ByteBuffer deflated = ByteBuffer.allocate(0);
    private final ByteBuffer inflated = ByteBuffer.allocate(MAX_INFLATE_CHUNK);

    /** The largest inflate step (permessage-deflate rx_buf_size's upper bound). */
    static final int MAX_INFLATE_CHUNK = 64 * 1024;

    private FrameScratch() {
    }

    static FrameScratch current() {
        return CURRENT.get();
    }

    /** A cleared buffer for a whole frame of {@code bytes}. */
    ByteBuffer frame(int bytes) {
        if (bytes > CACHED_LIMIT) {
            return ByteBuffer.allocate(bytes);
        }
        if (frame.capacity() < bytes) {
            frame = ByteBuffer.allocateDirect(Math.min(CACHED_LIMIT, Math.max(bytes, frame.capacity() * 2)));
        }
        return frame.clear();
    }

    /**
     * A cleared buffer with room for {@code bytes} inflated bytes ({@code bytes} at most
     * {@link #MAX_INFLATE_CHUNK}), shared by the loop thread's connections: its content is
     * handed to the protocol before the receive event returns.
     */
    ByteBuffer inflated(int bytes) {
        return inflated.clear().limit(bytes);
    }

    /** A cleared buffer for a compressed payload of up to {@code bytes}. */
    ByteBuffer deflated(int bytes) {
        if (bytes > CACHED_LIMIT) {
            return ByteBuffer.allocate(bytes);
        }
        if (deflated.capacity() < bytes) {
            deflated = ByteBuffer.allocate(Math.min(CACHED_LIMIT, Math.max(bytes, Math.max(4096, deflated.capacity() * 2))));
        }
        return deflated.clear();
    }
}
