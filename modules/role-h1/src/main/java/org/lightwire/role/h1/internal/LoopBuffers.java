package org.lightwire.role.h1.internal;

import java.nio.ByteBuffer;

/**
 * Scratch buffers of one service-loop thread, shared by every h1 connection on it: response
 * heads are serialized into one, file and chunk data staged in another. A connection uses
 * them only within one event and hands the bytes to the transport before returning (what
 * the socket does not take is copied by core), so sharing them per thread is safe and
 * nothing is allocated per response or per write.
 */
final class LoopBuffers {

    /** Size of the body scratch buffer: what ResponseBody.sendNext may fill per event. */
    static final int BODY_SCRATCH = 16 * 1024;

    private static final ThreadLocal<LoopBuffers> PER_THREAD = ThreadLocal.withInitial(LoopBuffers::new);

    // direct: the socket write needs no copy into a temporary direct buffer
    private ByteBuffer head = ByteBuffer.allocateDirect(32 * 1024);
    private final ByteBuffer body = ByteBuffer.allocateDirect(BODY_SCRATCH + 64);

    private LoopBuffers() {
    }

    static LoopBuffers current() {
        return PER_THREAD.get();
    }

    /** The head buffer, cleared, with at least {@code capacity} bytes of room (grown rarely, kept). */
    ByteBuffer head(int capacity) {
        if (head.capacity() < capacity) {
            head = ByteBuffer.allocateDirect(Math.max(capacity, head.capacity() * 2));
        }
        head.clear();
        return head;
    }

    /** The body scratch buffer, cleared, limited to {@link #BODY_SCRATCH} bytes. */
    ByteBuffer body() {
        body.clear().limit(BODY_SCRATCH);
        return body;
    }

    /** The body scratch buffer with its full capacity, for data plus chunk framing. */
    ByteBuffer framed() {
        body.clear();
        return body;
    }
}
