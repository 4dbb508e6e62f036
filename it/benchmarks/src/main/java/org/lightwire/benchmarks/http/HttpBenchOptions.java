package org.lightwire.benchmarks.http;

import java.util.LinkedHashSet;
import java.util.Set;

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

    static final Set<String> ALL = Set.of("lightwire", "jetty", "lws");

    static final String USAGE = "usage: HttpFileBenchmark [--seconds N] [--warmup N] [--connections N]"
            + " [--threads N] [--servers lightwire,jetty,lws] [--quick]";

    /** A command line that does not parse; the message says why. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static HttpBenchOptions parse(String... args) throws UsageException {
        int seconds = 8;
        int warmup = 3;
        int connections = 32;
        int threads = 1;
        Set<String> servers = new LinkedHashSet<>(java.util.List.of("lightwire", "jetty", "lws"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = positive(args, ++i);
                case "--warmup" -> warmup = positive(args, ++i);
                case "--connections" -> connections = positive(args, ++i);
                case "--threads" -> threads = positive(args, ++i);
                case "--servers" -> {
                    servers = new LinkedHashSet<>();
                    for (String s : value(args, ++i).split(",")) {
                        if (!ALL.contains(s)) {
                            throw new UsageException("unknown server '" + s + "' (lightwire, jetty, lws)");
                        }
                        servers.add(s);
                    }
                }
                case "--quick" -> {
                    seconds = 2;
                    warmup = 1;
                }
                case "--help", "-h" -> throw new UsageException("");
                default -> throw new UsageException("unknown option '" + args[i] + "'");
            }
        }
        return new HttpBenchOptions(seconds, warmup, connections, threads, servers);
    }

    private static String value(String[] args, int i) throws UsageException {
        if (i >= args.length) {
            throw new UsageException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static int positive(String[] args, int i) throws UsageException {
        String v = value(args, i);
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(args[i - 1] + " needs a positive number, not '" + v + "'");
    }
}
