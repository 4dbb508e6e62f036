package org.lightwire.core.probe;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.lightwire.api.Context;
import org.lightwire.api.ServiceLoop;

/** Running work on real service loops from a test thread, and waiting for it. */
public final class Loops {

    private Loops() {
    }

    /** Runs {@code task} on {@code loop}'s thread and waits until it has run. */
    public static void runAndWait(ServiceLoop loop, Runnable task) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        loop.execute(() -> {
            try {
                task.run();
            } finally {
                done.countDown();
            }
        });
        if (!done.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("loop " + loop.index() + " did not run the task within 10 s");
        }
    }

    /**
     * Waits until every loop of {@code context} has finished what it was doing and run the
     * tasks queued so far (tasks run in order, so a no-op task marks the point).
     */
    public static void drain(Context context) throws InterruptedException {
        for (ServiceLoop loop : context.loops()) {
            runAndWait(loop, () -> { });
        }
    }
}
