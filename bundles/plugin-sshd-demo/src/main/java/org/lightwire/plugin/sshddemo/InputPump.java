package org.lightwire.plugin.sshddemo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * A child process' stdin fed from the service loop: the loop copies channel data into a
 * fixed ring with {@link #offer} (taking only what fits), a helper thread writes it to the
 * blocking pipe. A child that does not read fills the pipe, then the ring; {@link #room()}
 * then stays small and the SSH window is not reopened, so the client stops sending —
 * back-pressure instead of buffering.
 *
 * <p>{@link #finish()} (the client's EOF) closes the pipe once every byte offered has been
 * written, so the child sees its end of input only after the last byte; {@link #stop()}
 * drops what is held and closes the pipe at once.
 */
final class InputPump extends RingPump {

    /** Most bytes handed to one blocking write. */
    private static final int WRITE_RUN = 16 * 1024;

    private final OutputStream out;
    private final Runnable roomFreed;
    /** End of input was asked for; guarded by lock. */
    private boolean finishing;

    /**
     * @param roomFreed run by the helper after it wrote bytes out, so the loop can reopen
     *        the peer's window
     */
    InputPump(String label, OutputStream out, int capacity, Runnable roomFreed) {
        super(label, capacity);
        this.out = out;
        this.roomFreed = roomFreed;
    }

    /** Writes held runs to the pipe until stopped, or until finishing with nothing left held. */
    @Override
    void pump() {
        try {
            while (true) {
                int from;
                int run;
                synchronized (lock) {
                    while (size == 0 && !finishing && !stopped) {
                        lock.wait();
                    }
                    if (stopped || size == 0) {
                        break; // stopped, or finishing with everything written
                    }
                    from = head;
                    // bounded runs: write(2) to a pipe returns only when all is taken, and room
                    // should come back as the child reads, not only after the whole ring went
                    run = Math.min(heldRun(), WRITE_RUN);
                }
                // only this thread reads the held run; the loop appends after it
                out.write(ring, from, run);
                out.flush();
                synchronized (lock) {
                    consumed(run);
                }
                roomFreed.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            synchronized (lock) {
                // the child closed its stdin (exited, or never reads): later input is dropped
                failed(e);
                size = 0;
            }
            roomFreed.run();
        } finally {
            try {
                out.close();
            } catch (IOException ignored) {
                // the child is gone; nothing to tell it
            }
        }
    }

    /**
     * Copies as much of {@code src} as fits (loop thread). Input after a write failure
     * (the child closed its stdin) is consumed and dropped, as a pipe with no reader would.
     *
     * @return the number of bytes taken from {@code src}
     */
    int offer(ByteBuffer src) {
        synchronized (lock) {
            if (failure != null || finishing || stopped) {
                int n = src.remaining();
                src.position(src.limit());
                return n;
            }
            int taken = 0;
            while (size < ring.length && src.hasRemaining()) {
                int tail = tail();
                int run = Math.min(freeRun(), src.remaining());
                src.get(ring, tail, run);
                size += run;
                taken += run;
            }
            if (taken > 0) {
                lock.notifyAll();
            }
            return taken;
        }
    }

    /** Bytes that {@link #offer} would take now. */
    int room() {
        synchronized (lock) {
            return failure != null ? ring.length : ring.length - size;
        }
    }

    /** The ring's capacity: the most the peer's window should ever be opened by. */
    int capacity() {
        return ring.length;
    }

    /** End of input: the pipe is closed after what is held has been written. */
    void finish() {
        synchronized (lock) {
            finishing = true;
            lock.notifyAll();
        }
    }
}
