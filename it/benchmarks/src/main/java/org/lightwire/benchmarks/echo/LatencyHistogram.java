package org.lightwire.benchmarks.echo;

/**
 * Round-trip times in a fixed log-linear histogram: exact below 128 ns, then 64 buckets
 * per power of two (under 1.6 % error). Fixed size and allocation-free when recording,
 * so the load client does not make garbage that would pause the servers sharing its JVM.
 */
public final class LatencyHistogram {

    private static final int SUB_BUCKET_BITS = 6;
    private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    /** Values at or above 2^40 ns (about 18 minutes) are clamped into the last bucket. */
    private static final int MAX_BITS = 40;

    private final long[] counts = new long[index((1L << MAX_BITS) - 1) + 1];
    private long total;
    private long max;

    public void record(long nanos) {
        long v = Math.min(Math.max(nanos, 0), (1L << MAX_BITS) - 1);
        counts[index(v)]++;
        total++;
        max = Math.max(max, v);
    }

    public long count() {
        return total;
    }

    /** The value at quantile {@code q} (0..1) in nanoseconds, as the upper bound of its bucket. */
    public long valueAt(double q) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(upperBound(i), max);
            }
        }
        return max;
    }

    private static int index(long v) {
        if (v < 2 * SUB_BUCKETS) {
            return (int) v;
        }
        // shift so that the top SUB_BUCKET_BITS+1 bits remain: v >> shift is in [64, 128)
        int shift = 63 - Long.numberOfLeadingZeros(v) - SUB_BUCKET_BITS;
        return shift * SUB_BUCKETS + (int) (v >> shift);
    }

    private static long upperBound(int index) {
        if (index < 2 * SUB_BUCKETS) {
            return index;
        }
        int shift = index / SUB_BUCKETS - 1;
        long mantissa = index - (long) shift * SUB_BUCKETS;
        return ((mantissa + 1) << shift) - 1;
    }
}
