package org.lightwire.benchmarks.echo;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * Command line of {@link RawEchoBenchmark}.
 *
 * @param seconds     measured time of each run
 * @param warmup      unmeasured time before each run, on the same connections
 * @param connections connections of the throughput run and of the many-connection ping-pong
 * @param window      bytes each throughput connection keeps in flight
 * @param threads     event loop threads of every server
 * @param rxBuffer    Lightwire's rx-buffer-size, when not its default (to explore its effect)
 */
record EchoOptions(Duration seconds, Duration warmup, int connections, int window, int threads, OptionalInt rxBuffer) {

    static final String USAGE = "usage: RawEchoBenchmark [--seconds N] [--warmup N] [--connections N]"
            + " [--window BYTES] [--threads N] [--rx-buffer BYTES] [--quick]";

    /** Thrown for a command line that does not parse; the message says what is wrong. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static EchoOptions parse(String... args) throws UsageException {
        int seconds = 5;
        int warmup = 2;
        int connections = 16;
        int window = 64 * 1024;
        int threads = 1;
        OptionalInt rxBuffer = OptionalInt.empty();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = positive(args, ++i);
                case "--warmup" -> warmup = positive(args, ++i);
                case "--connections" -> connections = positive(args, ++i);
                case "--window" -> window = positive(args, ++i);
                case "--threads" -> threads = positive(args, ++i);
                case "--rx-buffer" -> rxBuffer = OptionalInt.of(positive(args, ++i));
                case "--quick" -> {
                    seconds = 1;
                    warmup = 1;
                }
                default -> throw new UsageException("unknown option '" + args[i] + "'");
            }
        }
        return new EchoOptions(Duration.ofSeconds(seconds), Duration.ofSeconds(warmup), connections, window, threads,
                rxBuffer);
    }

    private static int positive(String[] args, int i) throws UsageException {
        if (i >= args.length) {
            throw new UsageException(args[i - 1] + " needs a value");
        }
        try {
            int v = Integer.parseInt(args[i]);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(args[i - 1] + " needs a positive integer, not '" + args[i] + "'");
    }
}
