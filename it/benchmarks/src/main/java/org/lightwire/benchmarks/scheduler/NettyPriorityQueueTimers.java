package org.lightwire.benchmarks.scheduler;

import io.netty.util.internal.DefaultPriorityQueue;
import io.netty.util.internal.PriorityQueueNode;
import java.util.Comparator;

/**
 * Netty's scheduled-task structure: the {@link DefaultPriorityQueue} its event loops keep
 * scheduled tasks in, whose nodes remember their heap index so cancelling is O(log n).
 * Driven directly, without an executor around it.
 */
final class NettyPriorityQueueTimers implements PendingTimers {

    /** Ordered like Lightwire's timers: by deadline, then by scheduling order. */
    private static final Comparator<Task> ORDER = (a, b) -> {
        int c = Long.compare(a.deadline, b.deadline);
        return c != 0 ? c : Long.compare(a.sequence, b.sequence);
    };

    private final DefaultPriorityQueue<Task> queue = new DefaultPriorityQueue<>(ORDER, 64);
    private final Task probe = new Task(NOTHING);
    private long sequence;

    @Override
    public void addIdle(long deadline) {
        Task t = new Task(NOTHING);
        t.deadline = deadline;
        t.sequence = sequence++;
        queue.offer(t);
    }

    @Override
    public void scheduleProbe(long deadline) {
        probe.deadline = deadline;
        probe.sequence = sequence++;
        queue.offer(probe);
    }

    @Override
    public void cancelProbe() {
        queue.removeTyped(probe);
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

    private static final class Task implements PriorityQueueNode {
        final Runnable action;
        long deadline;
        long sequence;
        private int index = INDEX_NOT_IN_QUEUE;

        Task(Runnable action) {
            this.action = action;
        }

        @Override
        public int priorityQueueIndex(DefaultPriorityQueue<?> q) {
            return index;
        }

        @Override
        public void priorityQueueIndex(DefaultPriorityQueue<?> q, int i) {
            index = i;
        }
    }
}
