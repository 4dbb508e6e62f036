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
 * something to send (lws' {@code tx_waiting}).
 */
final class OutputPump {

    private final String label;
    private final InputStream in;
    private final Runnable wakeup;
    private final byte[] ring;
    private final Object lock = new Object();
    /** Next byte the loop drains; guarded by lock. */
    private int head;
    /** Bytes held; guarded by lock. */
    private int size;
    private boolean ended;
    private IOException failure;
    private volatile boolean stopped;

    OutputPump(String label, InputStream in, int capacity, Runnable wakeup) {
        if (capacity < 1) {
            throw new IllegalArgumentException("stream buffer must hold at least one byte, not " + capacity);
        }
        this.label = label;
        this.in = in;
        this.wakeup = wakeup;
        this.ring = new byte[capacity];
    }

    /** Starts the helper thread that reads the pipe. */
    void start(String threadName) {
        Thread t = new Thread(this::pump, threadName);
        t.setDaemon(true);
        t.start();
    }

    private void pump() {
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
                    tail = (head + size) % ring.length;
                    // the contiguous free run after the tail: only this thread writes there
                    room = tail >= head ? ring.length - tail : head - tail;
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
                if (!stopped) {
                    failure = new IOException(label + ": " + e.getMessage(), e);
                }
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
                int run = Math.min(Math.min(size, ring.length - head), dst.remaining());
                dst.put(ring, head, run);
                head = (head + run) % ring.length;
                size -= run;
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

    /** Why reading stopped early, if it failed rather than reaching the end. */
    IOException failure() {
        synchronized (lock) {
            return failure;
        }
    }

    /** Stops the helper; what is held is dropped. The pipe itself is closed by the owner. */
    void stop() {
        stopped = true;
        synchronized (lock) {
            lock.notifyAll();
        }
    }
}
