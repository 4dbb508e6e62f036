package org.lightwire.benchmarks.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lightwire.benchmarks.BenchmarkArgs;
import org.lightwire.benchmarks.http.Ports;
import org.lightwire.benchmarks.http.ServerProcess;

/**
 * TLS benchmark: full handshakes per second and bulk MiB/s over HTTPS for Lightwire on
 * crypto-jca (JDK JSSE), Lightwire on crypto-bc (BouncyCastle JSSE) — both the real
 * launcher — and lws 4.1.6's {@code libwebsockets-test-server -s} (OpenSSL), in one run,
 * with the same RSA-2048 certificate (made by openssl for the run), the same file (lws'
 * {@code leaf.jpg}, 2.4 MB) and the same JSSE load generator. Prints a table and RATIO lines.
 */
public final class TlsBenchmark {

    static final Path LWS_DIR = Path.of("/usr/share/libwebsockets-test-server");
    static final String BULK_FILE = "leaf.jpg";
    /** Full handshakes a JVM server should have done before it is measured (C2 compiles the RSA and EC paths). */
    static final long WARM_HANDSHAKES = 3000;

    private TlsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TlsBenchOptions options =
                BenchmarkArgs.parseOrExit("TlsBenchmark", TlsBenchOptions.USAGE, args, TlsBenchOptions::parse);
        Path work = Files.createTempDirectory("lightwire-tls-bench-");
        Path cert = work.resolve("cert.pem");
        Path key = work.resolve("key.pem");
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
                "-out", cert.toString(), "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"));
        Path www = Files.createDirectories(work.resolve("www"));
        Files.copy(LWS_DIR.resolve(BULK_FILE), www.resolve(BULK_FILE));

        TlsLoad load = new TlsLoad();
        Map<String, TlsLoad.Result[]> results = new LinkedHashMap<>();
        for (String which : options.servers()) {
            try (ServerProcess server = start(which, work, cert, key, www, options.loops())) {
                System.out.printf(Locale.ROOT, "%-26s warming up ...%n", server.name());
                warmUp(load, server, options);
                TlsLoad.Result hs = load.handshakes(server.port(), options.threads(), options.seconds(), server.pid());
                load.bulk(server.port(), "/" + BULK_FILE, options.connections(), options.warmup(), server.pid());
                TlsLoad.Result bulk = load.bulk(server.port(), "/" + BULK_FILE, options.connections(), options.seconds(), server.pid());
                if (!server.isAlive()) {
                    throw new IllegalStateException(server.name() + " exited during the run; see its log in " + work);
                }
                results.put(which, new TlsLoad.Result[] {hs, bulk});
                System.out.printf(Locale.ROOT,
                        "%-26s %9.0f handshakes/s  (server CPU %5.2f ms each, errors %d)  %8.1f MiB/s bulk  (server CPU %5.2f s per GiB, errors %d)%n",
                        server.name(), hs.perSecond(), 1000 * hs.serverCpuSeconds() / Math.max(1, hs.operations()), hs.errors(),
                        bulk.mibPerSecond(), bulk.serverCpuSeconds() / Math.max(1e-9, bulk.bytes() / (1024.0 * 1024 * 1024)),
                        bulk.errors());
            }
        }
        report(results, options);
    }

    /** Handshakes until the JIT has seen enough of them: the warm-up time, and at least {@link #WARM_HANDSHAKES}. */
    private static void warmUp(TlsLoad load, ServerProcess server, TlsBenchOptions options) throws InterruptedException {
        long done = 0;
        long deadline = System.nanoTime() + 60_000_000_000L;
        do {
            done += load.handshakes(server.port(), options.threads(), options.warmup(), server.pid()).operations();
        } while (done < WARM_HANDSHAKES && System.nanoTime() < deadline);
    }

    private static ServerProcess start(String which, Path work, Path cert, Path key, Path www, int loops) throws Exception {
        int port = Ports.free();
        return switch (which) {
            case "jca", "bc" -> lightwire(which, port, work, cert, key, www, loops);
            case "lws" -> ServerProcess.start("lws 4.1.6 (OpenSSL)", port, List.of("libwebsockets-test-server",
                    "-p", Integer.toString(port), "-s", "-C", cert.toString(), "-K", key.toString()),
                    work.resolve("lws.log"));
            default -> throw new IllegalArgumentException(which);
        };
    }

    /** The launcher as users run it, with the crypto backend chosen by config (bc dropped into a plugin dir). */
    private static ServerProcess lightwire(String backend, int port, Path work, Path cert, Path key, Path www, int loops)
            throws Exception {
        Path dist = Path.of(System.getProperty("lightwire.dist", "../../launcher/target/lightwire")).toAbsolutePath();
        if (!Files.isDirectory(dist.resolve("lib"))) {
            throw new IllegalStateException("no Lightwire distribution at " + dist + ": build the launcher first");
        }
        Path config = Files.createDirectories(work.resolve("conf-" + backend));
        Path plugins = Files.createDirectories(work.resolve("plugins-" + backend));
        if (backend.equals("bc")) {
            try (var optional = Files.list(dist.resolve("optional"))) {
                Path bc = optional.filter(p -> p.getFileName().toString().startsWith("lightwire-crypto-bc")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no crypto-bc bundle in " + dist.resolve("optional")));
                Files.copy(bc, plugins.resolve(bc.getFileName()));
            }
        }
        Files.writeString(config.resolve("conf"), "{\n"
                + "  \"global\": { \"count-threads\": \"" + loops + "\", \"crypto-backend\": \"" + backend + "\",\n"
                + "              \"plugin-dir\": \"" + plugins + "\" },\n"
                + "  \"vhosts\": [ { \"name\": \"localhost\", \"port\": \"" + port + "\", \"interface\": \"127.0.0.1\",\n"
                + "    \"host-ssl-cert\": \"" + cert + "\", \"host-ssl-key\": \"" + key + "\",\n"
                + "    \"mounts\": [ { \"mountpoint\": \"/\", \"origin\": \"file://" + www + "\" } ] } ]\n"
                + "}\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return ServerProcess.start("lightwire " + backend + (backend.equals("jca") ? " (JDK JSSE)" : " (BC JSSE)"), port,
                List.of(java, "-Xms512m", "-Xmx512m", "-p", dist.resolve("lib").toString(), "--add-modules",
                        "ALL-MODULE-PATH", "-m", "org.lightwire.launcher/org.lightwire.launcher.Main",
                        "--config-dir", config.toString()),
                work.resolve("lightwire-" + backend + ".log"));
    }

    private static void report(Map<String, TlsLoad.Result[]> results, TlsBenchOptions options) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%d s per phase after %d s warm-up; %d handshake threads, %d bulk connections"
                + " (JDK JSSE client, TLS 1.3, RSA-2048 certificate); Lightwire count-threads %d; %d CPUs shared"
                + " by client and server%n", options.seconds(), options.warmup(), options.threads(), options.connections(),
                options.loops(), Runtime.getRuntime().availableProcessors());
        String[][] pairs = {{"jca", "bc"}, {"jca", "lws"}, {"bc", "lws"}};
        for (String[] p : pairs) {
            TlsLoad.Result[] a = results.get(p[0]);
            TlsLoad.Result[] b = results.get(p[1]);
            if (a == null || b == null) {
                continue;
            }
            System.out.printf(Locale.ROOT, "RATIO %s/%s handshakes = %.2f%n", p[0], p[1], a[0].perSecond() / b[0].perSecond());
            System.out.printf(Locale.ROOT, "RATIO %s/%s bulk = %.2f%n", p[0], p[1], a[1].mibPerSecond() / b[1].mibPerSecond());
            // the client shares the CPUs: server CPU per unit of work is the steadier comparison
            System.out.printf(Locale.ROOT, "RATIO %s/%s handshakes per server CPU second = %.2f%n", p[0], p[1],
                    perCpu(b[0].serverCpuSeconds(), b[0].operations()) / perCpu(a[0].serverCpuSeconds(), a[0].operations()));
            System.out.printf(Locale.ROOT, "RATIO %s/%s bulk bytes per server CPU second = %.2f%n", p[0], p[1],
                    perCpu(b[1].serverCpuSeconds(), b[1].bytes()) / perCpu(a[1].serverCpuSeconds(), a[1].bytes()));
        }
    }

    /** Server CPU seconds per unit of work. */
    private static double perCpu(double cpuSeconds, long units) {
        return cpuSeconds / Math.max(1, units);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }
}
