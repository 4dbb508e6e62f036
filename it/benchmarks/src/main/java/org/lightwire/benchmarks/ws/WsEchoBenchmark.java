package org.lightwire.benchmarks.ws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.lightwire.benchmarks.BenchmarkArgs;
import org.lightwire.benchmarks.http.ServerProcess;

/**
 * WebSocket echo, one run: the Lightwire launcher (default config, lws-mirror-protocol),
 * Netty 4.2's WebSocket server and lws 4.1.6's test server (its mirror protocol), each a
 * process of its own, all started at once. Per message size (64 B, 16 KiB): one closed-loop
 * client connection per server, measured in rounds that take the servers in turn (msg/s,
 * p50/p99/p99.9, server CPU per message; each server's median round is reported). Against
 * Netty also a 16-connection load in the same rounds, which shows the load client can go
 * faster than any one-client row. Then, per server, the live heap (full GC, class
 * histogram) and RSS per idle connection with N (5,000) connections open. Prints tables and
 * RATIO lines; stops by itself.
 *
 * <p>Exit status: 0 when every echo was verified, 1 when one was not, a server failed or
 * the run overran its time bound, 2 on a bad command line.
 */
public final class WsEchoBenchmark {

    static final int[] SIZES = {64, 16 * 1024};
    private static final int CLIENT_CHECK_CONNECTIONS = 16;
    private static final double HEAP_TARGET_KIB = 2;
    private static final Duration SLACK_PER_RUN = Duration.ofSeconds(15);
    private static final Duration SLACK_PER_SERVER = Duration.ofSeconds(120);

    private final WsBenchOptions options;
    private final WsReport report = new WsReport(System.out);
    private final List<ServerProcess> running = new CopyOnWriteArrayList<>();
    private boolean allVerified = true;

    private WsEchoBenchmark(WsBenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws InterruptedException {
        WsBenchOptions options =
                BenchmarkArgs.parseOrExit("WsEchoBenchmark", WsBenchOptions.USAGE, args, WsBenchOptions::parse);
        System.exit(new WsEchoBenchmark(options).runBounded());
    }

    /** Runs on a client thread with a time bound; the servers are stopped whatever happens. */
    private int runBounded() throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "stop-servers"));
        AtomicInteger status = new AtomicInteger(1);
        Thread client = new Thread(() -> {
            try {
                status.set(run() ? 0 : 1);
            } catch (Exception e) {
                System.err.print("WsEchoBenchmark: failed: ");
                e.printStackTrace();
            }
        }, "ws-load-client");
        client.setDaemon(true);
        client.start();
        Duration runs = Duration.ofSeconds(options.warmup() + (long) options.rounds() * options.seconds())
                .plus(SLACK_PER_RUN).multipliedBy((long) (options.servers().size() + 1) * SIZES.length);
        Duration bound = runs.plus(SLACK_PER_SERVER.multipliedBy(options.servers().size()));
        client.join(bound.toMillis());
        if (client.isAlive()) {
            System.err.println("WsEchoBenchmark: did not finish within " + bound.toSeconds() + " s, giving up");
            return 1;
        }
        return status.get();
    }

    private void stopAll() {
        for (ServerProcess s : running) {
            try {
                s.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean run() throws Exception {
        checkOpenFileLimit();
        String placement = pinClient();
        System.out.printf(Locale.ROOT, "java %s, %d cores; one client thread; per server and size %d rounds of %d s,"
                        + " interleaved across the servers, after %d s warm-up; Java servers -Xms%dm -Xmx%dm,"
                        + " one loop thread each; %s%n", Runtime.version(), WsServers.serverCpu() + 1,
                options.rounds(), options.seconds(), options.warmup(), options.heapMegabytes(),
                options.heapMegabytes(), placement);
        List<ServerProcess> servers = new ArrayList<>();
        try {
            for (String which : options.servers()) {
                ServerProcess server = WsServers.start(which, options);
                running.add(server);
                servers.add(server);
                System.out.printf(Locale.ROOT, "%s: ws://127.0.0.1:%d/ (%s), pid %d%n", server.name(), server.port(),
                        WsServers.SUBPROTOCOL, server.pid());
            }
            report.echoHeader();
            List<EchoRow> echo = new ArrayList<>();
            List<EchoRow> clientCheck = new ArrayList<>();
            for (int size : SIZES) {
                List<Target> targets = new ArrayList<>();
                for (ServerProcess server : servers) {
                    targets.add(new Target(server, 1));
                }
                for (ServerProcess server : servers) {
                    if (size == SIZES[0] && server.name().equals("netty")) {
                        // the client check runs in the same rounds, so it sees the same machine
                        targets.add(new Target(server, CLIENT_CHECK_CONNECTIONS));
                    }
                }
                for (EchoRow row : interleaved(targets, size)) {
                    (row.connections() == 1 ? echo : clientCheck).add(row);
                }
            }
            List<HeapRow> heap = new ArrayList<>();
            if (options.idle() > 0) {
                for (ServerProcess server : servers) {
                    heap.add(idleCost(server, !server.name().equals("lws")));
                }
            }
            print(echo, clientCheck, heap);
            return allVerified;
        } finally {
            for (ServerProcess server : servers) {
                running.remove(server);
                server.close();
            }
        }
    }

    /** A server and how many connections load it. */
    private record Target(ServerProcess server, int connections) {
    }

    /**
     * One load per target (one connection to a mirror: a mirror with one client is an echo,
     * a second client on it would get every message too), warmed up, then measured in rounds
     * that take the targets in turn, so a burst of other load on this shared machine hits all
     * of them alike. Returns each target's median round by msg/s.
     */
    private List<EchoRow> interleaved(List<Target> targets, int size) throws Exception {
        List<WsEchoLoad> loads = new ArrayList<>();
        try {
            for (Target t : targets) {
                loads.add(new WsEchoLoad(new InetSocketAddress("127.0.0.1", t.server().port()), "/",
                        WsServers.SUBPROTOCOL, t.connections(), size));
            }
            List<List<EchoRow>> rounds = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                WsMeasurement warm = loads.get(i).run(Duration.ofSeconds(options.warmup()));
                if (!warm.verified()) {
                    throw new IOException(targets.get(i).server().name() + ", " + size + " B warm-up: "
                            + warm.failure());
                }
                rounds.add(new ArrayList<>());
            }
            for (int r = 0; r < options.rounds(); r++) {
                for (int i = 0; i < targets.size(); i++) {
                    Target t = targets.get(i);
                    rounds.get(i).add(measure(t.server(), loads.get(i), t.connections(), size));
                }
            }
            List<EchoRow> medians = new ArrayList<>();
            for (List<EchoRow> perTarget : rounds) {
                medians.add(EchoRow.median(perTarget));
            }
            return medians;
        } finally {
            for (WsEchoLoad load : loads) {
                load.close();
            }
        }
    }

    private EchoRow measure(ServerProcess server, WsEchoLoad load, int connections, int size) throws IOException {
        long cpu0 = ProcessStats.cpuNanos(server.pid());
        WsMeasurement measured = load.run(Duration.ofSeconds(options.seconds()));
        long cpu = ProcessStats.cpuNanos(server.pid()) - cpu0;
        allVerified &= measured.verified();
        EchoRow row = new EchoRow(server.name(), connections, size, measured, cpu, List.of());
        report.echoRow(row);
        return row;
    }

    /**
     * Live heap (after a full GC) and RSS before and with {@code options.idle()} idle
     * connections open. A first batch opened and closed beforehand loads the classes and
     * fills the pools a first connection touches, so they do not count per connection.
     */
    private HeapRow idleCost(ServerProcess server, boolean jvm) throws Exception {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.port());
        new IdleConnections(address, 100).close();
        Thread.sleep(1_000); // the server process is handling the closes: let it finish before the baseline
        ClassHistogram before = jvm ? ClassHistogram.of(server.pid()) : null;
        long rssBefore = ProcessStats.residentKibibytes(server.pid());
        try (IdleConnections idle = new IdleConnections(address, options.idle())) {
            Thread.sleep(2_000); // let the server settle every upgrade before measuring it
            ClassHistogram after = jvm ? ClassHistogram.of(server.pid()) : null;
            long rssAfter = ProcessStats.residentKibibytes(server.pid());
            int open = idle.stillOpen();
            HeapRow row = new HeapRow(server.name(), options.idle(), jvm ? before.totalBytes() : -1,
                    jvm ? after.totalBytes() : -1, rssBefore, rssAfter, open,
                    jvm ? after.topGrowth(before, 24) : List.of());
            System.out.printf(Locale.ROOT, "%s: %d idle connections: heap %s B/conn, RSS %.0f B/conn, %d still open%n",
                    server.name(), options.idle(),
                    jvm ? String.format(Locale.ROOT, "%.0f", row.heapBytesPerConnection()) : "-",
                    row.rssBytesPerConnection(), open);
            return row;
        }
    }

    private void print(List<EchoRow> echo, List<EchoRow> clientCheck, List<HeapRow> heap) {
        System.out.println();
        System.out.printf(Locale.ROOT, "== echo, closed loop, one client; median of %d rounds of %d s (msg/s of"
                + " every round below each row)%n", options.rounds(), options.seconds());
        report.echoHeader();
        echo.forEach(report::echoRow);
        if (!clientCheck.isEmpty()) {
            System.out.println();
            System.out.println("== load client check: the same client with " + CLIENT_CHECK_CONNECTIONS
                    + " connections against Netty, in the same rounds");
            report.echoHeader();
            clientCheck.forEach(report::echoRow);
            double best = echo.stream().filter(r -> r.messageSize() == SIZES[0])
                    .mapToDouble(r -> r.measurement().messagesPerSecond()).max().orElse(0);
            double check = clientCheck.get(0).measurement().messagesPerSecond();
            System.out.printf(Locale.ROOT, "client headroom: %.0f msg/s with %d connections vs %.0f best one-client"
                    + " 64 B row (%.1fx): %s%n", check, CLIENT_CHECK_CONNECTIONS, best, check / best,
                    check > best ? "the client is not the bottleneck" : "CLIENT MAY BE THE BOTTLENECK");
        }
        if (!heap.isEmpty()) {
            System.out.println();
            System.out.println("== idle connections (live heap: jcmd GC.class_histogram after full GC)");
            report.heapHeader();
            heap.forEach(report::heapRow);
            heap.forEach(report::growth);
        }
        System.out.println();
        report.echoRatios(echo);
        report.heapRatios(heap, HEAP_TARGET_KIB);
    }

    /** Pins this JVM (all its threads, and so the client thread started later) as asked. */
    private String pinClient() throws IOException, InterruptedException {
        int serverCpu = WsServers.serverCpu();
        int clientCpu = switch (options.pin()) {
            case SAME -> serverCpu;
            case SPLIT -> 0;
            case NONE -> -1;
        };
        if (clientCpu < 0) {
            return "not pinned";
        }
        Process p = new ProcessBuilder("taskset", "-a", "-c", "-p", String.valueOf(clientCpu),
                String.valueOf(ProcessHandle.current().pid())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("taskset could not pin the client to CPU " + clientCpu + ": " + out.trim());
        }
        return "client on CPU " + clientCpu + ", servers on CPU " + serverCpu;
    }

    /** 5,000 idle connections need 5,000 descriptors here and in the server. */
    private void checkOpenFileLimit() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                if (!soft.equals("unlimited") && Long.parseLong(soft) < options.idle() + 200L) {
                    throw new IOException("open-file limit " + soft + " is too low for " + options.idle()
                            + " idle connections: raise it (ulimit -n) or pass a smaller --idle");
                }
            }
        }
    }
}
