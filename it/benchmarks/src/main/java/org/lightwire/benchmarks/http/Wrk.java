package org.lightwire.benchmarks.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs Debian's wrk against a URL and reads its summary. */
final class Wrk {

    /** What one wrk run measured. */
    record Result(double requestsPerSecond, double megabytesPerSecond, double p99Millis, long errors) {
    }

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TPS = Pattern.compile("Transfer/sec:\\s+([0-9.]+)([KMG]?B)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern ERRORS = Pattern.compile("(?:Non-2xx or 3xx responses|Socket errors: .*?timeout)\\s*:?\\s*([0-9]+)");

    private Wrk() {
    }

    static Result run(String url, int connections, int seconds) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s",
                "--latency", url));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot run wrk (apt-get install wrk): " + e.getMessage(), e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("wrk failed on " + url + ":\n" + out);
        }
        return parse(url, out);
    }

    static Result parse(String url, String out) throws IOException {
        Matcher rps = RPS.matcher(out);
        Matcher tps = TPS.matcher(out);
        Matcher p99 = P99.matcher(out);
        if (!rps.find() || !tps.find() || !p99.find()) {
            throw new IOException("unexpected wrk output for " + url + ":\n" + out);
        }
        double mb = Double.parseDouble(tps.group(1)) * switch (tps.group(2)) {
            case "GB" -> 1024;
            case "KB" -> 1.0 / 1024;
            case "B" -> 1.0 / (1024 * 1024);
            default -> 1;
        };
        double ms = Double.parseDouble(p99.group(1)) * switch (p99.group(2)) {
            case "us" -> 0.001;
            case "s" -> 1000;
            default -> 1;
        };
        long errors = 0;
        Matcher e = ERRORS.matcher(out);
        while (e.find()) {
            errors += Long.parseLong(e.group(1));
        }
        return new Result(Double.parseDouble(rps.group(1)), mb, ms, errors);
    }
}
