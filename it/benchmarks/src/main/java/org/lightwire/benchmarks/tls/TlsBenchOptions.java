package org.lightwire.benchmarks.tls;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

    static final Set<String> ALL = Set.of("jca", "bc", "lws");

    static final String USAGE = "usage: TlsBenchmark [--seconds N] [--warmup N] [--threads N] [--connections N]"
            + " [--loops N] [--servers jca,bc,lws] [--quick]";

    /** A command line that does not parse; the message says why. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static TlsBenchOptions parse(String... args) throws UsageException {
        int seconds = 10;
        // the JIT needs a few seconds of handshakes before the JVM servers reach their pace
        int warmup = 5;
        int threads = 4;
        int connections = 4;
        int loops = 1;
        Set<String> servers = new LinkedHashSet<>(List.of("jca", "bc", "lws"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = positive(args, ++i);
                case "--warmup" -> warmup = positive(args, ++i);
                case "--threads" -> threads = positive(args, ++i);
                case "--connections" -> connections = positive(args, ++i);
                case "--loops" -> loops = positive(args, ++i);
                case "--servers" -> {
                    servers = new LinkedHashSet<>();
                    for (String s : value(args, ++i).split(",")) {
                        if (!ALL.contains(s)) {
                            throw new UsageException("unknown server '" + s + "' (jca, bc, lws)");
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
        return new TlsBenchOptions(seconds, warmup, threads, connections, loops, servers);
    }

    private static String value(String[] args, int i) throws UsageException {
        if (i >= args.length) {
            throw new UsageException("option '" + args[i - 1] + "' needs a value");
        }
        return args[i];
    }

    private static int positive(String[] args, int i) throws UsageException {
        String v = value(args, i);
        try {
            int n = Integer.parseInt(v);
            if (n < 1 || n > 10_000) {
                throw new UsageException("option '" + args[i - 1] + "' must be 1..10000, not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("option '" + args[i - 1] + "' must be a number, not '" + v + "'");
        }
    }
}
