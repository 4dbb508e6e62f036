package org.lightwire.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link RetryPolicy}: lws {@code lws_retry_bo_t} (README.lws_retry.md). */
class RetryPolicyTest {

    /** Just below 1: the largest random value {@link RetryPolicy#delayMillis} can be given. */
    private static final double ALMOST_ONE = Math.nextDown(1.0);

    @Test
    void attemptIndexesTheDelayTable() {
        RetryPolicy p = RetryPolicy.builder().retryMillis(100, 200, 400).build();

        assertEquals(100, p.delayMillis(0, 0.0));
        assertEquals(200, p.delayMillis(1, 0.0));
        assertEquals(400, p.delayMillis(2, 0.0));
    }

    @Test
    void attemptsPastTheEndOfTheTableReuseTheLastEntry() {
        RetryPolicy p = RetryPolicy.builder().retryMillis(100, 200, 400).build();

        assertEquals(400, p.delayMillis(3, 0.0));
        assertEquals(400, p.delayMillis(1_000, 0.0));
    }

    @Test
    void negativeAttemptUsesTheFirstEntry() {
        RetryPolicy p = RetryPolicy.builder().retryMillis(100, 200).build();

        assertEquals(100, p.delayMillis(-1, 0.0));
    }

    @Test
    void emptyTableMeansNoDelayAndNoRetry() {
        RetryPolicy p = RetryPolicy.builder().concealCount(3).build();

        assertEquals(0, p.delayMillis(0, 0.5));
        assertFalse(p.mayRetry(0), "without a delay table there is nothing to retry with");
    }

    @Test
    void firstConcealCountFailuresAreRetriedSilentlyAndTheNextIsReported() {
        RetryPolicy p = RetryPolicy.builder().retryMillis(50).concealCount(2).build();

        assertTrue(p.mayRetry(0));
        assertTrue(p.mayRetry(1));
        assertFalse(p.mayRetry(2), "the failure after conceal-count is reported");
        assertFalse(p.mayRetry(3));
    }

    @Test
    void concealCountZeroReportsTheFirstFailure() {
        RetryPolicy p = RetryPolicy.builder().retryMillis(50).concealCount(0).build();

        assertFalse(p.mayRetry(0));
    }

    @Test
    void concealCountLargerThanTheTableKeepsUsingTheLastDelay() {
        RetryPolicy p = RetryPolicy.builder().retryMillis(10, 20).concealCount(5).build();

        assertTrue(p.mayRetry(4));
        assertEquals(20, p.delayMillis(4, 0.0));
    }

    @Test
    void zeroRandomAddsNoJitter() {
        RetryPolicy p = RetryPolicy.builder().retryMillis(1_000).jitterPercent(30).build();

        assertEquals(1_000, p.delayMillis(0, 0.0));
    }

    @Test
    void largestRandomStaysWithinJitterPercentOfTheBase() {
        RetryPolicy p = RetryPolicy.builder().retryMillis(1_000).jitterPercent(30).build();

        long delay = p.delayMillis(0, ALMOST_ONE);

        assertTrue(delay >= 1_000 && delay <= 1_300, "delay " + delay + " outside [1000, 1300]");
        assertEquals(1_299, delay, "jitter scales with the random value");
    }

    @Test
    void jitterIsProportionalToTheRandomValue() {
        RetryPolicy p = RetryPolicy.builder().retryMillis(1_000).jitterPercent(30).build();

        assertEquals(1_150, p.delayMillis(0, 0.5));
    }

    @Test
    void everyDelayLiesBetweenBaseAndBasePlusJitter() {
        RetryPolicy p = RetryPolicy.builder().retryMillis(7, 333, 10_000).jitterPercent(100).build();
        int[] bases = {7, 333, 10_000};
        for (int attempt = 0; attempt < bases.length; attempt++) {
            for (double r : new double[] {0.0, 0.01, 0.25, 0.5, 0.75, 0.99, ALMOST_ONE}) {
                long d = p.delayMillis(attempt, r);
                long base = bases[attempt];
                assertTrue(d >= base && d <= 2 * base, "attempt " + attempt + " random " + r + ": " + d);
            }
        }
    }

    @Test
    void zeroJitterIgnoresTheRandomValue() {
        RetryPolicy p = RetryPolicy.builder().retryMillis(500).build();

        assertEquals(500, p.delayMillis(0, ALMOST_ONE));
    }

    @Test
    void defaultMatchesLwsContextDefault() {
        RetryPolicy d = RetryPolicy.DEFAULT;

        assertEquals(0, d.retryMillis().length);
        assertEquals(0, d.concealCount());
        assertEquals(300, d.secsSinceValidPing(), "lws: ping after 5 min without proof of validity");
        assertEquals(310, d.secsSinceValidHangup(), "lws: hang up 10 s later");
        assertFalse(d.mayRetry(0));
    }

    @Test
    void builderRejectsNegativeDelay() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RetryPolicy.builder().retryMillis(100, -1));
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
    }

    @Test
    void builderRejectsNegativeConcealCount() {
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().concealCount(-1));
    }

    @Test
    void builderRejectsJitterOutside0To100() {
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().jitterPercent(-1));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().jitterPercent(101));
        RetryPolicy.builder().jitterPercent(0).jitterPercent(100);
    }

    @Test
    void builderRejectsNegativeValiditySeconds() {
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().secsSinceValidPing(-1));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().secsSinceValidHangup(-1));
    }

    @Test
    void delayTableIsCopiedOnTheWayInAndOut() {
        int[] table = {100, 200};
        RetryPolicy p = RetryPolicy.builder().retryMillis(table).build();

        table[0] = 9_999;
        p.retryMillis()[1] = 9_999;

        assertArrayEquals(new int[] {100, 200}, p.retryMillis());
        assertEquals(100, p.delayMillis(0, 0.0));
    }

    @Test
    void toBuilderReproducesAnEqualPolicy() {
        RetryPolicy p = RetryPolicy.builder().retryMillis(1, 2, 3).concealCount(4).jitterPercent(5)
                .secsSinceValidPing(6).secsSinceValidHangup(7).build();

        RetryPolicy copy = p.toBuilder().build();

        assertEquals(p, copy);
        assertEquals(p.hashCode(), copy.hashCode());
        assertNotEquals(p, p.toBuilder().concealCount(0).build());
    }
}
