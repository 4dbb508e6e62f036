package org.lightwire.benchmarks.scheduler;

import org.lightwire.api.Timer;
import org.lightwire.core.loop.TimerQueue;

/** Lightwire's loop timer queue, as a loop uses it: one reusable {@link Timer} per purpose. */
final class LightwireTimers implements PendingTimers {

    private final TimerQueue queue;
    private final Timer probe;

    /** @param now the frozen clock's reading */
    LightwireTimers(long now) {
        this.queue = new TimerQueue(() -> now);
        this.probe = queue.newTimer(NOTHING);
    }

    @Override
    public void addIdle(long deadline) {
        queue.newTimer(NOTHING).scheduleAt(deadline);
    }

    @Override
    public void scheduleProbe(long deadline) {
        probe.scheduleAt(deadline);
    }

    @Override
    public void cancelProbe() {
        probe.cancel();
    }

    @Override
    public int runDue(long now) {
        return queue.runDue(now);
    }
}
