package org.lightwire.benchmarks.scheduler;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lightwire's loop timer queue against priority-queue schedulers, with a given number of
 * other timers pending: scheduling then cancelling a timer (a timeout that did not
 * happen, the common case), and scheduling then firing one (runDue). {@link SchedulerRatios}
 * turns the JMH CSV output into Lightwire/reference ratios.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class SchedulerBenchmark {

    /** The frozen clock, in microseconds. */
    private static final long NOW = 1_000_000_000L;
    /** Idle timers and cancelled probes fall due within this much after NOW. */
    private static final long HORIZON_MICROS = 60_000_000L;
    private static final int DEADLINES = 4096;

    @Param({"lightwire", "jdk-priority-queue", "netty-priority-queue"})
    public String impl;

    @Param({"1", "1000", "100000"})
    public int pending;

    private PendingTimers timers;
    /** Precomputed so every implementation sees the same deadlines and none pays for the random numbers. */
    private final long[] probeDeadlines = new long[DEADLINES];
    private int nextDeadline;

    @Setup
    public void setUp() {
        timers = switch (impl) {
            case "lightwire" -> new LightwireTimers(NOW);
            case "jdk-priority-queue" -> new JdkPriorityQueueTimers();
            case "netty-priority-queue" -> new NettyPriorityQueueTimers();
            default -> throw new IllegalArgumentException("unknown scheduler '" + impl + "'");
        };
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < pending; i++) {
            timers.addIdle(NOW + 1 + random.nextLong(HORIZON_MICROS));
        }
        for (int i = 0; i < DEADLINES; i++) {
            probeDeadlines[i] = NOW + 1 + random.nextLong(HORIZON_MICROS);
        }
    }

    /** A timer lands somewhere among the pending ones and is cancelled before it is due. */
    @Benchmark
    public void scheduleCancel() {
        timers.scheduleProbe(probeDeadlines[nextDeadline++ & (DEADLINES - 1)]);
        timers.cancelProbe();
    }

    /** A timer due now goes to the front and the loop's pass runs it. */
    @Benchmark
    public int scheduleFire() {
        timers.scheduleProbe(NOW);
        return timers.runDue(NOW);
    }
}
