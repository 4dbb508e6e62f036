package org.lightwire.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Connection;
import org.lightwire.api.Connection.TimeoutReason;
import org.lightwire.api.RetryPolicy;
import org.lightwire.core.embedded.EmbeddedConnection;
import org.lightwire.core.probe.ProbeProtocol;
import org.lightwire.core.probe.ProbeRole;

/**
 * Connection timeouts (lws_set_timeout) and validity (lws_retry_bo_t secs_since_valid_ping
 * and secs_since_valid_hangup, lws_validity_confirmed), on the harness' manual clock.
 */
class TimeoutAndValidityTest {

    private static final RetryPolicy PING_10_HANGUP_15 =
            RetryPolicy.builder().secsSinceValidPing(10).secsSinceValidHangup(15).build();

    private final ProbeProtocol protocol = new ProbeProtocol();

    private EmbeddedConnection harness(ProbeRole role, RetryPolicy policy) {
        return EmbeddedConnection.builder(role, protocol).retryPolicy(policy).build();
    }

    @Test
    void userTimeoutClosesAfterItsSecondsAndNotBefore() {
        try (EmbeddedConnection c = harness(ProbeRole.withoutPing(), RetryPolicy.DEFAULT)) {
            c.run(() -> c.connection().setTimeout(TimeoutReason.USER, 5));

            c.advanceMicros(4_999_999);
            assertTrue(c.isOpen(), "not yet 5 s");

            c.advanceMicros(1);
            assertFalse(c.isOpen());
            assertTrue(c.transportClosed());
            assertEquals(List.of("opened", "closed"), protocol.events());
        }
    }

    @Test
    void zeroSecondsCancelsTheTimeout() {
        try (EmbeddedConnection c = harness(ProbeRole.withoutPing(), RetryPolicy.DEFAULT)) {
            Connection conn = c.connection();
            c.run(() -> conn.setTimeout(TimeoutReason.USER, 5));
            c.run(() -> conn.setTimeout(TimeoutReason.USER, 0));

            c.advanceSeconds(60);

            assertTrue(c.isOpen());
        }
    }

    @Test
    void settingTheTimeoutAgainRestartsIt() {
        try (EmbeddedConnection c = harness(ProbeRole.withoutPing(), RetryPolicy.DEFAULT)) {
            Connection conn = c.connection();
            c.run(() -> conn.setTimeout(TimeoutReason.USER, 5));
            c.advanceSeconds(4);
            c.run(() -> conn.setTimeout(TimeoutReason.USER, 5));

            c.advanceSeconds(4);
            assertTrue(c.isOpen(), "8 s after the first, 4 s after the second setting");

            c.advanceSeconds(1);
            assertFalse(c.isOpen());
        }
    }

    @Test
    void roleWithPingIsPingedAfterSecsSinceValidPing() {
        ProbeRole role = ProbeRole.withPing();
        try (EmbeddedConnection c = harness(role, PING_10_HANGUP_15)) {
            c.advanceMicros(9_999_999);
            assertEquals(0, role.pings());

            c.advanceMicros(1);
            assertEquals(1, role.pings());
            assertTrue(c.isOpen());
        }
    }

    @Test
    void unconfirmedConnectionIsHungUpAtSecsSinceValidHangup() {
        ProbeRole role = ProbeRole.withPing();
        try (EmbeddedConnection c = harness(role, PING_10_HANGUP_15)) {
            c.advanceSeconds(10); // ping
            c.advanceSeconds(4);
            assertTrue(c.isOpen());

            c.advanceSeconds(1);
            assertFalse(c.isOpen(), "no proof of validity 15 s after the last one");
            assertEquals(1, role.pings());
            assertEquals(List.of("opened", "closed"), protocol.events());
        }
    }

    @Test
    void confirmingValidityRestartsThePingTimer() {
        ProbeRole role = ProbeRole.withPing();
        try (EmbeddedConnection c = harness(role, PING_10_HANGUP_15)) {
            c.advanceSeconds(8);
            c.run(c.connection()::confirmValidity);

            c.advanceSeconds(9);
            assertEquals(0, role.pings(), "17 s in, but only 9 s since the confirmation");

            c.advanceSeconds(1);
            assertEquals(1, role.pings());
        }
    }

    @Test
    void confirmingValidityAfterThePingCancelsTheHangup() {
        ProbeRole role = ProbeRole.withPing();
        try (EmbeddedConnection c = harness(role, PING_10_HANGUP_15)) {
            c.advanceSeconds(12); // pinged at 10
            c.run(c.connection()::confirmValidity); // the pong

            c.advanceSeconds(9);
            assertTrue(c.isOpen(), "would have been hung up at 15 s without the confirmation");
            assertEquals(1, role.pings());

            c.advanceSeconds(1);
            assertEquals(2, role.pings(), "pinged again 10 s after the confirmation");
            c.advanceSeconds(5);
            assertFalse(c.isOpen());
        }
    }

    @Test
    void hangupWindowStartsWhenThePingIsSent() {
        // a loop that could not send the ping on time still gives the peer the whole
        // hangup - ping window to answer it, as lws does
        ProbeRole role = ProbeRole.withPing();
        try (EmbeddedConnection c = harness(role, PING_10_HANGUP_15)) {
            c.advanceSeconds(14); // the ping goes out late, at 14 s

            c.advanceSeconds(4);
            assertTrue(c.isOpen());
            c.advanceSeconds(1);
            assertFalse(c.isOpen());
        }
    }

    @Test
    void roleWithoutPingIsNeverHungUp() {
        try (EmbeddedConnection c = harness(ProbeRole.withoutPing(), PING_10_HANGUP_15)) {
            c.advanceSeconds(10);
            c.advanceSeconds(5);
            c.advanceSeconds(3_600);

            assertTrue(c.isOpen(), "validity does not apply to a role that cannot prove it");
        }
    }

    @Test
    void roleWithoutPingIsNeverHungUpEvenWithoutAPingStage() {
        RetryPolicy hangupOnly = RetryPolicy.builder().secsSinceValidPing(0).secsSinceValidHangup(15).build();
        try (EmbeddedConnection c = harness(ProbeRole.withoutPing(), hangupOnly)) {
            c.advanceSeconds(3_600);

            assertTrue(c.isOpen());
        }
    }

    @Test
    void roleWithPingAndNoPingStageIsHungUpAtSecsSinceValidHangup() {
        ProbeRole role = ProbeRole.withPing();
        RetryPolicy hangupOnly = RetryPolicy.builder().secsSinceValidPing(0).secsSinceValidHangup(15).build();
        try (EmbeddedConnection c = harness(role, hangupOnly)) {
            c.advanceSeconds(14);
            assertTrue(c.isOpen());

            c.advanceSeconds(1);

            assertFalse(c.isOpen());
            assertEquals(0, role.pings());
        }
    }

    @Test
    void validityOffMeansNoPingAndNoHangup() {
        ProbeRole role = ProbeRole.withPing();
        RetryPolicy off = RetryPolicy.builder().secsSinceValidPing(0).secsSinceValidHangup(0).build();
        try (EmbeddedConnection c = harness(role, off)) {
            c.advanceSeconds(3_600);

            assertEquals(0, role.pings());
            assertTrue(c.isOpen());
        }
    }
}
