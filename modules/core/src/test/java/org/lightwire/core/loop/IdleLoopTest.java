package org.lightwire.core.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.ServiceLoop;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.probe.Loops;
import org.lightwire.core.registry.FixedRegistry;

/**
 * An idle context sleeps (lws_sul: "the select timeout is the time to the next timer"): far
 * timers cost no wake-ups, near ones fire.
 */
class IdleLoopTest {

    private static final long HOUR_MICROS = 3_600_000_000L;

    private Context context;
    private ServiceLoop loop;

    @BeforeEach
    void start() {
        context = new CoreContextFactory(new FixedRegistry()).create(ContextSettings.builder().build());
        loop = context.loops().get(0);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void loopWithOnlyFarTimersMakesNoWakeups() throws InterruptedException {
        Loops.runAndWait(loop, () -> {
            for (int i = 0; i < 10_000; i++) {
                loop.scheduler().newTimer(() -> { }).schedule(HOUR_MICROS);
            }
        });
        Thread.sleep(200); // let start-up work and the task's own wake-up settle

        long before = loop.wakeups();
        Thread.sleep(2_000); // the observation window itself: nothing may wake the loop during it

        assertEquals(before, loop.wakeups(), "an idle loop must sleep until its next timer");
    }

    @Test
    void nearTimerWakesTheLoopAndFires() throws InterruptedException {
        CountDownLatch fired = new CountDownLatch(1);
        long[] scheduledAt = new long[1];
        long[] firedAt = new long[1];
        boolean[] onLoopThread = new boolean[1];
        Loops.runAndWait(loop, () -> {
            scheduledAt[0] = System.nanoTime();
            loop.scheduler().newTimer(() -> {
                firedAt[0] = System.nanoTime();
                onLoopThread[0] = loop.inLoop();
                fired.countDown();
            }).schedule(50_000);
        });
        long before = loop.wakeups();

        assertTrue(fired.await(2, TimeUnit.SECONDS), "a timer 50 ms out must fire");

        long elapsedMicros = (firedAt[0] - scheduledAt[0]) / 1_000;
        assertTrue(elapsedMicros >= 49_000, "fired after " + elapsedMicros + " us, before its deadline");
        assertTrue(onLoopThread[0], "timer actions run on the loop thread");
        assertTrue(loop.wakeups() > before, "the timer's deadline woke the loop");
    }
}
