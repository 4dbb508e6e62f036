package org.lightwire.benchmarks.http;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lightwire.benchmarks.BenchmarkArgs;
import org.lightwire.benchmarks.BenchmarkArgs.UsageException;

/**
 * Command line of {@link HttpFileBenchmark}.
 *
 * @param seconds     measured time of each wrk run
 * @param warmup      wrk run before each measured one, not counted
 * @param connections wrk connections
 * @param threads     Lightwire's count-threads
 * @param servers     which servers to measure, in order
 */
record HttpBenchOptions(int seconds, int warmup, int connections, int threads, Set<String> servers) {

    static final List<String> ALL = List.of("lightwire", "jetty", "lws");

    static final String USAGE = "usage: HttpFileBenchmark [--seconds N] [--warmup N] [--connections N]"
            + " [--threads N] [--servers lightwire,jetty,lws] [--quick]";

    static HttpBenchOptions parse(BenchmarkArgs args) throws UsageException {
        int seconds = 8;
        int warmup = 3;
        int connections = 32;
        int threads = 1;
        Set<String> servers = new LinkedHashSet<>(ALL);
        while (args.next()) {
            switch (args.option()) {
                case "--seconds" -> seconds = args.positive();
                case "--warmup" -> warmup = args.positive();
                case "--connections" -> connections = args.positive();
                case "--threads" -> threads = args.positive();
                case "--servers" -> servers = args.servers(ALL);
                case "--quick" -> {
                    seconds = 2;
                    warmup = 1;
                }
                default -> throw args.unknown();
            }
        }
        return new HttpBenchOptions(seconds, warmup, connections, threads, servers);
    }
}
