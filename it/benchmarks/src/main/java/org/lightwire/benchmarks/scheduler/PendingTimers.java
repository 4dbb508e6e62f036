package org.lightwire.benchmarks.scheduler;

/**
 * A scheduler's pending-timer structure, reduced to what the benchmark drives: many timers
 * that never come due, and one probe timer that is scheduled, then cancelled or fired.
 * Times are microseconds on a clock the benchmark holds still, so no implementation pays
 * for reading the time.
 */
interface PendingTimers {

    /** What every timer does when it fires: nothing, so only the structure is measured. */
    Runnable NOTHING = () -> { };

    /** Adds a timer due at {@code deadline} that the benchmark never touches again. */
    void addIdle(long deadline);

    /** Schedules the probe timer (not pending before) for {@code deadline}. */
    void scheduleProbe(long deadline);

    /** Cancels the pending probe timer. */
    void cancelProbe();

    /** Runs every timer due at {@code now}; returns how many ran. */
    int runDue(long now);
}
