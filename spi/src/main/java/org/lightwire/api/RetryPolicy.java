package org.lightwire.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * How often to retry and how to confirm a connection is alive (lws {@code lws_retry_bo_t}).
 *
 * <h2>Retries</h2>
 * Attempt {@code n} (0-based) waits {@code table[min(n, table.length - 1)]} ms plus up to
 * {@code jitterPercent} of that, picked at random so that many clients failing together do
 * not retry together. The first {@code concealCount} failures are hidden from the protocol;
 * the one after that is reported.
 *
 * <h2>Validity</h2>
 * A connection that has not proved the peer is alive for {@code secsSinceValidPing} gets a
 * role-specific ping (where the role has one); if still unproved after
 * {@code secsSinceValidHangup} it is closed. lws defaults: 5 min and 5 min 10 s. Zero
 * disables either.
 *
 * <p>Immutable; policies are set per context, overridden per vhost and per client
 * connection.
 */
public final class RetryPolicy {

    /** lws' context default: no retries, validity ping at 300 s, hang up at 310 s. */
    public static final RetryPolicy DEFAULT = builder().build();

    private final int[] retryMillis;
    private final int concealCount;
    private final int jitterPercent;
    private final int secsSinceValidPing;
    private final int secsSinceValidHangup;

    private RetryPolicy(Builder b) {
        this.retryMillis = b.retryMillis.clone();
        this.concealCount = b.concealCount;
        this.jitterPercent = b.jitterPercent;
        this.secsSinceValidPing = b.secsSinceValidPing;
        this.secsSinceValidHangup = b.secsSinceValidHangup;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this policy's values. */
    public Builder toBuilder() {
        return new Builder().retryMillis(retryMillis).concealCount(concealCount).jitterPercent(jitterPercent)
                .secsSinceValidPing(secsSinceValidPing).secsSinceValidHangup(secsSinceValidHangup);
    }

    /**
     * Whether a failure of attempt {@code attempt} (0-based) may be retried silently
     * rather than reported.
     */
    public boolean mayRetry(int attempt) {
        return attempt < concealCount && retryMillis.length > 0;
    }

    /**
     * The delay before retrying after failed attempt {@code attempt}.
     *
     * @param random01 a uniformly distributed value in [0, 1) choosing the jitter
     */
    public long delayMillis(int attempt, double random01) {
        if (retryMillis.length == 0) {
            return 0;
        }
        long base = retryMillis[Math.min(Math.max(attempt, 0), retryMillis.length - 1)];
        return base + (long) (base * jitterPercent / 100.0 * random01);
    }

    public int[] retryMillis() {
        return retryMillis.clone();
    }

    public int concealCount() {
        return concealCount;
    }

    public int jitterPercent() {
        return jitterPercent;
    }

    public int secsSinceValidPing() {
        return secsSinceValidPing;
    }

    public int secsSinceValidHangup() {
        return secsSinceValidHangup;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetryPolicy p && Arrays.equals(retryMillis, p.retryMillis)
                && concealCount == p.concealCount && jitterPercent == p.jitterPercent
                && secsSinceValidPing == p.secsSinceValidPing && secsSinceValidHangup == p.secsSinceValidHangup;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(retryMillis), concealCount, jitterPercent, secsSinceValidPing,
                secsSinceValidHangup);
    }

    @Override
    public String toString() {
        return "RetryPolicy[retryMillis=" + Arrays.toString(retryMillis) + ", conceal=" + concealCount
                + ", jitter=" + jitterPercent + "%, ping=" + secsSinceValidPing + "s, hangup="
                + secsSinceValidHangup + "s]";
    }

    /** Builds a policy; values are checked when set. */
    public static final class Builder {
        private int[] retryMillis = new int[0];
        private int concealCount;
        private int jitterPercent;
        private int secsSinceValidPing = 300;
        private int secsSinceValidHangup = 310;

        public Builder retryMillis(int... table) {
            for (int ms : table) {
                if (ms < 0) {
                    throw new IllegalArgumentException("retry delays must not be negative: " + Arrays.toString(table));
                }
            }
            this.retryMillis = table.clone();
            return this;
        }

        public Builder concealCount(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("concealCount must not be negative: " + count);
            }
            this.concealCount = count;
            return this;
        }

        public Builder jitterPercent(int percent) {
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException("jitterPercent must be 0..100: " + percent);
            }
            this.jitterPercent = percent;
            return this;
        }

        public Builder secsSinceValidPing(int secs) {
            if (secs < 0) {
                throw new IllegalArgumentException("secsSinceValidPing must not be negative: " + secs);
            }
            this.secsSinceValidPing = secs;
            return this;
        }

        public Builder secsSinceValidHangup(int secs) {
            if (secs < 0) {
                throw new IllegalArgumentException("secsSinceValidHangup must not be negative: " + secs);
            }
            this.secsSinceValidHangup = secs;
            return this;
        }

        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
