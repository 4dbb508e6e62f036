package org.lightwire.testkit;

import java.util.ArrayList;
import java.util.List;
import org.lightwire.api.Scheduler;
import org.lightwire.api.Timer;

/**
 * A loop's timers (lws {@code lws_sul}) on a hand-driven clock: time starts at 0 and moves only by
 * {@link #advance}, which fires the due timers in deadline order with the clock set to each one's
 * deadline, so a test can assert on periods to the microsecond without ever sleeping.
 */
public final class FakeScheduler implements Scheduler {

    private final List<FakeTimer> timers = new ArrayList<>();
    private long now;

    @Override
    public long nowMicros() {
        return now;
    }

    @Override
    public Timer newTimer(Runnable action) {
        FakeTimer t = new FakeTimer(action);
        timers.add(t);
        return t;
    }

    /**
     * Moves the clock on by {@code micros}, firing due timers in deadline order; a timer an action
     * (re)arms within the window fires in the same call.
     */
    public void advance(long micros) {
        long target = now + micros;
        while (true) {
            FakeTimer next = null;
            for (FakeTimer t : timers) {
                if (t.pending && t.deadline <= target && (next == null || t.deadline < next.deadline)) {
                    next = t;
                }
            }
            if (next == null) {
                break;
            }
            now = Math.max(now, next.deadline);
            next.pending = false;
            next.action.run();
        }
        now = target;
    }

    /** Timers still waiting to fire. */
    public long pendingCount() {
        return timers.stream().filter(t -> t.pending).count();
    }

    private final class FakeTimer implements Timer {
        private final Runnable action;
        private boolean pending;
        private long deadline;

        FakeTimer(Runnable action) {
            this.action = action;
        }

        @Override
        public void schedule(long delayMicros) {
            scheduleAt(now + delayMicros);
        }

        @Override
        public void scheduleAt(long deadlineMicros) {
            deadline = deadlineMicros;
            pending = true;
        }

        @Override
        public void cancel() {
            pending = false;
        }

        @Override
        public boolean isPending() {
            return pending;
        }

        @Override
        public long deadlineMicros() {
            return deadline;
        }
    }
}
