package org.lightwire.role.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lightwire.api.Options;

/**
 * Every rule a client's frames must follow (RFC 6455 sections 5 and 7), each refusal with
 * its close code, over the real h1 → ws switch in memory.
 */
class FramingRulesTest {

    private static WsTestServer upgraded() {
        WsTestServer s = WsTestServer.create();
        s.upgrade();
        return s;
    }

    /** Asserts the server failed the connection with {@code code}, then lingers and closes. */
    private static void assertFailedWith(WsTestServer s, int code) {
        assertEquals(code, s.closeCode());
        assertTrue(s.connection.outputShut(), "the close frame is followed by our end of stream");
        s.connection.endInbound();
        assertFalse(s.connection.isOpen(), "closed once the peer ends too");
        assertTrue(s.chat.events.contains("closed"), s.chat.events.toString());
    }

    @Test
    void serverShutdownSaysGoingAway() {
        WsTestServer s = upgraded();
        s.close(); // the context closes: every connection gets the close frame before its socket goes

        assertEquals(1001, s.closeCode());
        assertTrue(s.chat.events.contains("closed"), s.chat.events.toString());
    }

    @Test
    void unmaskedClientFrameClosesWith1002() {
        try (WsTestServer s = upgraded()) {
            s.send(Peer.bytes(0x81, 0x02, 'h', 'i'));

            assertFailedWith(s, 1002);
            assertEquals(List.of(), s.chat.events("rx"));
        }
    }

    @ParameterizedTest(name = "first byte 0x{0}")
    @ValueSource(ints = {0xA1, 0x91, 0xC1, 0x83, 0x87, 0x8B, 0x8F})
    void reservedBitsAndOpcodesCloseWith1002(int firstByte) {
        try (WsTestServer s = upgraded()) {
            byte[] frame = Peer.text("x");
            frame[0] = (byte) firstByte;
            s.send(frame);

            assertFailedWith(s, 1002);
        }
    }

    @Test
    void fragmentedControlFrameClosesWith1002() {
        try (WsTestServer s = upgraded()) {
            s.send(Peer.bytes(0x09, 0x80, 0, 0, 0, 0)); // a ping without FIN
            assertFailedWith(s, 1002);
        }
    }

    @Test
    void controlFrameOver125BytesClosesWith1002() {
        try (WsTestServer s = upgraded()) {
            s.send(Peer.bytes(0x89, 0xFE, 0x00, 0x7E, 0, 0, 0, 0));
            assertFailedWith(s, 1002);
        }
    }

    @Test
    void continuationWithoutAMessageClosesWith1002() {
        try (WsTestServer s = upgraded()) {
            s.send(Peer.frame(0x0, true, "x".getBytes(StandardCharsets.UTF_8)));
            assertFailedWith(s, 1002);
        }
    }

    @Test
    void newDataFrameInsideAFragmentedMessageClosesWith1002() {
        try (WsTestServer s = upgraded()) {
            s.send(Peer.frame(0x1, false, "a".getBytes(StandardCharsets.UTF_8)), Peer.text("b"));
            assertFailedWith(s, 1002);
        }
    }

    @Test
    void nonMinimalLengthClosesWith1002() {
        try (WsTestServer s = upgraded()) {
            s.send(Peer.bytes(0x82, 0xFE, 0x00, 0x05, 0, 0, 0, 0, 1, 2, 3, 4, 5));
            assertFailedWith(s, 1002);
        }
    }

    @Test
    void rsv1WithoutPermessageDeflateClosesWith1002() {
        try (WsTestServer s = upgraded()) {
            s.send(Peer.frame(0x1, true, true, "x".getBytes(StandardCharsets.UTF_8)));
            assertFailedWith(s, 1002);
        }
    }

    @Test
    void invalidUtf8ClosesWith1007BeforeTheMessageEnds() {
        try (WsTestServer s = upgraded()) {
            s.send(Peer.frame(0x1, false, Peer.bytes('o', 'k', 0xC0, 0xAF)));

            assertFailedWith(s, 1007);
            assertEquals(List.of(), s.chat.events("rx"), "nothing of the bad chunk reaches the protocol");
        }
    }

    @Test
    void utf8CharacterSplitAcrossFragmentsIsAccepted() {
        try (WsTestServer s = upgraded()) {
            byte[] euro = "\u20ac".getBytes(StandardCharsets.UTF_8);
            s.send(Peer.frame(0x1, false, new byte[] {euro[0]}), Peer.frame(0x0, true, new byte[] {euro[1], euro[2]}));

            assertEquals(2, s.chat.events("rx").size());
            assertTrue(s.connection.isOpen());
        }
    }

    @Test
    void textEndingInsideACharacterClosesWith1007() {
        try (WsTestServer s = upgraded()) {
            s.send(Peer.frame(0x1, true, Peer.bytes('a', 0xE2, 0x82)));
            assertFailedWith(s, 1007);
        }
    }

    @Test
    void messageOverTheProtocolLimitClosesWith1009() {
        try (WsTestServer s = WsTestServer.create(Options.builder().add("max-message-size", "200"))) {
            s.upgrade();
            s.send(Peer.frame(0x2, true, new byte[201]));
            assertFailedWith(s, 1009);
        }
    }

    @Test
    void fragmentedMessageOverTheLimitClosesWith1009() {
        try (WsTestServer s = WsTestServer.create(Options.builder().add("max-message-size", "200"))) {
            s.upgrade();
            s.send(Peer.frame(0x2, false, new byte[150]), Peer.frame(0x0, true, new byte[51]));
            assertFailedWith(s, 1009);
        }
    }

    @Test
    void closeWithOneBytePayloadClosesWith1002() {
        try (WsTestServer s = upgraded()) {
            s.send(Peer.frame(0x8, true, new byte[] {3}));
            assertFailedWith(s, 1002);
        }
    }

    @ParameterizedTest(name = "code {0}")
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535})
    void closeWithACodeNotAllowedOnTheWireClosesWith1002(int code) {
        try (WsTestServer s = upgraded()) {
            s.send(Peer.frame(0x8, true, new byte[] {(byte) (code >> 8), (byte) code}));
            assertFailedWith(s, 1002);
            assertEquals(List.of(), s.chat.events("peer-closing"));
        }
    }

    @Test
    void closeReasonThatIsNotUtf8ClosesWith1007() {
        try (WsTestServer s = upgraded()) {
            s.send(Peer.frame(0x8, true, Peer.bytes(0x03, 0xE8, 0xFF)));
            assertFailedWith(s, 1007);
        }
    }

    @Test
    void peerCloseIsEchoedAndReported() {
        try (WsTestServer s = upgraded()) {
            s.send(Peer.frame(0x8, true, Peer.concat(Peer.bytes(0x0F, 0xA0), "bye".getBytes(StandardCharsets.UTF_8))));

            assertEquals(4000, s.closeCode());
            assertEquals(List.of("peer-closing 4000 bye"), s.chat.events("peer-closing"));
            s.connection.endInbound();
            assertFalse(s.connection.isOpen());
        }
    }

    @Test
    void emptyPeerCloseIsAnsweredWithAnEmptyClose() {
        try (WsTestServer s = upgraded()) {
            s.send(Peer.frame(0x8, true, new byte[0]));

            assertEquals(1005, s.closeCode());
            assertEquals(List.of("peer-closing 1005 "), s.chat.events("peer-closing"));
        }
    }

    @Test
    void dataAfterThePeersCloseIsIgnored() {
        try (WsTestServer s = upgraded()) {
            s.send(Peer.frame(0x8, true, Peer.bytes(0x03, 0xE8)), Peer.text("late"));

            assertEquals(1000, s.closeCode());
            assertEquals(List.of(), s.chat.events("rx"));
        }
    }

    @Test
    void protocolExceptionClosesWith1011() {
        try (WsTestServer s = upgraded()) {
            s.chat.failOnReceive = new IllegalStateException("boom");
            s.send(Peer.text("x"));
            assertFailedWith(s, 1011);
        }
    }

    @Test
    void closingHandshakeTheServerStartsEndsWhenThePeerAnswers() {
        try (WsTestServer s = upgraded()) {
            s.chat.write(ws -> ws.close(1001, "going"));

            List<Peer.Frame> frames = s.frames();
            assertEquals(1, frames.size());
            assertEquals(1001, frames.get(0).closeCode());
            assertTrue(s.connection.isOpen(), "waits for the peer's close frame");
            s.send(Peer.frame(0x8, true, Peer.bytes(0x03, 0xE9)));
            assertTrue(s.connection.outputShut(), "handshake complete: our end of stream follows");
            s.connection.endInbound();
            assertFalse(s.connection.isOpen());
            assertTrue(s.chat.events.contains("closed"));
        }
    }

    @Test
    void closingHandshakeTimesOutWhenThePeerNeverAnswers() {
        try (WsTestServer s = upgraded()) {
            s.chat.write(ws -> ws.close(1000, ""));
            s.frames();
            s.connection.advanceSeconds(WsTestServer.TIMEOUT_SECS);
            assertFalse(s.connection.isOpen());
        }
    }

    @Test
    void closeToAPeerThatDoesNotReadIsDroppedAfterTheLinger() {
        try (WsTestServer s = upgraded()) {
            s.connection.limitOutbound(0);
            s.chat.write(ws -> ws.send(java.nio.ByteBuffer.allocate(1000), org.lightwire.api.ws.WsMessageType.BINARY,
                    true, true));
            s.connection.run(() -> s.chat.socket.close(1000, "bye"));
            s.connection.advanceSeconds(WsTestServer.TIMEOUT_SECS - 1);
            assertTrue(s.connection.isOpen());
            s.connection.advanceSeconds(1);
            assertFalse(s.connection.isOpen(), "the close frame never fitted: dropped");
        }
    }

    @Test
    void violationFromAPeerThatDoesNotReadIsDroppedAfterTheLinger() {
        try (WsTestServer s = upgraded()) {
            s.connection.limitOutbound(0);
            s.chat.write(ws -> ws.send(java.nio.ByteBuffer.allocate(1000), org.lightwire.api.ws.WsMessageType.BINARY,
                    true, true));
            s.send(Peer.bytes(0x81, 0x00));
            s.connection.advanceSeconds(WsTestServer.TIMEOUT_SECS);
            assertFalse(s.connection.isOpen());
        }
    }

    @Test
    void peerCloseArrivingBeforeOurQueuedCloseWentOutEndsTheHandshake() {
        try (WsTestServer s = upgraded()) {
            s.connection.limitOutbound(0);
            s.chat.write(ws -> ws.send(java.nio.ByteBuffer.allocate(1000), org.lightwire.api.ws.WsMessageType.BINARY,
                    true, true));
            s.connection.run(() -> { }); // the message goes first and fills the socket
            s.connection.run(() -> s.chat.socket.close(4001, "mine"));
            s.send(Peer.frame(0x8, true, Peer.bytes(0x03, 0xE8)));
            s.connection.refillOutbound(Long.MAX_VALUE);

            List<Peer.Frame> out = s.frames();
            assertEquals(2, out.size(), s.chat.events + " open " + s.connection.isOpen());
            assertEquals(4001, out.get(out.size() - 1).closeCode(), "our code, queued first, goes out");
            assertEquals(List.of("peer-closing 1000 "), s.chat.events("peer-closing"));
            s.connection.endInbound();
            assertFalse(s.connection.isOpen());
        }
    }
}
