package org.lightwire.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Timer;

class FakeSchedulerTest {

    private final FakeScheduler scheduler = new FakeScheduler();
    private final List<String> fired = new ArrayList<>();

    @Test
    void dueTimersFireInDeadlineOrderAtTheirDeadline() {
        Timer late = scheduler.newTimer(() -> fired.add("late@" + scheduler.nowMicros()));
        Timer early = scheduler.newTimer(() -> fired.add("early@" + scheduler.nowMicros()));
        late.schedule(300);
        early.schedule(100);
        scheduler.advance(299);
        assertEquals(List.of("early@100"), fired);
        assertEquals(299, scheduler.nowMicros());
        assertEquals(1, scheduler.pendingCount());
        scheduler.advance(1);
        assertEquals(List.of("early@100", "late@300"), fired);
        assertEquals(0, scheduler.pendingCount());
    }

    @Test
    void aTimerRearmedByItsActionFiresAgainWithinTheSameAdvance() {
        Timer[] t = new Timer[1];
        t[0] = scheduler.newTimer(() -> {
            fired.add("tick@" + scheduler.nowMicros());
            t[0].schedule(50);
        });
        t[0].schedule(50);
        scheduler.advance(160);
        assertEquals(List.of("tick@50", "tick@100", "tick@150"), fired);
        assertEquals(200, t[0].deadlineMicros());
    }

    @Test
    void cancelledTimersNeverFire() {
        Timer t = scheduler.newTimer(() -> fired.add("x"));
        t.scheduleAt(10);
        t.cancel();
        assertFalse(t.isPending());
        scheduler.advance(1_000);
        assertEquals(List.of(), fired);
    }
}
