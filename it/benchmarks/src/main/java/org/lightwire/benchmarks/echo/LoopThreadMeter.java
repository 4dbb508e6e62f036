package org.lightwire.benchmarks.echo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;

/**
 * What a server's event loop threads spent since this meter started: heap bytes allocated
 * and CPU time, from the JVM's per-thread counters (HotSpot's com.sun.management.ThreadMXBean).
 * CPU per echo is the efficiency figure that the noisy round-trip times of a shared machine
 * cannot blur.
 */
final class LoopThreadMeter {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final long[] threadIds;
    private final long startAllocated;
    private final long startCpu;

    private LoopThreadMeter(long[] threadIds) {
        this.threadIds = threadIds;
        this.startAllocated = totalAllocated();
        this.startCpu = totalCpu();
    }

    /**
     * Starts metering the live threads whose names begin with {@code prefix}. Start it once
     * the loops run (after warm-up), so the same threads are read at the start and the end.
     */
    static LoopThreadMeter start(String prefix) {
        long[] ids = Arrays.stream(THREADS.getThreadInfo(THREADS.getAllThreadIds()))
                .filter(info -> info != null && info.getThreadName().startsWith(prefix))
                .mapToLong(ThreadInfo::getThreadId)
                .toArray();
        if (ids.length == 0) {
            throw new IllegalStateException("no live thread is named " + prefix + "*");
        }
        return new LoopThreadMeter(ids);
    }

    long allocatedBytes() {
        return totalAllocated() - startAllocated;
    }

    long cpuNanos() {
        return totalCpu() - startCpu;
    }

    private long totalAllocated() {
        long sum = 0;
        for (long bytes : THREADS.getThreadAllocatedBytes(threadIds)) {
            // -1: the thread has died, which a running server's loops do not
            sum += Math.max(bytes, 0);
        }
        return sum;
    }

    private long totalCpu() {
        long sum = 0;
        for (long id : threadIds) {
            sum += Math.max(THREADS.getThreadCpuTime(id), 0);
        }
        return sum;
    }
}
