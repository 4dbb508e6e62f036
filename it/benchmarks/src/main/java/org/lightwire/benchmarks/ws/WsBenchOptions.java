package org.lightwire.benchmarks.ws;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    static final Set<String> ALL = Set.of("lightwire", "netty", "lws");

    static final String USAGE = "usage: WsEchoBenchmark [--seconds N] [--warmup N] [--rounds N] [--idle N]"
            + " [--servers lightwire,netty,lws] [--heap MB] [--jfr DIR] [--pin same|split|none] [--quick]";

    /** A command line that does not parse; the message says why. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static WsBenchOptions parse(String... args) throws UsageException {
        int seconds = 2;
        int warmup = 2;
        int rounds = 5;
        int idle = 5000;
        int heap = 256;
        Optional<Path> jfr = Optional.empty();
        Pin pin = Pin.SAME;
        Set<String> servers = new LinkedHashSet<>(List.of("lightwire", "netty", "lws"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = positive(args, ++i);
                case "--warmup" -> warmup = positive(args, ++i);
                case "--rounds" -> rounds = positive(args, ++i);
                case "--idle" -> idle = nonNegative(args, ++i);
                case "--heap" -> heap = positive(args, ++i);
                case "--jfr" -> jfr = Optional.of(Path.of(value(args, ++i)).toAbsolutePath());
                case "--pin" -> {
                    String v = value(args, ++i);
                    try {
                        pin = Pin.valueOf(v.toUpperCase(java.util.Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--pin is same, split or none, not '" + v + "'");
                    }
                }
                case "--servers" -> {
                    servers = new LinkedHashSet<>();
                    for (String s : value(args, ++i).split(",")) {
                        if (!ALL.contains(s)) {
                            throw new UsageException("unknown server '" + s + "' (lightwire, netty, lws)");
                        }
                        servers.add(s);
                    }
                }
                case "--quick" -> {
                    seconds = 1;
                    warmup = 1;
                    rounds = 1;
                    idle = 1000;
                }
                case "--help", "-h" -> throw new UsageException("");
                default -> throw new UsageException("unknown option '" + args[i] + "'");
            }
        }
        return new WsBenchOptions(seconds, warmup, rounds, idle, servers, heap, jfr, pin);
    }

    private static String value(String[] args, int i) throws UsageException {
        if (i >= args.length) {
            throw new UsageException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static int positive(String[] args, int i) throws UsageException {
        int n = nonNegative(args, i);
        if (n == 0) {
            throw new UsageException(args[i - 1] + " needs a positive number");
        }
        return n;
    }

    private static int nonNegative(String[] args, int i) throws UsageException {
        String v = value(args, i);
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(args[i - 1] + " needs a number >= 0, not '" + v + "'");
    }
}
