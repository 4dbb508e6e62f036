package org.lightwire.benchmarks.echo;

import java.time.Duration;
import java.util.OptionalInt;
import org.lightwire.benchmarks.BenchmarkArgs;
import org.lightwire.benchmarks.BenchmarkArgs.UsageException;

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

    static EchoOptions parse(BenchmarkArgs args) throws UsageException {
        int seconds = 5;
        int warmup = 2;
        int connections = 16;
        int window = 64 * 1024;
        int threads = 1;
        OptionalInt rxBuffer = OptionalInt.empty();
        while (args.next()) {
            switch (args.option()) {
                case "--seconds" -> seconds = args.positive();
                case "--warmup" -> warmup = args.positive();
                case "--connections" -> connections = args.positive();
                case "--window" -> window = args.positive();
                case "--threads" -> threads = args.positive();
                case "--rx-buffer" -> rxBuffer = OptionalInt.of(args.positive());
                case "--quick" -> {
                    seconds = 1;
                    warmup = 1;
                }
                default -> throw args.unknown();
            }
        }
        return new EchoOptions(Duration.ofSeconds(seconds), Duration.ofSeconds(warmup), connections, window, threads,
                rxBuffer);
    }
}
