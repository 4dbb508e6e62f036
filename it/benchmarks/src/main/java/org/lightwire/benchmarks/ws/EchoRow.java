package org.lightwire.benchmarks.ws;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One server's measured echo run at one message size.
 *
 * @param serverCpuNanos CPU time of the whole server process during the measured run
 * @param rounds         when this is the median of several rounds, all of them; else empty
 */
record EchoRow(String server, int connections, int messageSize, WsMeasurement measurement, long serverCpuNanos,
        List<EchoRow> rounds) {

    /** The round with the median msg/s (the lower middle one of an even count), knowing all rounds. */
    static EchoRow median(List<EchoRow> rounds) {
        List<EchoRow> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingDouble(r -> r.measurement().messagesPerSecond()));
        EchoRow m = sorted.get((sorted.size() - 1) / 2);
        for (EchoRow r : rounds) {
            if (!r.measurement().verified()) {
                m = r; // a failed round is what the table must show
            }
        }
        return new EchoRow(m.server(), m.connections(), m.messageSize(), m.measurement(), m.serverCpuNanos(),
                List.copyOf(rounds));
    }

    /** Share of one core the server process used, in percent. */
    double serverCpuPercent() {
        return 100.0 * serverCpuNanos / measurement.nanos();
    }

    /** Server CPU microseconds per echoed message (whole process, 10 ms tick resolution). */
    double serverCpuMicrosPerMessage() {
        return measurement.echoes() == 0 ? Double.NaN : serverCpuNanos / 1_000.0 / measurement.echoes();
    }
}
