package org.lightwire.benchmarks.tls;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lightwire.benchmarks.BenchmarkArgs;
import org.lightwire.benchmarks.BenchmarkArgs.UsageException;

/**
 * Command line of {@link TlsBenchmark}.
 *
 * @param seconds     measured time of each phase (handshakes, bulk) per server
 * @param warmup      unmeasured run of each phase before the measured one
 * @param threads     load threads doing full handshakes
 * @param connections keep-alive connections downloading the bulk file
 * @param loops       Lightwire's count-threads
 * @param servers     which servers to measure, in order
 */
record TlsBenchOptions(int seconds, int warmup, int threads, int connections, int loops, Set<String> servers) {

    static final List<String> ALL = List.of("jca", "bc", "lws");

    /** Upper bound of every numeric option. */
    private static final int MAX = 10_000;

    static final String USAGE = "usage: TlsBenchmark [--seconds N] [--warmup N] [--threads N] [--connections N]"
            + " [--loops N] [--servers jca,bc,lws] [--quick]";

    static TlsBenchOptions parse(BenchmarkArgs args) throws UsageException {
        int seconds = 10;
        // the JIT needs a few seconds of handshakes before the JVM servers reach their pace
        int warmup = 5;
        int threads = 4;
        int connections = 4;
        int loops = 1;
        Set<String> servers = new LinkedHashSet<>(ALL);
        while (args.next()) {
            switch (args.option()) {
                case "--seconds" -> seconds = args.number(1, MAX);
                case "--warmup" -> warmup = args.number(1, MAX);
                case "--threads" -> threads = args.number(1, MAX);
                case "--connections" -> connections = args.number(1, MAX);
                case "--loops" -> loops = args.number(1, MAX);
                case "--servers" -> servers = args.servers(ALL);
                case "--quick" -> {
                    seconds = 2;
                    warmup = 1;
                }
                default -> throw args.unknown();
            }
        }
        return new TlsBenchOptions(seconds, warmup, threads, connections, loops, servers);
    }
}
