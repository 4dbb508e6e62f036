package org.lightwire.plugin.sshddemo;

import java.io.IOException;

/**
 * What {@link InputPump} and {@link OutputPump} share: a fixed ring of bytes between the
 * service loop and one helper thread doing the blocking pipe I/O of a child process, one
 * lock guarding it, and the helper's lifecycle (start, stop, the failure that ended it).
 * The ring is the only buffer, so a full (or empty) ring makes one side wait — the
 * back-pressure lws gets from its {@code tx_waiting} / rx flow control. Which side fills the
 * ring and which drains it is the subclass' helper loop.
 */
abstract class RingPump {

    /** Names the stream in failures ("child stdin", ...). */
    final String label;
    final byte[] ring;
    final Object lock = new Object();
    /** Oldest held byte; guarded by lock. */
    int head;
    /** Bytes held; guarded by lock. */
    int size;
    /** Why the helper stopped early; guarded by lock. */
    IOException failure;
    volatile boolean stopped;

    RingPump(String label, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("stream buffer must hold at least one byte, not " + capacity);
        }
        this.label = label;
        this.ring = new byte[capacity];
    }

    /** Starts the helper thread that does the blocking pipe I/O. */
    final void start(String threadName) {
        Thread t = new Thread(this::pump, threadName);
        t.setDaemon(true);
        t.start();
    }

    /** The helper thread's loop. */
    abstract void pump();

    /** Records {@code e} as the failure, naming the stream, unless the pump was stopped on purpose. Lock held. */
    final void failed(IOException e) {
        if (!stopped) {
            failure = new IOException(label + ": " + e.getMessage(), e);
        }
    }

    /** The index just after the last held byte. Lock held. */
    final int tail() {
        return (head + size) % ring.length;
    }

    /**
     * The contiguous free run after {@link #tail()}. Lock held; the ring is not full, so
     * tail == head means empty.
     */
    final int freeRun() {
        int tail = tail();
        return tail >= head ? ring.length - tail : head - tail;
    }

    /** The contiguous held run from {@link #head}. Lock held. */
    final int heldRun() {
        return Math.min(size, ring.length - head);
    }

    /** Drops {@code n} bytes from the head (they were written out or drained). Lock held. */
    final void consumed(int n) {
        head = (head + n) % ring.length;
        size -= n;
    }

    /** Why the helper stopped early, if it failed. */
    final IOException failure() {
        synchronized (lock) {
            return failure;
        }
    }

    /** Stops the helper at once; what is held is dropped. */
    final void stop() {
        stopped = true;
        synchronized (lock) {
            lock.notifyAll();
        }
    }
}
