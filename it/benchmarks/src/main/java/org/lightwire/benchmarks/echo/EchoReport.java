package org.lightwire.benchmarks.echo;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints the side-by-side tables and the Lightwire/reference ratios. A ratio above 1 is
 * better for Lightwire in rates (MiB/s, msg/s) and worse in latencies and costs (CPU).
 */
final class EchoReport {

    static final String SUBJECT = "lightwire";

    private final PrintStream out;

    EchoReport(PrintStream out) {
        this.out = out;
    }

    void heading(String text) {
        out.println();
        out.println("== " + text);
    }

    void table(Scenario scenario, List<ServerResult> results) {
        heading(scenario.title());
        if (scenario.kind() == Scenario.Kind.THROUGHPUT) {
            out.printf(Locale.ROOT, "%-12s %9s %7s %12s %12s  %s%n",
                    "server", "MiB/s", "loop %", "CPU us/MiB", "alloc B/MiB", "verified");
            for (ServerResult r : results) {
                out.printf(Locale.ROOT, "%-12s %9.1f %7.0f %12.1f %12.1f  %s%n", r.server(),
                        r.measurement().mebibytesPerSecond(), r.cpuPercent(), r.cpuMicrosPerMebibyte(),
                        r.allocatedPerMebibyte(), verdict(r.measurement()));
            }
        } else {
            out.printf(Locale.ROOT, "%-12s %9s %8s %8s %9s %7s %12s %12s  %s%n",
                    "server", "msg/s", "p50 us", "p99 us", "p99.9 us", "loop %", "CPU us/echo", "alloc B/echo",
                    "verified");
            for (ServerResult r : results) {
                Measurement m = r.measurement();
                out.printf(Locale.ROOT, "%-12s %9.0f %8.1f %8.1f %9.1f %7.0f %12.2f %12.2f  %s%n", r.server(),
                        m.echoesPerSecond(), m.latencyMicros(0.50), m.latencyMicros(0.99), m.latencyMicros(0.999),
                        r.cpuPercent(), r.cpuMicrosPerEcho(), r.allocatedPerEcho(), verdict(m));
            }
        }
        ServerResult subject = find(results, SUBJECT);
        for (ServerResult reference : results) {
            if (reference != subject) {
                out.println(ratios(scenario.kind(), subject, reference));
            }
        }
    }

    private static String ratios(Scenario.Kind kind, ServerResult subject, ServerResult reference) {
        Measurement s = subject.measurement();
        Measurement r = reference.measurement();
        String head = "ratio " + SUBJECT + "/" + reference.server() + ":";
        if (kind == Scenario.Kind.THROUGHPUT) {
            return String.format(Locale.ROOT, "%s MiB/s %.2f  CPU/MiB %.2f", head,
                    s.mebibytesPerSecond() / r.mebibytesPerSecond(),
                    subject.cpuMicrosPerMebibyte() / reference.cpuMicrosPerMebibyte());
        }
        return String.format(Locale.ROOT, "%s msg/s %.2f  p50 %.2f  p99 %.2f  p99.9 %.2f  CPU/echo %.2f", head,
                s.echoesPerSecond() / r.echoesPerSecond(),
                s.latencyMicros(0.50) / r.latencyMicros(0.50),
                s.latencyMicros(0.99) / r.latencyMicros(0.99),
                s.latencyMicros(0.999) / r.latencyMicros(0.999),
                subject.cpuMicrosPerEcho() / reference.cpuMicrosPerEcho());
    }

    /**
     * The greppable summary against one reference: throughput and CPU per MiB from the bulk
     * run, latency and CPU per echo from the single-connection ping-pong.
     */
    void summary(String label, List<ServerResult> throughput, List<ServerResult> pingPong, String reference) {
        ServerResult st = find(throughput, SUBJECT);
        ServerResult rt = find(throughput, reference);
        ServerResult sp = find(pingPong, SUBJECT);
        ServerResult rp = find(pingPong, reference);
        out.printf(Locale.ROOT,
                "%s throughput=%.2f latency-p50=%.2f latency-p99=%.2f cpu-per-mib=%.2f cpu-per-echo=%.2f reference=%s%n",
                label,
                st.measurement().mebibytesPerSecond() / rt.measurement().mebibytesPerSecond(),
                sp.measurement().latencyMicros(0.50) / rp.measurement().latencyMicros(0.50),
                sp.measurement().latencyMicros(0.99) / rp.measurement().latencyMicros(0.99),
                st.cpuMicrosPerMebibyte() / rt.cpuMicrosPerMebibyte(),
                sp.cpuMicrosPerEcho() / rp.cpuMicrosPerEcho(),
                reference);
    }

    private static String verdict(Measurement m) {
        return m.verified() ? "yes" : "NO: " + m.failure();
    }

    private static ServerResult find(List<ServerResult> results, String server) {
        return results.stream().filter(r -> r.server().equals(server)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result for " + server));
    }
}
