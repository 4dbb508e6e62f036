package org.lightwire.core.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Timer;

/** {@link TimerQueue}: lws {@code lws_sul}, one sorted timer list per loop. */
class TimerQueueTest {

    private long now;
    private final TimerQueue queue = new TimerQueue(() -> now);
    private final List<String> fired = new ArrayList<>();

    private Timer timer(String name) {
        return queue.newTimer(() -> fired.add(name));
    }

    @Test
    void timersFireInDeadlineOrder() {
        timer("c").scheduleAt(30);
        timer("a").scheduleAt(10);
        timer("b").scheduleAt(20);

        queue.runDue(100);

        assertEquals(List.of("a", "b", "c"), fired);
    }

    @Test
    void timersWithEqualDeadlinesFireInTheOrderTheyWereScheduled() {
        for (String n : List.of("first", "second", "third", "fourth")) {
            timer(n).scheduleAt(50);
        }

        queue.runDue(50);

        assertEquals(List.of("first", "second", "third", "fourth"), fired);
    }

    @Test
    void scheduleIsRelativeToTheClock() {
        now = 1_000;
        Timer t = timer("t");

        t.schedule(500);

        assertEquals(1_500, t.deadlineMicros());
        assertEquals(0, queue.runDue(1_499));
        assertEquals(1, queue.runDue(1_500));
    }

    @Test
    void runDueRunsOnlyTimersThatAreDue() {
        timer("early").scheduleAt(10);
        timer("now").scheduleAt(15);
        timer("late").scheduleAt(16);

        int ran = queue.runDue(15);

        assertEquals(2, ran);
        assertEquals(List.of("early", "now"), fired);
        assertEquals(1, queue.size());
        assertEquals(16, queue.nextDeadline());
    }

    @Test
    void cancelledTimerDoesNotFire() {
        Timer a = timer("a");
        Timer b = timer("b");
        a.scheduleAt(10);
        b.scheduleAt(20);

        a.cancel();

        assertFalse(a.isPending());
        queue.runDue(100);
        assertEquals(List.of("b"), fired);
    }

    @Test
    void cancellingAnIdleTimerIsHarmless() {
        Timer a = timer("a");

        a.cancel();
        a.cancel();

        assertEquals(0, queue.size());
    }

    @Test
    void reschedulingMovesTheTimerInsteadOfAddingIt() {
        Timer a = timer("a");
        timer("b").scheduleAt(20);
        a.scheduleAt(10);

        a.scheduleAt(30);

        assertEquals(2, queue.size());
        queue.runDue(100);
        assertEquals(List.of("b", "a"), fired);
    }

    @Test
    void reschedulingToTheSameDeadlineGoesBehindTimersAlreadyThere() {
        Timer a = timer("a");
        a.scheduleAt(10);
        timer("b").scheduleAt(10);

        a.scheduleAt(10);

        queue.runDue(10);
        assertEquals(List.of("b", "a"), fired);
    }

    @Test
    void firedTimerIsNoLongerPendingAndCanBeReused() {
        Timer a = timer("a");
        a.scheduleAt(10);
        queue.runDue(10);

        assertFalse(a.isPending());
        a.scheduleAt(20);
        assertTrue(a.isPending());
        queue.runDue(20);
        assertEquals(List.of("a", "a"), fired);
    }

    @Test
    void emptyQueueHasNoNextDeadline() {
        assertEquals(Long.MAX_VALUE, queue.nextDeadline());
        assertEquals(0, queue.runDue(Long.MAX_VALUE));
    }

    @Test
    void hundredThousandTimersFireInDeadlineThenSchedulingOrder() {
        Random random = new Random(42);
        int n = 100_000;
        long[] deadlines = new long[n];
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int id = i;
            deadlines[i] = random.nextInt(10_000); // many equal deadlines
            queue.newTimer(() -> order.add(id)).scheduleAt(deadlines[i]);
        }

        int ran = queue.runDue(Long.MAX_VALUE - 1);

        assertEquals(n, ran);
        List<Integer> expected = new ArrayList<>(order);
        expected.sort(Comparator.<Integer>comparingLong(i -> deadlines[i]).thenComparingInt(i -> i));
        assertEquals(expected, order);
    }

    @Test
    void randomScheduleCancelAndMoveAgreeWithASortedReference() {
        Random random = new Random(7);
        int n = 2_000;
        Timer[] timers = new Timer[n];
        long[] deadline = new long[n];
        long[] sequence = new long[n];
        boolean[] pending = new boolean[n];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int id = i;
            timers[i] = queue.newTimer(() -> order.add(id));
        }
        long seq = 0;
        for (int step = 0; step < 20_000; step++) {
            int i = random.nextInt(n);
            if (random.nextInt(4) == 0) {
                timers[i].cancel();
                pending[i] = false;
            } else {
                deadline[i] = random.nextInt(1_000);
                timers[i].scheduleAt(deadline[i]);
                sequence[i] = seq++;
                pending[i] = true;
            }
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (pending[i]) {
                expected.add(i);
            }
        }
        expected.sort(Comparator.<Integer>comparingLong(i -> deadline[i]).thenComparingLong(i -> sequence[i]));

        assertEquals(expected.size(), queue.size());
        queue.runDue(Long.MAX_VALUE - 1);
        assertEquals(expected, order);
    }

    @Test
    void timerReschedulingItselfWithZeroDelayDoesNotStarveRunDue() {
        int[] runs = {0};
        Timer[] self = new Timer[1];
        self[0] = queue.newTimer(() -> {
            runs[0]++;
            self[0].schedule(0);
        });
        self[0].schedule(0);

        int ran = queue.runDue(now);

        assertEquals(1, ran, "runDue returns after the timers that were due when it started");
        assertTrue(self[0].isPending(), "the rescheduled timer waits for the next pass");
        assertEquals(1, queue.runDue(now));
        assertEquals(2, runs[0]);
    }

    @Test
    void timerScheduledByAnActionForAnEarlierTimeRunsInTheNextPass() {
        Timer late = timer("late");
        queue.newTimer(() -> {
            fired.add("first");
            late.scheduleAt(0);
        }).scheduleAt(5);

        queue.runDue(10);
        assertEquals(List.of("first"), fired);

        queue.runDue(10);
        assertEquals(List.of("first", "late"), fired);
    }

    @Test
    void failingActionDoesNotStopOtherTimers() {
        queue.newTimer(() -> {
            throw new IllegalStateException("boom");
        }).scheduleAt(1);
        timer("after").scheduleAt(2);

        assertEquals(2, queue.runDue(2));
        assertEquals(List.of("after"), fired);
    }

    @Test
    void timerNeedsAnAction() {
        assertThrows(NullPointerException.class, () -> queue.newTimer(null));
    }
}
