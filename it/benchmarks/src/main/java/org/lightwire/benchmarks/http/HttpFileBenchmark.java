package org.lightwire.benchmarks.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lightwire.benchmarks.BenchmarkArgs;

/**
 * Static files over HTTP/1.1 keep-alive: wrk against Lightwire (the real launcher, OSGi
 * mode, one file mount), Jetty 12's ResourceHandler and lws 4.1.6's test server (Debian),
 * each serving the same small file (lws' favicon, 1406 bytes) and a 1 MiB file, one after
 * the other in one run, with the same wrk settings. Prints a table and RATIO lines
 * (Lightwire's requests/s over each reference's). Stops by itself.
 */
public final class HttpFileBenchmark {

    private HttpFileBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        HttpBenchOptions options =
                BenchmarkArgs.parseOrExit("HttpFileBenchmark", HttpBenchOptions.USAGE, args, HttpBenchOptions::parse);
        Map<String, Map<String, Wrk.Result>> results = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        try (DocRoot root = DocRoot.create(options.servers().contains("lws"))) {
            for (String which : options.servers()) {
                try (FileServer server = start(which, root.dir(), options)) {
                    names.add(server.name());
                    Map<String, Wrk.Result> perFile = new LinkedHashMap<>();
                    for (String file : List.of(DocRoot.SMALL, DocRoot.LARGE)) {
                        String url = "http://127.0.0.1:" + server.port() + "/" + file;
                        Wrk.run(url, options.connections(), options.warmup());
                        Wrk.Result r = Wrk.run(url, options.connections(), options.seconds());
                        perFile.put(file, r);
                        System.out.printf(Locale.ROOT, "%-22s %-24s %12.0f req/s %10.1f MiB/s  p99 %8.2f ms  errors %d%n",
                                server.name(), file, r.requestsPerSecond(), r.megabytesPerSecond(), r.p99Millis(),
                                r.errors());
                    }
                    results.put(which, perFile);
                }
            }
        }
        report(results, options);
    }

    private static FileServer start(String which, Path dir, HttpBenchOptions options) throws Exception {
        return switch (which) {
            case "lightwire" -> lightwire(dir, options.threads());
            case "jetty" -> JettyFileServer.start(dir);
            case "lws" -> lws();
            default -> throw new IllegalArgumentException(which);
        };
    }

    /** The launcher as users run it, from the distribution the build assembled. */
    private static FileServer lightwire(Path dir, int threads) throws Exception {
        Path dist = Path.of(System.getProperty("lightwire.dist", "../../launcher/target/lightwire")).toAbsolutePath();
        if (!Files.isDirectory(dist.resolve("lib"))) {
            throw new IllegalStateException("no Lightwire distribution at " + dist + ": build the launcher first");
        }
        int port = Ports.free();
        Path config = Files.createTempDirectory("lightwire-http-bench-conf-");
        Files.writeString(config.resolve("conf"), "{\n"
                + "  \"global\": { \"count-threads\": \"" + threads + "\" },\n"
                + "  \"vhosts\": [ { \"name\": \"localhost\", \"port\": \"" + port + "\", \"interface\": \"127.0.0.1\",\n"
                + "    \"mounts\": [ { \"mountpoint\": \"/\", \"origin\": \"file://" + dir + "\" } ] } ]\n"
                + "}\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return ServerProcess.start("lightwire", port, List.of(java, "-Xms512m", "-Xmx512m", "-p",
                dist.resolve("lib").toString(), "--add-modules", "ALL-MODULE-PATH",
                "-m", "org.lightwire.launcher/org.lightwire.launcher.Main", "--config-dir", config.toString()),
                config.resolve("server.log"));
    }

    private static FileServer lws() throws Exception {
        int port = Ports.free();
        Path log = Files.createTempFile("lws-test-server-", ".log");
        return ServerProcess.start("lws 4.1.6 test-server", port,
                List.of("libwebsockets-test-server", "--port=" + port), log);
    }

    private static void report(Map<String, Map<String, Wrk.Result>> results, HttpBenchOptions options) {
        System.out.println();
        System.out.printf(Locale.ROOT, "wrk -t1 -c%d, %d s per run after %d s warm-up; Lightwire count-threads %d%n",
                options.connections(), options.seconds(), options.warmup(), options.threads());
        Map<String, Wrk.Result> ours = results.get("lightwire");
        if (ours == null) {
            return;
        }
        for (Map.Entry<String, Map<String, Wrk.Result>> e : results.entrySet()) {
            if (e.getKey().equals("lightwire")) {
                continue;
            }
            for (String file : List.of(DocRoot.SMALL, DocRoot.LARGE)) {
                double ratio = ours.get(file).requestsPerSecond() / e.getValue().get(file).requestsPerSecond();
                System.out.printf(Locale.ROOT, "RATIO lightwire/%s %s = %.2f%n", e.getKey(),
                        file.equals(DocRoot.SMALL) ? "small" : "1MiB", ratio);
            }
        }
    }
}
