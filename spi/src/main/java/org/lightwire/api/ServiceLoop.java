package org.lightwire.api;

import java.util.concurrent.Executor;

/**
 * One service thread with its own selector, timers and task queue (lws' per-thread
 * service, "pt", indexed by tsi).
 *
 * <p>A context has {@code count-threads} loops. Every connection belongs to exactly one
 * loop for its whole life and every event about it is delivered on that loop's thread,
 * so per-connection state needs no locking.
 */
public interface ServiceLoop extends Executor {

    /** The loop's index in {@link Context#loops()} (lws tsi). */
    int index();

    /** The loop's timers. */
    Scheduler scheduler();

    /**
     * Runs {@code task} on this loop's thread, soon. Callable from any thread; wakes the
     * loop if it is sleeping. Tasks run in submission order.
     */
    @Override
    void execute(Runnable task);

    /** Whether the calling thread is this loop's thread. */
    boolean inLoop();

    /** Connections currently owned by this loop (used to balance accepted connections). */
    int connectionCount();

    /**
     * How many times the loop has returned from waiting in its selector. An idle context
     * keeps this constant: it only grows on network events, due timers, tasks and
     * explicit wake-ups.
     */
    long wakeups();
}
