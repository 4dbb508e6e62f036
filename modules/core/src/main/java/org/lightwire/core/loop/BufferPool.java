package org.lightwire.core.loop;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Direct buffers of one size, lent to the connections of one loop and given back when
 * they are empty (lws' per-thread TLS buffers): a TLS connection holds a record buffer only
 * while it has ciphertext or plaintext in flight, so idle connections hold none and the
 * steady state allocates nothing. Loop thread only.
 */
public final class BufferPool {

    /** Room for one TLS record of any version (2^14 + 2048 + header) with margin. */
    public static final int TLS_RECORD_BUFFER = 20 * 1024;

    // a few spare buffers are kept; more are dropped so a burst does not pin memory forever
    private static final int MAX_IDLE = 64;

    private final int size;
    private final ArrayDeque<ByteBuffer> idle = new ArrayDeque<>();
    private int allocated;

    public BufferPool(int size) {
        this.size = size;
    }

    /** The size of every buffer of this pool. */
    public int size() {
        return size;
    }

    /** A cleared buffer of {@link #size()} bytes. */
    public ByteBuffer take() {
        ByteBuffer b = idle.pollFirst();
        if (b == null) {
            allocated++;
            return ByteBuffer.allocateDirect(size);
        }
        return b.clear();
    }

    /** Gives {@code b} back; it must not be used afterwards. Buffers of another size are dropped. */
    public void give(ByteBuffer b) {
        if (b != null && b.capacity() == size && idle.size() < MAX_IDLE) {
            idle.addFirst(b);
        }
    }

    /** Buffers this pool has allocated so far (tests: with {@link #idleCount()}, nothing is lent out when equal). */
    public int allocated() {
        return allocated;
    }

    /** Buffers waiting to be lent (tests). */
    public int idleCount() {
        return idle.size();
    }
}
