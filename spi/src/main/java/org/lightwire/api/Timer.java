package org.lightwire.api;

/**
 * One reusable timer on a {@link Scheduler} (lws {@code lws_sorted_usec_list_t}).
 *
 * <p>Use from the owning loop's thread only. Timers due at the same microsecond fire in
 * the order they were scheduled.
 */
public interface Timer {

    /** Schedules (or moves, if already pending) this timer to fire after {@code delayMicros}. */
    void schedule(long delayMicros);

    /** Schedules (or moves) this timer to fire at {@link Scheduler#nowMicros()}-based {@code deadline}. */
    void scheduleAt(long deadlineMicros);

    /** Removes the timer if pending; harmless otherwise. */
    void cancel();

    /** Whether the timer is waiting to fire. */
    boolean isPending();

    /** The deadline of a pending timer, in {@link Scheduler#nowMicros()} time. */
    long deadlineMicros();
}
