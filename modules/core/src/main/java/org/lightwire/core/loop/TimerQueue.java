package org.lightwire.core.loop;

import java.util.Arrays;
import org.lightwire.api.Scheduler;
import org.lightwire.api.Timer;

/**
 * A service loop's timers: a binary min-heap ordered by deadline, then by the order in
 * which timers were scheduled. Each node remembers its heap slot, so rescheduling and
 * cancelling are O(log n) and allocate nothing.
 *
 * <p>Not thread-safe: the owning loop's thread only.
 */
public final class TimerQueue implements Scheduler {

    private static final System.Logger LOG = System.getLogger("org.lightwire.core");

    private final Clock clock;
    private Node[] heap = new Node[64];
    private int size;
    private long sequence;

    /** Microsecond time source; replaceable for tests. */
    @FunctionalInterface
    public interface Clock {
        long nowMicros();

        Clock SYSTEM = () -> System.nanoTime() / 1_000;
    }

    public TimerQueue(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long nowMicros() {
        return clock.nowMicros();
    }

    @Override
    public Timer newTimer(Runnable action) {
        if (action == null) {
            throw new NullPointerException("timer action");
        }
        return new Node(this, action);
    }

    /** Pending timers. */
    public int size() {
        return size;
    }

    /** The earliest deadline, or {@link Long#MAX_VALUE} when nothing is pending. */
    public long nextDeadline() {
        return size == 0 ? Long.MAX_VALUE : heap[0].deadline;
    }

    /**
     * Runs the timers due at {@code now}, earliest first, among those scheduled before the
     * pass began. A timer that an action (re)schedules during the pass waits for the next
     * pass, even if already due, so a timer rescheduling itself with zero delay cannot
     * starve the loop; older due timers that sort after it wait with it.
     *
     * @return how many timers ran
     */
    public int runDue(long now) {
        int ran = 0;
        long limit = sequence;
        while (size > 0) {
            Node n = heap[0];
            if (n.deadline > now || n.seq >= limit) {
                break;
            }
            removeAt(0);
            try {
                n.action.run();
            } catch (Throwable e) {
                Fatal.rethrowIfFatal(e);
                LOG.log(System.Logger.Level.ERROR, "unhandled error in timer action", e);
            }
            ran++;
        }
        return ran;
    }

    private void add(Node n, long deadline) {
        n.deadline = deadline;
        n.seq = sequence++;
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        n.index = size;
        heap[size++] = n;
        siftUp(n.index);
    }

    private void removeAt(int i) {
        Node removed = heap[i];
        removed.index = -1;
        size--;
        if (i != size) {
            Node last = heap[size];
            heap[i] = last;
            last.index = i;
            heap[size] = null;
            siftDown(i);
            if (heap[i] == last) {
                siftUp(i);
            }
        } else {
            heap[size] = null;
        }
    }

    private static boolean less(Node a, Node b) {
        return a.deadline < b.deadline || (a.deadline == b.deadline && a.seq < b.seq);
    }

    private void siftUp(int i) {
        Node n = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Node p = heap[parent];
            if (!less(n, p)) {
                break;
            }
            heap[i] = p;
            p.index = i;
            i = parent;
        }
        heap[i] = n;
        n.index = i;
    }

    private void siftDown(int i) {
        Node n = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && less(heap[right], heap[child])) {
                child = right;
            }
            if (!less(heap[child], n)) {
                break;
            }
            heap[i] = heap[child];
            heap[i].index = i;
            i = child;
        }
        heap[i] = n;
        n.index = i;
    }

    private static final class Node implements Timer {
        private final TimerQueue queue;
        private final Runnable action;
        private long deadline;
        private long seq;
        private int index = -1;

        Node(TimerQueue queue, Runnable action) {
            this.queue = queue;
            this.action = action;
        }

        @Override
        public void schedule(long delayMicros) {
            scheduleAt(queue.nowMicros() + Math.max(0, delayMicros));
        }

        @Override
        public void scheduleAt(long deadlineMicros) {
            if (index >= 0) {
                queue.removeAt(index);
            }
            queue.add(this, deadlineMicros);
        }

        @Override
        public void cancel() {
            if (index >= 0) {
                queue.removeAt(index);
            }
        }

        @Override
        public boolean isPending() {
            return index >= 0;
        }

        @Override
        public long deadlineMicros() {
            return deadline;
        }
    }
}
