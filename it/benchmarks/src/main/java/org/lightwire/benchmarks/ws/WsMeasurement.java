package org.lightwire.benchmarks.ws;

import org.lightwire.benchmarks.echo.LatencyHistogram;

/**
 * What one measured run of {@link WsEchoLoad} saw.
 *
 * @param echoes        round trips completed inside the measured time
 * @param nanos         length of the measured time
 * @param latency       the round-trip times
 * @param clientCpuNanos CPU time the load thread used (to show it was not the bottleneck)
 * @param failure       null when every echo matched what was sent, else what went wrong
 */
record WsMeasurement(long echoes, long nanos, LatencyHistogram latency, long clientCpuNanos, String failure) {

    double messagesPerSecond() {
        return echoes * 1e9 / nanos;
    }

    double latencyMicros(double q) {
        return latency.valueAt(q) / 1_000.0;
    }

    /** Share of one core the load thread used, in percent. */
    double clientCpuPercent() {
        return 100.0 * clientCpuNanos / nanos;
    }

    boolean verified() {
        return failure == null;
    }
}
