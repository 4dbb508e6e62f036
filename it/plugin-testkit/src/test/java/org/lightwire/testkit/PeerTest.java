package org.lightwire.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Connection;
import org.lightwire.api.Options;
import org.lightwire.api.Vhost;
import org.lightwire.api.ws.WebSocket;
import org.lightwire.api.ws.WsMessageType;
import org.lightwire.api.ws.WsProtocol;
import org.lightwire.api.ws.WsSession;

class PeerTest {

    /** A protocol whose session does what the test script says at each event. */
    private static final class Scripted implements WsProtocol, WsSession {
        final List<String> events = new ArrayList<>();
        String upgradeTarget;
        int sendsPerWriteable = 1;
        boolean askAgain;

        @Override
        public WsSession newWsSession(WebSocket socket) {
            upgradeTarget = socket.upgradeRequest().orElseThrow().target();
            return this;
        }

        @Override
        public void established(WebSocket socket) {
            events.add("established");
            socket.connection().requestWriteable();
        }

        @Override
        public void received(WebSocket socket, ByteBuffer data, WsMessageType type, boolean first, boolean last) {
            events.add("received " + StandardCharsets.UTF_8.decode(data));
        }

        @Override
        public void writeable(WebSocket socket) {
            events.add("writeable");
            for (int k = 0; k < sendsPerWriteable; k++) {
                socket.send(ByteBuffer.wrap("hi".getBytes(StandardCharsets.UTF_8)), WsMessageType.TEXT, true, true);
            }
            if (askAgain) {
                socket.connection().requestWriteable();
            }
        }

        @Override
        public void closed(WebSocket socket) {
            events.add("closed");
        }
    }

    private final FakeLoop loop = new FakeLoop(0);
    private final FakeVhost vhost = new FakeVhost("localhost");

    @Test
    void drivesASessionThroughItsLifeAndCounts() throws Exception {
        Scripted p = new Scripted();
        Peer peer = Peer.open(p, vhost, loop, "127.0.0.9", "/x?y=1", "User-Agent", "t");
        assertEquals("/x?y=1", p.upgradeTarget);
        assertTrue(peer.socket().upgradeRequest().isEmpty(), "headers are dropped after established");
        assertEquals(1, loop.connectionCount());
        peer.receive("ping");
        assertEquals(1, peer.pump());
        assertEquals(0, peer.pump(), "no event without a request");
        assertEquals(List.of("hi"), peer.socket().messages());
        peer.close();
        peer.close();
        assertEquals(0, loop.connectionCount(), "a second close does not count twice");
        assertFalse(peer.connection().isOpen());
        assertEquals(List.of("established", "received ping", "writeable", "closed", "closed"), p.events);
    }

    @Test
    void aSecondSendInOneEventOrOneOutsideAnEventFails() throws Exception {
        Scripted p = new Scripted();
        p.sendsPerWriteable = 2;
        Peer peer = Peer.open(p, vhost, loop);
        assertThrows(IllegalStateException.class, peer::pump);
        FakeWebSocket s = peer.socket();
        assertThrows(IllegalStateException.class,
                () -> s.send(ByteBuffer.allocate(1), WsMessageType.BINARY, true, true));
        assertThrows(AssertionError.class, () -> s.connection().write(ByteBuffer.allocate(1)));
    }

    @Test
    void pumpStopsAtItsLimitAndLeavesTheRequestPending() throws Exception {
        Scripted p = new Scripted();
        p.askAgain = true;
        Peer peer = Peer.open(p, vhost, loop);
        assertEquals(3, peer.pump(3));
        assertEquals(1, peer.connection().writeableRequests());
        peer.socket().close(1000, "bye");
        peer.socket().close(1001, "again");
        assertEquals(0, peer.pump(), "no events once closed");
        assertEquals(1000, peer.socket().closeCode());
        assertEquals("bye", peer.socket().closeReason());
    }

    @Test
    void requestWriteableAllReachesOpenPeersOnly() throws Exception {
        Peer a = Peer.open(new Scripted(), vhost, loop);
        Peer b = Peer.open(new Scripted(), vhost, loop);
        a.pump();
        b.pump();
        b.close();
        vhost.requestWriteableAll("scripted");
        assertEquals(1, a.connection().writeableRequests());
        assertEquals(0, b.connection().writeableRequests());
    }

    @Test
    void flowControlAndTimeoutsAreRecordedAndZeroDisarms() {
        FakeConnection c = new FakeConnection(vhost, loop, "::1");
        assertTrue(c.isRxEnabled());
        c.rxFlowControl(false);
        assertFalse(c.isRxEnabled());
        c.rxFlowControl(true);
        assertTrue(c.isRxEnabled());
        c.setTimeout(Connection.TimeoutReason.USER, 3);
        assertEquals(Connection.TimeoutReason.USER, c.timeoutReason());
        assertEquals(3, c.timeoutSeconds());
        c.setTimeout(Connection.TimeoutReason.USER, 0);
        assertNull(c.timeoutReason());
        assertEquals(2, c.timeoutCalls());
    }

    @Test
    void aForeignLoopQueuesTasksUntilRun() {
        List<String> ran = new ArrayList<>();
        loop.execute(() -> ran.add("now"));
        loop.setForeign(true);
        assertFalse(loop.inLoop());
        loop.execute(() -> ran.add("later"));
        assertEquals(List.of("now"), ran);
        assertEquals(1, loop.runTasks());
        assertEquals(List.of("now", "later"), ran);
    }

    @Test
    void requestsParseTheirTargetAndRefuseOddHeaderLists() {
        FakeRequest r = FakeRequest.get("/p?a=1&b&c=%20x&a=2", "Host", "h");
        assertEquals("/p", r.path());
        assertEquals("1", r.queryParameter("a").orElseThrow());
        assertEquals("", r.queryParameter("b").orElseThrow());
        assertEquals(" x", r.queryParameter("c").orElseThrow());
        assertTrue(r.queryParameter("d").isEmpty());
        assertEquals("h", r.host().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> FakeRequest.get("/", "Host"));
    }

    @Test
    void aContextFindsItsVhostsByName() {
        FakeContext ctx = new FakeContext(List.of(loop), List.<Vhost>of(vhost));
        vhost.setContext(ctx);
        assertEquals(vhost, ctx.vhost("localhost").orElseThrow());
        assertTrue(ctx.vhost("other").isEmpty());
        assertFalse(ctx.isDeprecated());
        ctx.deprecate(() -> { });
        assertTrue(ctx.isDeprecated());
        assertEquals(ctx, vhost.context());
        assertEquals(Options.EMPTY, FakeRequest.get("/").mountOptions());
    }
}
