package org.lightwire.plugin.sshddemo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * One output stream of a child process (stdout or stderr) brought to the service loop:
 * a helper thread reads the blocking pipe into a fixed ring buffer, the loop drains it
 * with {@link #drainTo}. When the ring is full the helper stops reading, the pipe fills
 * and the child blocks in write(2) — the back-pressure an SSH peer that does not open its
 * window must cause. Nothing grows: the ring is the only buffer.
 *
 * <p>The helper calls {@code wakeup} when the ring goes from empty to non-empty and at
 * the end of the stream, so the loop asks for a writeable event only when there is
 * something to send (lws' {@code tx_waiting}). {@link #stop()} drops what is held; the
 * pipe itself is closed by the owner.
 */
final class OutputPump extends RingPump {

    private final InputStream in;
    private final Runnable wakeup;
    /** The child closed the stream (or reading it failed); guarded by lock. */
    private boolean ended;

    OutputPump(String label, InputStream in, int capacity, Runnable wakeup) {
        super(label, capacity);
        this.in = in;
        this.wakeup = wakeup;
    }

    /** Reads the pipe into the ring's free run until the end of the stream or a stop. */
    @Override
    void pump() {
        try {
            while (!stopped) {
                int tail;
                int room;
                synchronized (lock) {
                    while (size == ring.length && !stopped) {
                        lock.wait();
                    }
                    if (stopped) {
                        return;
                    }
                    if (size == 0) {
                        head = 0;
                    }
                    tail = tail();
                    // the contiguous free run after the tail: only this thread writes there
                    room = freeRun();
                }
                int n = in.read(ring, tail, room);
                boolean wake;
                synchronized (lock) {
                    if (n < 0) {
                        ended = true;
                    } else {
                        size += n;
                    }
                    // first bytes after empty, or the end: the loop has to look again
                    wake = n < 0 || (n > 0 && size == n);
                }
                if (wake) {
                    // never under the lock: the callback takes other locks (and the loop takes this one)
                    wakeup.run();
                }
                if (n < 0) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            synchronized (lock) {
                failed(e);
                ended = true;
            }
            wakeup.run();
        }
    }

    /**
     * Moves up to {@code dst.remaining()} held bytes into {@code dst} (loop thread).
     *
     * @return the number of bytes moved
     */
    int drainTo(ByteBuffer dst) {
        synchronized (lock) {
            int moved = 0;
            while (size > 0 && dst.hasRemaining()) {
                int run = Math.min(heldRun(), dst.remaining());
                dst.put(ring, head, run);
                consumed(run);
                moved += run;
            }
            if (moved > 0) {
                lock.notifyAll();
            }
            return moved;
        }
    }

    /** Bytes waiting to be drained. */
    int available() {
        synchronized (lock) {
            return size;
        }
    }

    /** Whether the child closed the stream (bytes may still be held for draining). */
    boolean reachedEnd() {
        synchronized (lock) {
            return ended;
        }
    }

    /** Whether the child closed the stream and every byte of it has been drained. */
    boolean finished() {
        synchronized (lock) {
            return ended && size == 0;
        }
    }
}
