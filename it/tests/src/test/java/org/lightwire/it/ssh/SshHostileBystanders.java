package org.lightwire.it.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Well-behaved clients served while the hostile ones attack: threads that run the real
 * OpenSSH client ({@code ssh ... 'echo hi'}) back to back against the same launcher and keep
 * every run that did not print "hi" with exit status 0.
 */
final class SshHostileBystanders implements AutoCloseable {
    private static final Duration RUN = Duration.ofSeconds(30);

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger succeeded = new AtomicInteger();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    /** Starts {@code parallel} threads, each running ssh in a loop until {@link #close}. */
    SshHostileBystanders(int port, Path key, int parallel) {
        for (int i = 0; i < parallel; i++) {
            Thread t = new Thread(() -> loop(port, key), "ssh-bystander-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void loop(int port, Path key) {
        int n = 0;
        while (running.get()) {
            String tag = Thread.currentThread().getName() + " run " + n++;
            try {
                OpenSsh.Result r = OpenSsh.run(OpenSsh.command(port, key, "bystander@127.0.0.1", "echo hi"), "", RUN);
                if (r.exit() == 0 && r.out().equals("hi\n")) {
                    succeeded.incrementAndGet();
                } else {
                    failures.add(tag + ": " + r);
                }
            } catch (Throwable t) {
                failures.add(tag + ": " + t);
            }
        }
    }

    int succeeded() {
        return succeeded.get();
    }

    /** The runs that failed so far, each with its ssh output. */
    List<String> failures() {
        return List.copyOf(failures);
    }

    /** Stops the loops after their current run and waits for them. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join(RUN.toMillis() + 10_000);
        }
    }
}
