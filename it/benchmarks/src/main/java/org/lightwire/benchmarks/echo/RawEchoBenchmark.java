package org.lightwire.benchmarks.echo;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.lightwire.benchmarks.BenchmarkArgs;

/**
 * Raw TCP echo, Lightwire against Netty 4.2, side by side in one JVM: bulk throughput with
 * a window per connection, then ping-pong latency on one and on many connections, with the
 * allocation and CPU time of each server's loop threads per echo. A program, not a test:
 * it prints figures and ratios and never judges them.
 *
 * <p>Exit status: 0 when every echo was verified, 1 when one was not or the run overran
 * its time bound, 2 on a bad command line.
 */
public final class RawEchoBenchmark {

    private static final int WRITE_SIZE = 16 * 1024;
    private static final int MESSAGE_SIZE = 64;
    private static final Duration SLACK_PER_RUN = Duration.ofSeconds(3);
    private static final Duration STARTUP_SLACK = Duration.ofSeconds(60);

    private final EchoOptions options;
    private final EchoReport report;
    private boolean allVerified = true;

    private RawEchoBenchmark(EchoOptions options, PrintStream out) {
        this.options = options;
        this.report = new EchoReport(out);
    }

    public static void main(String[] args) throws InterruptedException {
        EchoOptions options =
                BenchmarkArgs.parseOrExit("RawEchoBenchmark", EchoOptions.USAGE, args, EchoOptions::parse);
        System.exit(runBounded(options));
    }

    /**
     * Runs the benchmark on its own client thread and gives up after a generous bound, so
     * a wedged server cannot keep the program (or a CI job) alive.
     */
    private static int runBounded(EchoOptions options) throws InterruptedException {
        RawEchoBenchmark benchmark = new RawEchoBenchmark(options, System.out);
        AtomicInteger status = new AtomicInteger(1);
        Thread client = new Thread(() -> {
            try {
                status.set(benchmark.run() ? 0 : 1);
            } catch (Exception e) {
                System.err.print("RawEchoBenchmark: failed: ");
                e.printStackTrace();
            }
        }, "load-client");
        client.setDaemon(true);
        client.start();
        Duration bound = benchmark.timeBound();
        client.join(bound.toMillis());
        if (client.isAlive()) {
            System.err.println("RawEchoBenchmark: did not finish within " + bound.toSeconds() + " s, giving up");
            return 1;
        }
        return status.get();
    }

    /** Every run of every scenario against every server that could be there, plus slack. */
    private Duration timeBound() {
        int runs = (NettyEchoServer.Transport.values().length + 1) * scenarios().size();
        return options.warmup().plus(options.seconds()).plus(SLACK_PER_RUN).multipliedBy(runs).plus(STARTUP_SLACK);
    }

    private boolean run() throws Exception {
        List<EchoServer> servers = startServers();
        try {
            describeSetup(servers);
            List<Scenario> scenarios = scenarios();
            List<List<ServerResult>> results = new ArrayList<>();
            for (Scenario scenario : scenarios) {
                List<ServerResult> row = new ArrayList<>();
                for (EchoServer server : servers) {
                    row.add(measure(scenario, server));
                }
                report.table(scenario, row);
                results.add(row);
            }
            report.heading("summary (Lightwire / reference; throughput: higher is better, latency and CPU: lower is better)");
            for (EchoServer server : servers) {
                if (!server.name().equals(EchoReport.SUBJECT)) {
                    String label = server.name().equals("netty-nio") ? "RATIO" : "RATIO-" + server.name();
                    report.summary(label, results.get(0), results.get(1), server.name());
                }
            }
            return allVerified;
        } finally {
            for (EchoServer server : servers) {
                server.close();
            }
        }
    }

    private List<EchoServer> startServers() throws InterruptedException {
        List<EchoServer> servers = new ArrayList<>();
        servers.add(new LightwireEchoServer(options.threads(), options.rxBuffer()));
        for (NettyEchoServer.Transport t : NettyEchoServer.Transport.values()) {
            Optional<String> why = t.unavailability();
            if (why.isPresent()) {
                System.out.println("skipping " + t.serverName + ": " + why.get());
            } else {
                servers.add(new NettyEchoServer(t, options.threads()));
            }
        }
        return servers;
    }

    private void describeSetup(List<EchoServer> servers) {
        System.out.printf(Locale.ROOT, "java %s, %d cores; server loop threads %d; runs %d s after %d s warm-up%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), options.threads(),
                options.seconds().toSeconds(), options.warmup().toSeconds());
        options.rxBuffer().ifPresent(b -> System.out.println("lightwire rx-buffer-size " + b + " (not its default)"));
        for (EchoServer s : servers) {
            System.out.println("  " + s.name() + " on " + s.address());
        }
    }

    /** Throughput first and the single-connection ping-pong second: the summary reads them there. */
    private List<Scenario> scenarios() {
        int c = options.connections();
        int w = options.window();
        int write = Math.min(WRITE_SIZE, w);
        String time = options.seconds().toSeconds() + " s";
        return List.of(
                new Scenario(String.format(Locale.ROOT, "throughput: %d connections, %d-byte window, %d-byte writes, %s",
                        c, w, write, time), Scenario.Kind.THROUGHPUT,
                        a -> new ThroughputLoad(a, c, w, write)),
                new Scenario("ping-pong: " + MESSAGE_SIZE + "-byte messages, 1 connection, " + time,
                        Scenario.Kind.PING_PONG, a -> new PingPongLoad(a, 1, MESSAGE_SIZE)),
                new Scenario("ping-pong: " + MESSAGE_SIZE + "-byte messages, " + c + " connections, " + time,
                        Scenario.Kind.PING_PONG, a -> new PingPongLoad(a, c, MESSAGE_SIZE)));
    }

    /** Warm-up on the same connections, then the measured run with the loop threads metered. */
    private ServerResult measure(Scenario scenario, EchoServer server) throws Exception {
        InetSocketAddress address = server.address();
        try (EchoLoad load = scenario.loads().open(address)) {
            Measurement warm = load.run(options.warmup());
            Measurement measured;
            long allocated = 0;
            long cpu = 0;
            if (warm.verified()) {
                LoopThreadMeter meter = LoopThreadMeter.start(server.loopThreadPrefix());
                measured = load.run(options.seconds());
                allocated = meter.allocatedBytes();
                cpu = meter.cpuNanos();
            } else {
                measured = warm;
            }
            allVerified &= measured.verified();
            return new ServerResult(server.name(), measured, allocated, cpu);
        }
    }
}
