package org.lightwire.benchmarks.ws;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lightwire.benchmarks.BenchmarkArgs;
import org.lightwire.benchmarks.BenchmarkArgs.UsageException;

/**
 * Command line of {@link WsEchoBenchmark}.
 *
 * @param seconds       measured time of each echo run
 * @param warmup        run on each connection before its measured rounds, not counted
 * @param rounds        measured runs per server and size, interleaved across the servers
 * @param idle          idle connections for the heap-per-connection figure (0: skip it)
 * @param servers       which servers to measure, in order
 * @param heapMegabytes fixed heap (-Xms = -Xmx) of the Java servers
 * @param jfrDir        when present, the Java servers record JFR (profile settings) there
 * @param pin           where the client and the servers run: {@link Pin}
 */
record WsBenchOptions(int seconds, int warmup, int rounds, int idle, Set<String> servers, int heapMegabytes,
        Optional<Path> jfrDir, Pin pin) {

    /**
     * CPU placement. A one-client closed loop is bound by wake-ups: when the kernel puts the
     * client and the server on different cores each message pays two cross-core wake-ups
     * (~20 us each on this VM) and runs flip between ~16 us and ~50 us round trips as the
     * scheduler moves threads. Pinned to one core the round trip is the CPU the client and
     * the server spend per message, which is what differs between servers, and runs repeat
     * within a few percent.
     */
    enum Pin {
        /** client JVM and servers on the last CPU (the default). */
        SAME,
        /** client on CPU 0, servers on the last CPU. */
        SPLIT,
        /** wherever the kernel puts them. */
        NONE
    }

    static final List<String> ALL = List.of("lightwire", "netty", "lws");

    static final String USAGE = "usage: WsEchoBenchmark [--seconds N] [--warmup N] [--rounds N] [--idle N]"
            + " [--servers lightwire,netty,lws] [--heap MB] [--jfr DIR] [--pin same|split|none] [--quick]";

    static WsBenchOptions parse(BenchmarkArgs args) throws UsageException {
        int seconds = 2;
        int warmup = 2;
        int rounds = 5;
        int idle = 5000;
        int heap = 256;
        Optional<Path> jfr = Optional.empty();
        Pin pin = Pin.SAME;
        Set<String> servers = new LinkedHashSet<>(ALL);
        while (args.next()) {
            switch (args.option()) {
                case "--seconds" -> seconds = args.positive();
                case "--warmup" -> warmup = args.positive();
                case "--rounds" -> rounds = args.positive();
                case "--idle" -> idle = args.nonNegative();
                case "--heap" -> heap = args.positive();
                case "--jfr" -> jfr = Optional.of(Path.of(args.value()).toAbsolutePath());
                case "--pin" -> pin = args.constant(Pin.class);
                case "--servers" -> servers = args.servers(ALL);
                case "--quick" -> {
                    seconds = 1;
                    warmup = 1;
                    rounds = 1;
                    idle = 1000;
                }
                default -> throw args.unknown();
            }
        }
        return new WsBenchOptions(seconds, warmup, rounds, idle, servers, heap, jfr, pin);
    }
}
