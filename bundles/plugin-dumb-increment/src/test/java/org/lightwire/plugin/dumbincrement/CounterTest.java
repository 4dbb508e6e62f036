package org.lightwire.plugin.dumbincrement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Options;
import org.lightwire.api.ws.WsLimits;
import org.lightwire.api.ws.WsMessageType;
import org.lightwire.api.ws.WsProtocol;
import org.lightwire.testkit.FakeLoop;
import org.lightwire.testkit.FakeVhost;
import org.lightwire.testkit.Peer;

class CounterTest {

    // JUnit makes a new instance per test: every test starts on a fresh loop, vhost and protocol
    private final FakeLoop loop = new FakeLoop(0);
    private final FakeVhost vhost = new FakeVhost("localhost");
    private final WsProtocol protocol = (WsProtocol) new DumbIncrementProvider().create(vhost, Options.EMPTY);

    @Test
    void sendsZeroOneTwoAsTextEveryFiftyMilliseconds() throws Exception {
        Peer p = Peer.open(protocol, vhost, loop);
        assertEquals(0, p.pump(), "nothing before the first period");
        loop.scheduler().advance(49_999);
        assertEquals(0, p.connection().writeableRequests());
        for (int i = 0; i < 12; i++) {
            loop.scheduler().advance(50_000);
            assertEquals(1, p.pump());
        }
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"), p.socket().messages());
        assertTrue(p.socket().sent().stream().allMatch(s -> s.type() == WsMessageType.TEXT && s.first() && s.last()));
    }

    @Test
    void eachConnectionHasItsOwnCounter() throws Exception {
        Peer a = Peer.open(protocol, vhost, loop);
        loop.scheduler().advance(150_000);
        a.pump();
        Peer b = Peer.open(protocol, vhost, loop);
        loop.scheduler().advance(50_000);
        a.pump();
        b.pump();
        assertEquals(List.of("0", "1"), a.socket().messages());
        assertEquals(List.of("0"), b.socket().messages());
    }

    @Test
    void resetSetsTheCounterBackToZero() throws Exception {
        Peer p = Peer.open(protocol, vhost, loop);
        for (int i = 0; i < 3; i++) {
            loop.scheduler().advance(50_000);
            p.pump();
        }
        p.receive("reset\n");
        loop.scheduler().advance(50_000);
        p.pump();
        assertEquals(List.of("0", "1", "2", "0"), p.socket().messages());
    }

    @Test
    void closemeClosesWithGoingAwaySeeya() throws Exception {
        Peer p = Peer.open(protocol, vhost, loop);
        p.receive("closeme\n");
        assertEquals(1001, p.socket().closeCode());
        assertEquals("seeya", p.socket().closeReason());
    }

    @Test
    void shortOrUnknownMessagesAreIgnored() throws Exception {
        Peer p = Peer.open(protocol, vhost, loop);
        loop.scheduler().advance(100_000);
        p.pump();
        p.receive("reset");   // 5 bytes: shorter than lws looks at
        p.receive("");
        p.receive("hello world\n");
        p.receive(new byte[] {(byte) 0xff, 0, 1, 2, 3, 4, 5, 6}, WsMessageType.BINARY);
        p.receive("closeme"); // no newline
        loop.scheduler().advance(50_000);
        p.pump();
        assertEquals(List.of("0", "1"), p.socket().messages());
        assertEquals(0, p.socket().closeCode());
    }

    @Test
    void oversizedAndContinuationInputIsHarmless() throws Exception {
        Peer p = Peer.open(protocol, vhost, loop);
        byte[] huge = new byte[1 << 20];
        Arrays.fill(huge, (byte) 'x');
        p.receive(huge, WsMessageType.BINARY);
        // a continuation piece that happens to hold a command is not the start of a message
        p.session().received(p.socket(), java.nio.ByteBuffer.wrap("closeme\n".getBytes(StandardCharsets.US_ASCII)),
                WsMessageType.TEXT, false, true);
        assertEquals(0, p.socket().closeCode());
    }

    @Test
    void limitsAskForWholeSmallMessages() {
        WsLimits limits = protocol.limits();
        assertTrue(limits.wholeMessages());
        assertEquals(128, limits.maxMessageBytes());
    }

    @Test
    void theTimerStopsWhenTheConnectionCloses() throws Exception {
        Peer p = Peer.open(protocol, vhost, loop);
        loop.scheduler().advance(50_000);
        p.close();
        assertEquals(0, loop.scheduler().pendingCount());
    }

    @Test
    void optionsBitZeroStopsTheTimerAsInLws() throws Exception {
        WsProtocol quiet = (WsProtocol) new DumbIncrementProvider().create(vhost,
                Options.builder().add("options", "1").build());
        Peer p = Peer.open(quiet, vhost, loop);
        loop.scheduler().advance(1_000_000);
        assertEquals(0, p.connection().writeableRequests());
        assertEquals(0, loop.scheduler().pendingCount());
    }

    @Test
    void periodIsConfigurable() throws Exception {
        WsProtocol slow = (WsProtocol) new DumbIncrementProvider().create(vhost,
                Options.builder().add("period-ms", "1000").build());
        Peer p = Peer.open(slow, vhost, loop);
        loop.scheduler().advance(999_999);
        assertEquals(0, p.pump());
        loop.scheduler().advance(1);
        assertEquals(1, p.pump());
    }

    @Test
    void badOptionsAreRefusedNamingVhostAndOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DumbIncrementProvider()
                .create(vhost, Options.builder().add("period-ms", "0").build()));
        assertTrue(e.getMessage().contains("localhost") && e.getMessage().contains("period-ms"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DumbIncrementProvider()
                .create(vhost, Options.builder().add("max-message-size", "lots").build()));
        assertTrue(e.getMessage().contains("max-message-size"), e.getMessage());
    }

    @Test
    void counterWrapsLikeAnIntAndStillPrintsDecimal() throws Exception {
        Peer p = Peer.open(protocol, vhost, loop);
        Counter c = (Counter) p.session();
        java.lang.reflect.Field f = Counter.class.getDeclaredField("number");
        f.setAccessible(true);
        f.setInt(c, Integer.MAX_VALUE);
        loop.scheduler().advance(100_000);
        p.pump();
        assertEquals(List.of(String.valueOf(Integer.MAX_VALUE)), p.socket().messages());
        loop.scheduler().advance(50_000);
        p.pump();
        assertEquals(String.valueOf(Integer.MIN_VALUE), p.socket().messages().get(1));
        assertFalse(p.socket().messages().get(1).isEmpty());
    }
}
