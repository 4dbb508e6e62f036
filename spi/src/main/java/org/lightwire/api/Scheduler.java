package org.lightwire.api;

/**
 * The timers of one service loop (lws {@code lws_sul}).
 *
 * <p>Timers sit on one sorted structure per loop with microsecond resolution; the loop
 * sleeps exactly until the earliest one is due, so an idle context never wakes up to
 * poll. Everything time-based in Lightwire — connection timeouts, retries, validity
 * pings, sequencer timeouts — goes through this.
 *
 * <p>Use from the loop's own thread only.
 */
public interface Scheduler {

    /** Monotonic time in microseconds, the clock all deadlines are measured on. */
    long nowMicros();

    /**
     * A new, unscheduled timer that runs {@code action} on this loop when due. Create it
     * once (typically as a field of the object it serves) and reschedule it as often as
     * needed: scheduling allocates nothing.
     */
    Timer newTimer(Runnable action);
}
