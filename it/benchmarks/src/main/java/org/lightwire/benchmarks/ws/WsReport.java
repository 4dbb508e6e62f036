package org.lightwire.benchmarks.ws;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints the WebSocket tables and the Lightwire/reference ratios ({@code RATIO} lines, as
 * the other benchmarks): msg/s above 1 is better for Lightwire, latency and heap below 1.
 */
final class WsReport {

    static final String SUBJECT = "lightwire";

    private final PrintStream out;

    WsReport(PrintStream out) {
        this.out = out;
    }

    void echoRow(EchoRow r) {
        WsMeasurement m = r.measurement();
        out.printf(Locale.ROOT, "%-10s %5d %7d %10.0f %8.1f %8.1f %9.1f %8.0f %9.2f %8.0f  %s%n", r.server(),
                r.connections(), r.messageSize(), m.messagesPerSecond(), m.latencyMicros(0.50),
                m.latencyMicros(0.99), m.latencyMicros(0.999), r.serverCpuPercent(), r.serverCpuMicrosPerMessage(),
                m.clientCpuPercent(), m.verified() ? "yes" : "NO: " + m.failure());
        if (r.rounds().size() > 1) {
            StringBuilder all = new StringBuilder("           rounds msg/s:");
            for (EchoRow round : r.rounds()) {
                all.append(String.format(Locale.ROOT, " %.0f", round.measurement().messagesPerSecond()));
            }
            out.println(all);
        }
    }

    void echoHeader() {
        out.printf(Locale.ROOT, "%-10s %5s %7s %10s %8s %8s %9s %8s %9s %8s  %s%n", "server", "conns", "bytes",
                "msg/s", "p50 us", "p99 us", "p99.9 us", "srv CPU%", "srv us/msg", "cli CPU%", "verified");
    }

    void heapRow(HeapRow h) {
        out.printf(Locale.ROOT, "%-10s %7d %14s %14s %14s %14.0f  %d/%d%n", h.server(), h.connections(),
                h.isJvm() ? kib(h.liveBefore()) : "-", h.isJvm() ? kib(h.liveAfter()) : "-",
                h.isJvm() ? String.format(Locale.ROOT, "%.0f", h.heapBytesPerConnection()) : "-",
                h.rssBytesPerConnection(), h.stillOpen(), h.connections());
    }

    void heapHeader() {
        out.printf(Locale.ROOT, "%-10s %7s %14s %14s %14s %14s  %s%n", "server", "conns", "live before KiB",
                "live after KiB", "heap B/conn", "RSS B/conn", "still open");
    }

    void growth(HeapRow h) {
        if (h.top().isEmpty()) {
            return;
        }
        out.println("  " + h.server() + ": classes that grew most, per connection:");
        for (ClassHistogram.Growth g : h.top()) {
            out.printf(Locale.ROOT, "    %8.1f B %6.2f objects  %s%n", (double) g.bytes() / h.connections(),
                    (double) g.instances() / h.connections(), g.className());
        }
    }

    /** Lightwire's echo figures over each reference's, per message size. */
    void echoRatios(List<EchoRow> rows) {
        for (EchoRow s : rows) {
            if (!s.server().equals(SUBJECT)) {
                continue;
            }
            for (EchoRow r : rows) {
                if (r.server().equals(SUBJECT) || r.messageSize() != s.messageSize()
                        || r.connections() != s.connections()) {
                    continue;
                }
                if (!s.measurement().verified() || !r.measurement().verified()) {
                    out.printf(Locale.ROOT, "RATIO %s/%s %dB: not comparable (a run was not verified)%n", SUBJECT,
                            r.server(), s.messageSize());
                    continue;
                }
                out.printf(Locale.ROOT, "RATIO %s/%s %dB msg/s=%.2f p50=%.2f p99=%.2f cpu-per-msg=%.2f%n", SUBJECT,
                        r.server(), s.messageSize(),
                        s.measurement().messagesPerSecond() / r.measurement().messagesPerSecond(),
                        s.measurement().latencyMicros(0.50) / r.measurement().latencyMicros(0.50),
                        s.measurement().latencyMicros(0.99) / r.measurement().latencyMicros(0.99),
                        s.serverCpuMicrosPerMessage() / r.serverCpuMicrosPerMessage());
            }
        }
    }

    void heapRatios(List<HeapRow> rows, double targetKibibytes) {
        Optional<HeapRow> subject = rows.stream().filter(h -> h.server().equals(SUBJECT)).findFirst();
        if (subject.isEmpty()) {
            return;
        }
        HeapRow s = subject.get();
        double kib = s.heapBytesPerConnection() / 1024;
        out.printf(Locale.ROOT, "RATIO %s heap-per-idle-connection=%.2fKiB target<=%.0fKiB %s%n", SUBJECT, kib,
                targetKibibytes, kib <= targetKibibytes ? "met" : "MISSED");
        for (HeapRow r : rows) {
            if (r != s && r.isJvm()) {
                out.printf(Locale.ROOT, "RATIO %s/%s heap-per-idle-connection=%.2f%n", SUBJECT, r.server(),
                        s.heapBytesPerConnection() / r.heapBytesPerConnection());
            }
            if (r != s) {
                out.printf(Locale.ROOT, "RATIO %s/%s rss-per-idle-connection=%.2f%n", SUBJECT, r.server(),
                        s.rssBytesPerConnection() / r.rssBytesPerConnection());
            }
        }
    }

    private static String kib(long bytes) {
        return String.format(Locale.ROOT, "%.0f", bytes / 1024.0);
    }
}
