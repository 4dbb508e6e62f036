package org.lightwire.role.rawproxy;

import java.util.function.LongSupplier;

/**
 * Lets one log line through per interval and counts the ones it holds back, so a flood of
 * the same failure (every client of a dead upstream) costs one line per interval, and the
 * next line that goes out says how many were left out: nothing is lost, only delayed.
 * Thread-safe: one vhost's relays run on every loop, and this path is only taken on failure.
 */
final class LogThrottle {

    /** {@link #admit()}'s answer for an event that is not to be logged. */
    static final long HOLD = -1;

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private boolean anyLine;
    private long lastLineNanos;
    private long held;

    /**
     * @param intervalNanos at most one line per this many nanoseconds
     * @param nanoClock     monotonic time ({@code System::nanoTime}; tests drive their own)
     */
    LogThrottle(long intervalNanos, LongSupplier nanoClock) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("interval must be positive, not " + intervalNanos);
        }
        this.intervalNanos = intervalNanos;
        this.nanoClock = nanoClock;
    }

    /**
     * One more event. Returns {@link #HOLD} if it falls within the interval of the last line
     * (it is counted), else how many were held since that line: log this one and say so.
     */
    synchronized long admit() {
        long now = nanoClock.getAsLong();
        if (anyLine && now - lastLineNanos < intervalNanos) {
            held++;
            return HOLD;
        }
        anyLine = true;
        lastLineNanos = now;
        long wereHeld = held;
        held = 0;
        return wereHeld;
    }
}
