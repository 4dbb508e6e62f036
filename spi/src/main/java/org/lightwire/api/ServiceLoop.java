package org.lightwire.api;

import java.nio.channels.SelectableChannel;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;

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

    /**
     * Watches a non-blocking channel of the caller's with this loop's own selector (lws:
     * adopting a foreign descriptor into the loop's poll set), for code that drives its own
     * sockets on the loop, such as a resolver's. When the channel is ready for any of
     * {@code ops}, {@code handler} runs on this loop with the ready ops and the interest is
     * cleared until set again with {@link ChannelWatch#interest}. A handler that throws is
     * logged and its watch keeps no interest. Loop thread only.
     *
     * @throws java.io.IOException if the channel cannot be made non-blocking or registered
     * @throws IllegalStateException off this loop's thread
     */
    ChannelWatch watch(SelectableChannel channel, int ops, IntConsumer handler) throws java.io.IOException;

    /** One channel watched by {@link #watch}. Loop thread only. */
    interface ChannelWatch extends AutoCloseable {

        /** Watches for {@code ops} ({@link java.nio.channels.SelectionKey} bits) again. */
        void interest(int ops);

        /** Stops watching; the channel stays open (its owner closes it). Idempotent. */
        @Override
        void close();
    }

    /** Connections currently owned by this loop (used to balance accepted connections). */
    int connectionCount();

    /**
     * Listen sockets this loop accepts on (lws counts them in a service thread's fds beside
     * its connections). A loop that accepts nothing returns 0.
     */
    default int listenerCount() {
        return 0;
    }

    /**
     * How many times the loop has returned from waiting in its selector. An idle context
     * keeps this constant: it only grows on network events, due timers, tasks and
     * explicit wake-ups.
     */
    long wakeups();
}
