package org.lightwire.plugin.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Connection;
import org.lightwire.api.Options;
import org.lightwire.api.ws.WsMessageType;
import org.lightwire.api.ws.WsProtocol;
import org.lightwire.api.ws.WsRefusedException;
import org.lightwire.testkit.FakeLoop;
import org.lightwire.testkit.FakeVhost;
import org.lightwire.testkit.Peer;

class MirrorTest {

    // JUnit makes a new instance per test: every test starts on a fresh loop, vhost and protocol
    private final FakeLoop loop = new FakeLoop(0);
    private final FakeVhost vhost = new FakeVhost("localhost");
    private final WsProtocol protocol = (WsProtocol) new MirrorProvider().create(vhost, Options.EMPTY);

    private Peer open(String target) throws Exception {
        return Peer.open(protocol, vhost, loop, "127.0.0.1", target);
    }

    @Test
    void everyMessageGoesToEveryMemberSenderIncludedInOrder() throws Exception {
        Peer a = open("/");
        Peer b = open("/");
        a.receive("d #ff0000 1 2 3 4;");
        b.receive("c #00FF00 10 20 5;");
        a.pump();
        b.pump();
        List<String> both = List.of("d #ff0000 1 2 3 4;", "c #00FF00 10 20 5;");
        assertEquals(both, a.socket().messages());
        assertEquals(both, b.socket().messages());
        assertTrue(a.socket().sent().stream().allMatch(s -> s.type() == WsMessageType.TEXT && s.first() && s.last()));
    }

    @Test
    void instancesAreSeparatedByTheMirrorUrlArgument() throws Exception {
        Peer plain = open("/");
        Peer red = open("/?mirror=red");
        Peer red2 = open("/?x=1&mirror=red");
        red.receive("c #FF0000 1 1 1;");
        plain.receive("c #000000 2 2 2;");
        plain.pump();
        red.pump();
        red2.pump();
        assertEquals(List.of("c #000000 2 2 2;"), plain.socket().messages());
        assertEquals(List.of("c #FF0000 1 1 1;"), red.socket().messages());
        assertEquals(List.of("c #FF0000 1 1 1;"), red2.socket().messages());
    }

    @Test
    void atMostThreeInstancesAndTheLastMemberOutFreesOne() throws Exception {
        open("/?mirror=a");
        open("/?mirror=b");
        Peer c = open("/?mirror=c");
        WsRefusedException e = assertThrows(WsRefusedException.class, () -> open("/?mirror=d"));
        assertEquals(503, e.status());
        assertTrue(e.getMessage().contains("localhost"), e.getMessage());
        open("/?mirror=a"); // joining an existing one is fine
        c.close();
        assertEquals(2, ((MirrorProtocol) protocol).instanceCount());
        open("/?mirror=d");
        assertEquals(3, ((MirrorProtocol) protocol).instanceCount());
    }

    @Test
    void longNamesAreCutAsLwsBufferDoes() throws Exception {
        String base = "n".repeat(29);
        Peer a = open("/?mirror=" + base + "AAAA");
        Peer b = open("/?mirror=" + base + "BBBB");
        a.receive("hello");
        b.pump();
        assertEquals(List.of("hello"), b.socket().messages());
    }

    @Test
    void binaryIsRelayedAsBinary() throws Exception {
        Peer a = open("/");
        a.receive(new byte[] {0, (byte) 0xff, 7}, WsMessageType.BINARY);
        a.pump();
        assertEquals(WsMessageType.BINARY, a.socket().sent().get(0).type());
        assertEquals(3, a.socket().sent().get(0).payload().length);
    }

    @Test
    void aMessageOverTheLimitClosesItsSenderWith1009AndIsNotRelayed() throws Exception {
        Peer a = open("/");
        Peer b = open("/");
        a.receive(new byte[16385], WsMessageType.BINARY);
        assertEquals(1009, a.socket().closeCode());
        assertEquals(0, b.pump());
        assertEquals(16384, protocol.limits().maxMessageBytes());
        assertTrue(protocol.limits().wholeMessages());
        a.receive(new byte[0], WsMessageType.TEXT); // empty messages are relayed like any other
    }

    @Test
    void aStalledReaderPausesSendersThenGetsADeadline() throws Exception {
        Peer fast = open("/");
        Peer stalled = open("/");
        sendAndRead(fast, 29);
        assertEquals(29, fast.socket().messages().size());
        assertFalse(fast.connection().isRxEnabled(), "with fewer than 4 free slots the senders are paused");
        assertFalse(stalled.connection().isRxEnabled());
        assertEquals(Connection.TimeoutReason.USER, stalled.connection().timeoutReason());
        assertEquals(3, stalled.connection().timeoutSeconds());
        assertNull(fast.connection().timeoutReason(), "the fast reader holds no deadline");

        // the stalled reader drains: senders resume once two thirds of the ring are free
        stalled.pump();
        assertEquals(29, stalled.socket().messages().size());
        assertTrue(fast.connection().isRxEnabled());
        assertTrue(stalled.connection().isRxEnabled());
        assertNull(stalled.connection().timeoutReason(), "reading cleared the deadline");
    }

    @Test
    void whenTheRingIsFullTheSlowestReaderSkipsToTheNewest() throws Exception {
        Peer fast = open("/");
        Peer slow = open("/");
        MirrorInstance mi = ((MirrorSession) fast.session()).instance();
        sendAndRead(fast, 40); // already read before the pause took effect: must not block
        assertEquals(40, fast.socket().messages().size(), "the fast reader missed nothing");
        assertTrue(mi.droppedBack() > 0);
        assertTrue(mi.freeSlots() >= 0);
        slow.pump();
        List<String> got = slow.socket().messages();
        assertEquals("m39", got.get(got.size() - 1), "the slow reader ends at the newest message");
        assertTrue(got.size() < 40);
        assertInOrderWithoutRepeats(got);
    }

    @Test
    void aReaderLeavingWhileHoldingTheOldestMessageResumesTheSenders() throws Exception {
        Peer fast = open("/");
        Peer stalled = open("/");
        sendAndRead(fast, 29);
        assertFalse(fast.connection().isRxEnabled());
        stalled.close();
        assertTrue(fast.connection().isRxEnabled());
    }

    @Test
    void aNewcomerGetsWhatIsStillQueuedAndThenEverythingNew() throws Exception {
        Peer a = open("/");
        Peer stalled = open("/");
        a.receive("one");
        a.pump();
        Peer late = open("/");
        late.pump();
        assertEquals(List.of("one"), late.socket().messages());
        a.receive("two");
        late.pump();
        assertEquals(List.of("one", "two"), late.socket().messages());
        assertEquals(0, stalled.socket().messages().size());
    }

    @Test
    void randomTrafficKeepsEveryReaderInOrderAndTheRingBounded() throws Exception {
        Random r = new Random(42);
        List<Peer> peers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            peers.add(open("/"));
        }
        MirrorInstance mi = ((MirrorSession) peers.get(0).session()).instance();
        for (int i = 0; i < 5000; i++) {
            Peer p = peers.get(r.nextInt(peers.size()));
            if (r.nextInt(3) == 0) {
                p.pump(1 + r.nextInt(4)); // readers drain at different speeds
            } else {
                byte[] payload = new byte[r.nextInt(200)];
                java.util.Arrays.fill(payload, (byte) ('a' + r.nextInt(26)));
                String text = i + ":" + new String(payload, java.nio.charset.StandardCharsets.US_ASCII);
                p.receive(text);
            }
            assertTrue(mi.freeSlots() >= 0 && mi.freeSlots() <= 32);
        }
        for (Peer p : peers) {
            p.pump();
            assertInOrderWithoutRepeats(p.socket().messages());
            assertEquals(0, mi.waiting((MirrorSession) p.session()));
        }
    }

    @Test
    void normalFlowSetsNoDeadlines() throws Exception {
        Peer a = open("/");
        Peer b = open("/");
        for (int i = 0; i < 100; i++) {
            a.receive("m" + i);
            a.pump();
            b.pump();
        }
        assertEquals(100, b.socket().messages().size());
        assertEquals(0, a.connection().timeoutCalls() + b.connection().timeoutCalls(), "no timer work per message");
    }

    @Test
    void membersOnAnotherLoopAreThrottledOnTheirOwnLoop() throws Exception {
        FakeLoop other = new FakeLoop(1);
        Peer fast = open("/");
        Peer remote = Peer.open(protocol, vhost, other, "127.0.0.2", "/");
        other.setForeign(true); // from here on, the test thread acts as loop 0
        sendAndRead(fast, 29);
        assertFalse(fast.connection().isRxEnabled());
        assertTrue(remote.connection().isRxEnabled(), "not touched from a foreign thread");
        assertNull(remote.connection().timeoutReason());
        assertTrue(other.runTasks() >= 2);
        assertFalse(remote.connection().isRxEnabled());
        assertEquals(Connection.TimeoutReason.USER, remote.connection().timeoutReason());
    }

    @Test
    void aReaderThatNeverReadsIsEventuallyDroppedByItsDeadline() throws Exception {
        Peer fast = open("/");
        Peer stuck = open("/");
        sendAndRead(fast, 200);
        // the role closes a connection whose USER timeout passes; the protocol armed it
        assertEquals(3, stuck.connection().timeoutSeconds());
        stuck.close();
        assertTrue(fast.connection().isRxEnabled(), "with the stuck reader gone the sender resumes");
        fast.receive("after");
        fast.pump();
        assertEquals("after", fast.socket().messages().get(fast.socket().messages().size() - 1));
    }

    @Test
    void badOptionsAreRefusedNamingVhostAndOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MirrorProvider().create(vhost, Options.builder().add("queue-length", "2").build()));
        assertTrue(e.getMessage().contains("localhost") && e.getMessage().contains("queue-length"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new MirrorProvider().create(vhost, Options.builder().add("max-message-size", "x").build()));
    }

    /** {@code sender} sends "m0".."m(count-1)", reading back what the mirror relays after each. */
    private static void sendAndRead(Peer sender, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            sender.receive("m" + i);
            sender.pump();
        }
    }

    private static void assertInOrderWithoutRepeats(List<String> messages) {
        long last = -1;
        for (String m : messages) {
            String digits = m.startsWith("m") ? m.substring(1) : m.substring(0, m.indexOf(':'));
            long n = Long.parseLong(digits);
            assertTrue(n > last, "out of order or repeated: " + messages);
            last = n;
        }
    }
}
