package org.lightwire.core.net;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.lightwire.core.loop.EventLoop;

/** Runs one piece of work on every loop and waits for all of them. */
final class LoopTasks {

    private static final long WAIT_MILLIS = 10_000;

    private LoopTasks() {
    }

    /**
     * Runs {@code work} on each loop's thread and waits until every loop has run it (or,
     * when called on a loop thread, runs it there at once and does not wait for the others:
     * a loop must never block on another).
     */
    static void onEveryLoopAndWait(List<EventLoop> loops, Consumer<EventLoop> work) {
        CountDownLatch done = new CountDownLatch(loops.size());
        boolean onLoop = false;
        for (EventLoop loop : loops) {
            if (loop.inLoop()) {
                onLoop = true;
                work.accept(loop);
                done.countDown();
            } else {
                loop.execute(() -> {
                    try {
                        work.accept(loop);
                    } finally {
                        done.countDown();
                    }
                });
            }
        }
        if (onLoop) {
            return;
        }
        try {
            if (!done.await(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                Wire.LOG.log(Level.WARNING, "a service loop did not answer within " + WAIT_MILLIS + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
