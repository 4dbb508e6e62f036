package org.lightwire.role.ws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lightwire.api.ClientRequest;
import org.lightwire.api.ws.WsMessageType;

/**
 * permessage-deflate on messages a protocol streams in fragments (RFC 7692 sections 6.1 and
 * 7.2.1): RSV1 on the first frame only, one DEFLATE stream across the fragments, context
 * takeover honoured at message ends. Our sender's frames are fed to our own receiver: server
 * to server in memory, and client to server / server to client over loopback.
 */
class FragmentedDeflateTest {

    private static final String TAKEOVER = "permessage-deflate";
    static final String NO_TAKEOVER = "permessage-deflate; server_no_context_takeover; client_no_context_takeover";

    /** One fragment of the test message: repetitive, so later fragments compress to little. */
    private static final String PIECE = "streamed in pieces, ".repeat(5);
    static final String MESSAGE = PIECE + "one|" + PIECE + "two|" + PIECE + "three";

    private static final Pattern RX = Pattern.compile("rx (TEXT|BINARY) first=(true|false) last=(true|false)"
            + " remaining=\\d+ (.*)", Pattern.DOTALL);

    private static ByteBuffer utf8(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Queues MESSAGE as three fragments with a ping between the first two. */
    static void streamMessage(ScriptedWsProtocol p) {
        p.write(ws -> ws.send(utf8(PIECE + "one|"), WsMessageType.TEXT, true, false));
        p.write(ws -> ws.ping(utf8("between fragments")));
        p.write(ws -> ws.send(utf8(PIECE + "two|"), WsMessageType.TEXT, false, false));
        p.write(ws -> ws.send(utf8(PIECE + "three"), WsMessageType.TEXT, false, true));
    }

    /** The messages the protocol received, each joined from its receive events. */
    private static List<String> messages(ScriptedWsProtocol p) {
        List<String> messages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String event : p.events("rx")) {
            Matcher m = RX.matcher(event);
            assertTrue(m.matches(), event);
            current.append(m.group(4));
            if (m.group(3).equals("true")) {
                messages.add(current.toString());
                current.setLength(0);
            }
        }
        return messages;
    }

    /** Checks the frames of two MESSAGEs as sent (ping, pong or not) and returns their data frames. */
    private static List<Peer.Frame> checkShape(List<Peer.Frame> frames) {
        List<Peer.Frame> data = frames.stream().filter(f -> f.opcode() < 0x8).toList();
        assertEquals(List.of(0x1, 0x0, 0x0, 0x1, 0x0, 0x0), data.stream().map(Peer.Frame::opcode).toList(), "" + frames);
        assertEquals(List.of(true, false, false, true, false, false), data.stream().map(Peer.Frame::rsv1).toList(),
                "RSV1 on each message's first frame only");
        assertEquals(List.of(false, false, true, false, false, true), data.stream().map(Peer.Frame::fin).toList());
        assertTrue(frames.stream().filter(f -> f.opcode() >= 0x8).noneMatch(Peer.Frame::rsv1), "control frames plain");
        assertTrue(data.get(1).payload().length < 30, "the second fragment refers back to the first, "
                + data.get(1).payload().length + " bytes");
        return data;
    }

    /** Context takeover: the second, identical message compresses smaller; without it, identically. */
    private static void checkContext(String agreed, List<Peer.Frame> data) {
        if (agreed.equals(TAKEOVER)) {
            assertTrue(data.get(3).payload().length < data.get(0).payload().length / 2, "context carried over");
        } else {
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(data.get(i).payload(), data.get(i + 3).payload(), "fresh context, frame " + i);
            }
        }
    }

    /** An in-memory server connection upgraded with permessage-deflate as {@code agreed}. */
    private static WsTestServer upgraded(String agreed) {
        WsTestServer s = WsTestServer.create();
        String head = s.upgrade("Sec-WebSocket-Extensions: " + agreed + "\r\n");
        assertTrue(head.contains("\r\nSec-WebSocket-Extensions: " + agreed + "\r\n"), head);
        return s;
    }

    @ParameterizedTest
    @ValueSource(strings = {TAKEOVER, NO_TAKEOVER})
    void serverStreamedFragmentsAreCompressedAndOurReceiverRebuildsThem(String agreed) {
        try (WsTestServer sender = upgraded(agreed); WsTestServer receiver = upgraded(agreed)) {
            streamMessage(sender.chat);
            streamMessage(sender.chat);
            List<Peer.Frame> frames = sender.frames();
            checkContext(agreed, checkShape(frames));

            receiver.send(Peer.clientBytes(frames));
            assertEquals(List.of(MESSAGE, MESSAGE), messages(receiver.chat));
            assertEquals(List.of(), receiver.chat.events("closed"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TAKEOVER, NO_TAKEOVER})
    void clientStreamedFragmentsCrossLoopbackCompressedToOurServer(String agreed) throws Exception {
        try (WsTestServer client = WsTestServer.create(); WsTestServer receiver = upgraded(agreed);
                ScriptedServer server = new ScriptedServer(r -> ClientTest.ok(r, "Sec-WebSocket-Extensions: "
                        + agreed + "\r\n").getBytes(StandardCharsets.ISO_8859_1))) {
            connect(client, server);
            streamMessage(client.chat);
            streamMessage(client.chat);
            ClientTest.drive(client, () -> client.chat.writes.isEmpty());
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            for (int i = 0; i < 8; i++) {
                wire.writeBytes(readMaskedFrame(server));
            }
            byte[] bytes = wire.toByteArray();

            receiver.send(bytes);
            assertEquals(List.of(MESSAGE, MESSAGE), messages(receiver.chat));
            checkContext(agreed, checkShape(Peer.clientFrames(bytes)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TAKEOVER, NO_TAKEOVER})
    void serverStreamedFragmentsCrossLoopbackToOurClient(String agreed) throws Exception {
        try (WsTestServer sender = upgraded(agreed); WsTestServer client = WsTestServer.create();
                ScriptedServer server = new ScriptedServer(r -> ClientTest.ok(r, "Sec-WebSocket-Extensions: "
                        + agreed + "\r\n").getBytes(StandardCharsets.ISO_8859_1))) {
            streamMessage(sender.chat);
            streamMessage(sender.chat);
            List<Peer.Frame> frames = sender.frames();
            checkShape(frames);
            connect(client, server);

            server.write(Peer.serverBytes(frames));
            ClientTest.drive(client, () -> messages(client.chat).size() == 2);
            assertEquals(List.of(MESSAGE, MESSAGE), messages(client.chat));
        }
    }

    private static void connect(WsTestServer client, ScriptedServer server) {
        client.connection.run(() -> client.connection.context().vhosts().get(0).connect(ClientRequest
                .builder("127.0.0.1", server.port()).role("ws").protocol("chat").build()));
        ClientTest.drive(client, () -> !client.chat.events("established").isEmpty());
    }

    /** Reads one client frame, as sent, from the scripted server's socket. */
    private static byte[] readMaskedFrame(ScriptedServer server) throws IOException {
        byte[] head = server.read(2);
        int length = head[1] & 0x7F;
        byte[] extended = new byte[0];
        if (length == 126) {
            extended = server.read(2);
            length = ((extended[0] & 0xFF) << 8) | (extended[1] & 0xFF);
        }
        assertTrue(length < 127, "test frames are small");
        return Peer.concat(head, extended, server.read(4 + length));
    }
}
