package org.lightwire.benchmarks.echo;

/**
 * What one measured run of a load saw: echoes completed inside the measured time, the
 * bytes they carried, how long the run was, and the round-trip times (ping-pong only).
 *
 * @param failure null when every echoed byte matched what was sent, else what went wrong
 */
record Measurement(long echoes, long bytes, long nanos, LatencyHistogram latency, String failure) {

    double echoesPerSecond() {
        return echoes * 1e9 / nanos;
    }

    double mebibytesPerSecond() {
        return bytes * 1e9 / nanos / (1 << 20);
    }

    /** Latency at quantile {@code q} in microseconds. */
    double latencyMicros(double q) {
        return latency.valueAt(q) / 1_000.0;
    }

    boolean verified() {
        return failure == null;
    }
}
