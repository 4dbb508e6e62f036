package org.lightwire.role.rawproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The relay's rules, on recording endpoints: one read per direction, pauses, half-close, close, connect failure. */
class RelayTest {

    private final FakeEndpoint acc = new FakeEndpoint("acc");
    private final FakeEndpoint onw = new FakeEndpoint("onw");
    private long nanos;
    private final LogThrottle failureLog = new LogThrottle(10_000_000_000L, () -> nanos);
    private final Relay relay = new Relay(acc, 16, 7, "ipv4:127.0.0.1:22", "v", failureLog);
    private boolean dialCancelled;

    RelayTest() {
        acc.relay = relay;
        onw.relay = relay;
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Accepted, dialed, bound and connected. */
    private void established() {
        relay.acceptedOpened(null);
        relay.dialing(() -> dialCancelled = true);
        relay.onwardBound(onw);
        relay.onwardOpened();
    }

    @Test
    void acceptedSideIsNotReadUntilTheOnwardConnectionIsUp() {
        relay.acceptedOpened(null);
        relay.dialing(() -> dialCancelled = true);
        relay.onwardBound(onw);
        assertFalse(acc.receiving);

        relay.onwardOpened();

        assertTrue(acc.receiving);
        assertTrue(onw.receiving);
    }

    @Test
    void eachReadPausesItsSideUntilThePartnerSocketTookIt() {
        established();
        ByteBuffer in = bytes("hello");
        relay.received(acc, in);

        assertFalse(in.hasRemaining(), "the read is consumed (copied into the one buffer of this direction)");
        assertFalse(acc.receiving, "no second read before the first has gone");
        assertTrue(onw.writeableRequests > 0);

        relay.writeable(onw);

        assertEquals("hello", onw.sentText());
        assertTrue(acc.receiving);
    }

    @Test
    void aPartnerThatCannotTakeDataKeepsTheSourcePausedUntilItsSocketDrained() {
        established();
        onw.socketFull = true;
        relay.received(acc, bytes("0123456789"));
        relay.writeable(onw);

        assertEquals("0123456789", onw.sentText());
        assertTrue(onw.pending);
        assertFalse(acc.receiving, "the partner's socket still holds the last read");

        onw.drained();
        relay.writeable(onw);

        assertTrue(acc.receiving);
    }

    @Test
    void directionsAreIndependent() {
        established();
        relay.received(acc, bytes("up"));
        relay.received(onw, bytes("down"));
        assertFalse(acc.receiving);
        assertFalse(onw.receiving);

        relay.writeable(acc);

        assertEquals("down", acc.sentText());
        assertTrue(onw.receiving);
        assertFalse(acc.receiving, "acc's own read has not gone onward yet");

        relay.writeable(onw);
        assertEquals("up", onw.sentText());
        assertTrue(acc.receiving);
    }

    @Test
    void aReadWhileThePreviousIsStillBufferedIsRefused() {
        established();
        relay.received(acc, bytes("one"));

        // core never delivers this: the side is paused; the relay would rather fail than grow
        assertThrows(IllegalStateException.class, () -> relay.received(acc, bytes("two")));
    }

    @Test
    void bytesHandedOverByAnotherRoleGoOnwardFirstEvenBeyondOneBuffer() {
        String early = "SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n"; // longer than the 16-byte buffer
        relay.acceptedOpened(bytes(early));
        relay.dialing(() -> { });
        relay.onwardBound(onw);
        relay.onwardOpened();
        assertFalse(acc.receiving, "the early bytes have not gone yet");

        relay.writeable(onw);

        assertEquals(early, onw.sentText());
        assertTrue(acc.receiving);
    }

    @Test
    void endOfStreamIsPassedOnAsHalfCloseAfterThePendingBytes() {
        established();
        relay.received(acc, bytes("request"));

        assertTrue(relay.inputEnded(acc), "the connection stays for the answer");
        assertFalse(onw.shut, "bytes before the end have not gone yet");

        relay.writeable(onw);
        assertEquals("request", onw.sentText());
        assertTrue(onw.shut);
        assertFalse(acc.closed);

        relay.received(onw, bytes("answer"));
        relay.writeable(acc);
        assertEquals("answer", acc.sentText());

        relay.inputEnded(onw);
        assertTrue(onw.closed, "onward: both directions ended");
        assertTrue(acc.closed, "accepted: everything for it was sent");
    }

    @Test
    void halfCloseWaitsForTheSocketToTakeTheLastBytes() {
        established();
        onw.socketFull = true;
        relay.received(acc, bytes("tail"));
        relay.inputEnded(acc);
        relay.writeable(onw);
        assertFalse(onw.shut);

        onw.drained();
        relay.writeable(onw);

        assertTrue(onw.shut);
    }

    @Test
    void endOfStreamBeforeTheOnwardConnectionIsUpIsPassedOnOnceItIs() {
        relay.acceptedOpened(bytes("x"));
        relay.dialing(() -> { });
        relay.onwardBound(onw);
        relay.inputEnded(acc);

        relay.onwardOpened();
        relay.writeable(onw);

        assertEquals("x", onw.sentText());
        assertTrue(onw.shut);
    }

    @Test
    void aClosingSideStillDeliversWhatItSentThenThePartnerCloses() {
        established();
        relay.received(onw, bytes("last words"));
        onw.close();

        assertFalse(acc.closed);
        assertFalse(acc.receiving);
        assertEquals(7, acc.closeAfter, "draining is bounded by drain-timeout-secs");

        relay.writeable(acc);

        assertEquals("last words", acc.sentText());
        assertTrue(acc.closed);
    }

    @Test
    void aClosingSideWithNothingInFlightClosesThePartnerAtOnce() {
        established();
        acc.close();

        assertTrue(onw.closed);
    }

    @Test
    void bytesForAClosedPartnerAreDropped() {
        established();
        relay.received(onw, bytes("pending"));
        onw.close();
        ByteBuffer late = bytes("late");

        relay.received(acc, late);

        assertFalse(late.hasRemaining());
        relay.writeable(acc);
        assertEquals("pending", acc.sentText());
    }

    @Test
    void connectFailureClosesTheAcceptedSide() {
        relay.acceptedOpened(null);
        relay.dialing(() -> dialCancelled = true);
        relay.onwardBound(onw);

        relay.onwardFailed(new ConnectException("Connection refused"));

        assertTrue(acc.closed);
        assertFalse(dialCancelled, "the dial failed by itself");
    }

    @Test
    void aFloodOfConnectFailuresWarnsOncePerIntervalWithTheCountLeftOut() {
        try (RelayLog log = RelayLog.start()) {
            for (int i = 0; i < 5; i++) {
                failOnce();
            }
            assertEquals(1, log.warnings().size(), log.warnings()::toString);
            assertFalse(log.warnings().get(0).contains("more"), "the first says nothing about others");
            assertEquals(4, log.debugLines(), "the held ones are still there at debug");

            nanos += 10_000_000_000L;
            failOnce();

            assertEquals(2, log.warnings().size(), log.warnings()::toString);
            assertTrue(log.warnings().get(1).contains("(and 4 more on this vhost since the last warning"),
                    log.warnings().get(1));
        }
    }

    /** A new accepted connection whose dial fails, sharing this vhost's throttle. */
    private void failOnce() {
        FakeEndpoint accepted = new FakeEndpoint("acc");
        Relay r = new Relay(accepted, 16, 7, "ipv4:127.0.0.1:22", "v", failureLog);
        accepted.relay = r;
        r.acceptedOpened(null);
        r.dialing(() -> { });
        r.onwardBound(new FakeEndpoint("onw"));
        r.onwardFailed(new ConnectException("Connection refused"));
        assertTrue(accepted.closed, "every failure closes its accepted side, logged or not");
    }

    @Test
    void acceptedSideLeavingWhileDialingAbandonsTheDial() {
        relay.acceptedOpened(null);
        relay.dialing(() -> dialCancelled = true);

        acc.close();
        assertTrue(dialCancelled);

        relay.onwardBound(onw);
        relay.onwardFailed(new java.io.IOException("closed before the connection was established"));
        assertFalse(onw.closed);
    }

    @Test
    void anEndpointOfAnotherRelayIsRefused() {
        established();
        assertThrows(IllegalArgumentException.class, () -> relay.received(new FakeEndpoint("stranger"), bytes("x")));
    }
}
