package org.lightwire.benchmarks.scheduler;

import java.util.PriorityQueue;

/**
 * The textbook scheduler: a {@link PriorityQueue} of tasks, cancel by
 * {@link PriorityQueue#remove(Object)} (a linear search), what many hand-written loops do.
 */
final class JdkPriorityQueueTimers implements PendingTimers {

    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private final Task probe = new Task(NOTHING);
    private long sequence;

    @Override
    public void addIdle(long deadline) {
        Task t = new Task(NOTHING);
        t.deadline = deadline;
        t.sequence = sequence++;
        queue.add(t);
    }

    @Override
    public void scheduleProbe(long deadline) {
        probe.deadline = deadline;
        probe.sequence = sequence++;
        queue.add(probe);
    }

    @Override
    public void cancelProbe() {
        queue.remove(probe);
    }

    @Override
    public int runDue(long now) {
        int ran = 0;
        for (Task t = queue.peek(); t != null && t.deadline <= now; t = queue.peek()) {
            queue.poll();
            t.action.run();
            ran++;
        }
        return ran;
    }

    /** Ordered like Lightwire's timers: by deadline, then by scheduling order. */
    private static final class Task implements Comparable<Task> {
        final Runnable action;
        long deadline;
        long sequence;

        Task(Runnable action) {
            this.action = action;
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(deadline, o.deadline);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }
}
