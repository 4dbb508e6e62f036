package org.lightwire.benchmarks.echo;

/**
 * One server's measured run of one scenario.
 *
 * @param loopAllocatedBytes heap allocated by the server's loop threads during the run
 * @param loopCpuNanos       CPU time (user + system) of the server's loop threads during the run
 */
record ServerResult(String server, Measurement measurement, long loopAllocatedBytes, long loopCpuNanos) {

    /** Loop allocation per echoed message. */
    double allocatedPerEcho() {
        return perEcho(loopAllocatedBytes);
    }

    /** Loop allocation per MiB echoed. */
    double allocatedPerMebibyte() {
        return perMebibyte(loopAllocatedBytes);
    }

    /** Loop CPU microseconds per echoed message. */
    double cpuMicrosPerEcho() {
        return perEcho(loopCpuNanos) / 1_000;
    }

    /** Loop CPU microseconds per MiB echoed. */
    double cpuMicrosPerMebibyte() {
        return perMebibyte(loopCpuNanos) / 1_000;
    }

    /** Share of one core the loops used, in percent (above 100 with several loops). */
    double cpuPercent() {
        return 100.0 * loopCpuNanos / measurement.nanos();
    }

    private double perEcho(long total) {
        return measurement.echoes() == 0 ? Double.NaN : (double) total / measurement.echoes();
    }

    private double perMebibyte(long total) {
        return measurement.bytes() == 0 ? Double.NaN : total * (double) (1 << 20) / measurement.bytes();
    }
}
