package org.lightwire.role.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Options;
import org.lightwire.api.WriteDisciplineException;
import org.lightwire.api.ws.WsMessageType;

/** Messages, fragments, control frames and the writeable discipline on an upgraded connection. */
class MessagesTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void fragmentsArriveAsLwsGivesThemWithFirstLastAndRemaining() {
        try (WsTestServer s = WsTestServer.create()) {
            s.upgrade();
            byte[] first = Peer.frame(0x1, false, utf8("hel"));
            // the second frame arrives in two reads: its remaining payload shows in between
            byte[] second = Peer.frame(0x0, true, utf8("lo!"));
            s.send(first, java.util.Arrays.copyOf(second, second.length - 1));
            s.send(new byte[] {second[second.length - 1]});

            assertEquals(List.of("rx TEXT first=true last=false remaining=0 hel",
                    "rx TEXT first=false last=false remaining=1 lo",
                    "rx TEXT first=false last=true remaining=0 !"), s.chat.events("rx"));
        }
    }

    @Test
    void controlFramesInterleavedInAFragmentedMessageAreHandled() {
        try (WsTestServer s = WsTestServer.create()) {
            s.upgrade();
            s.send(Peer.frame(0x2, false, new byte[3]), Peer.frame(0x9, true, utf8("p1")),
                    Peer.frame(0xA, true, utf8("unsolicited")), Peer.frame(0x0, true, new byte[2]));

            assertEquals(List.of("rx BINARY first=true last=false remaining=0 3B",
                    "rx BINARY first=false last=true remaining=0 2B"), s.chat.events("rx"));
            assertEquals(List.of("pong unsolicited"), s.chat.events("pong"));
            List<Peer.Frame> out = s.frames();
            assertEquals(1, out.size());
            assertEquals(0xA, out.get(0).opcode());
            assertEquals("p1", out.get(0).text());
        }
    }

    @Test
    void emptyFinalFragmentStillEndsTheMessage() {
        try (WsTestServer s = WsTestServer.create()) {
            s.upgrade();
            s.send(Peer.frame(0x1, false, utf8("a")), Peer.frame(0x0, true, new byte[0]));

            assertEquals(List.of("rx TEXT first=true last=false remaining=0 a",
                    "rx TEXT first=false last=true remaining=0 "), s.chat.events("rx"));
        }
    }

    @Test
    void wholeMessageModeDeliversEachMessageOnce() {
        try (WsTestServer s = WsTestServer.create(Options.builder().add("whole-messages", "1"))) {
            s.upgrade();
            s.send(Peer.frame(0x1, false, utf8("ab")), Peer.frame(0x9, true, new byte[0]),
                    Peer.frame(0x0, false, utf8("cd")), Peer.frame(0x0, true, utf8("ef")));

            assertEquals(List.of("rx TEXT first=true last=true remaining=0 abcdef"), s.chat.events("rx"));
        }
    }

    @Test
    void rxBufferSizeCutsReceiveEvents() {
        try (WsTestServer s = WsTestServer.create(Options.builder().add("rx-buffer-size", "4"))) {
            s.upgrade();
            s.send(Peer.text("0123456789"));

            assertEquals(List.of("rx TEXT first=true last=false remaining=0 0123",
                    "rx TEXT first=false last=false remaining=0 4567",
                    "rx TEXT first=false last=true remaining=0 89"), s.chat.events("rx"));
        }
    }

    @Test
    void sendsGoOutAsFramesOnePerWriteableEvent() {
        try (WsTestServer s = WsTestServer.create()) {
            s.upgrade();
            s.chat.write(ws -> ws.send(ByteBuffer.wrap(utf8("one")), WsMessageType.TEXT, true, false));
            s.chat.write(ws -> ws.send(ByteBuffer.wrap(utf8("two")), WsMessageType.TEXT, false, true));
            s.chat.write(ws -> ws.send(ByteBuffer.allocate(70_000), WsMessageType.BINARY, true, true));
            s.chat.write(ws -> ws.ping(ByteBuffer.wrap(utf8("hb"))));

            List<Peer.Frame> out = s.frames();
            assertEquals(4, out.size());
            assertEquals(new Peer.Frame(0x1, false, false, utf8("one")).toString().substring(0, 20),
                    out.get(0).toString().substring(0, 20));
            assertEquals(0x0, out.get(1).opcode());
            assertTrue(out.get(1).fin());
            assertEquals(70_000, out.get(2).payload().length);
            assertEquals(0x9, out.get(3).opcode());
        }
    }

    @Test
    void secondSendInOneWriteableEventIsADisciplineError() {
        try (WsTestServer s = WsTestServer.create()) {
            s.upgrade();
            Throwable[] thrown = new Throwable[1];
            s.chat.write(ws -> {
                ws.send(ByteBuffer.wrap(utf8("a")), WsMessageType.TEXT, true, true);
                thrown[0] = assertThrows(WriteDisciplineException.class,
                        () -> ws.send(ByteBuffer.wrap(utf8("b")), WsMessageType.TEXT, true, true));
            });
            s.frames();
            assertTrue(thrown[0].getMessage().contains("second"), thrown[0].getMessage());
        }
    }

    @Test
    void sendOutsideTheWriteableEventIsADisciplineError() {
        try (WsTestServer s = WsTestServer.create()) {
            s.upgrade();
            assertThrows(WriteDisciplineException.class,
                    () -> s.chat.socket.send(ByteBuffer.wrap(utf8("a")), WsMessageType.TEXT, true, true));
        }
    }

    @Test
    void fragmentOutOfSequenceIsRefused() {
        try (WsTestServer s = WsTestServer.create()) {
            s.upgrade();
            Throwable[] thrown = new Throwable[1];
            s.chat.write(ws -> thrown[0] = assertThrows(IllegalStateException.class,
                    () -> ws.send(ByteBuffer.wrap(utf8("a")), WsMessageType.TEXT, false, true)));
            s.frames();
            assertTrue(thrown[0].getMessage().contains("continuation"), thrown[0].getMessage());
        }
    }

    @Test
    void pausedReceptionHoldsLaterFramesUntilResumed() {
        try (WsTestServer s = WsTestServer.create()) {
            s.upgrade();
            s.chat.onReceived = ws -> ws.connection().rxFlowControl(false);
            s.send(Peer.text("a"), Peer.text("b"), Peer.text("c"));

            assertEquals(1, s.chat.events("rx").size());
            s.chat.onReceived = ws -> { };
            s.connection.run(() -> s.chat.socket.connection().rxFlowControl(true));
            assertEquals(3, s.chat.events("rx").size());
        }
    }

    @Test
    void pingFloodAgainstAReaderThatDoesNotReadOwesOnlyTheLatestPong() {
        try (WsTestServer s = WsTestServer.create()) {
            s.upgrade();
            s.connection.limitOutbound(0);
            for (int i = 0; i < 500; i++) {
                s.send(Peer.frame(0x9, true, utf8("ping-" + i)));
            }
            s.connection.refillOutbound(Long.MAX_VALUE);

            // the first pong went to the transport before it was found full; after that one slot
            List<Peer.Frame> out = s.frames();
            assertEquals(2, out.size(), "one pong in flight plus one slot: " + out.size() + " frames queued");
            assertEquals("ping-0", out.get(0).text());
            assertEquals("ping-499", out.get(1).text());
        }
    }

    @Test
    void setExtensionOptionWithoutDeflateIsRefused() {
        try (WsTestServer s = WsTestServer.create()) {
            s.upgrade();
            assertThrows(IllegalArgumentException.class,
                    () -> s.chat.socket.setExtensionOption("permessage-deflate", "compression_level", "1"));
        }
    }

    @Test
    void protocolCloseCodeNotAllowedToBeSentIsRefused() {
        try (WsTestServer s = WsTestServer.create()) {
            s.upgrade();
            assertThrows(IllegalArgumentException.class, () -> s.chat.socket.close(1005, ""));
            assertThrows(IllegalArgumentException.class, () -> s.chat.socket.close(1002, ""));
            assertThrows(IllegalArgumentException.class, () -> s.chat.socket.close(1000, "x".repeat(124)));
        }
    }
}
