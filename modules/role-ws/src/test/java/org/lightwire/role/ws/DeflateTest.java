package org.lightwire.role.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Options;
import org.lightwire.api.ws.WsMessageType;

/** permessage-deflate (RFC 7692) negotiated on an upgraded connection. */
class DeflateTest {

    /** Raw DEFLATE of {@code data} with a sync flush, tail removed (RFC 7692 section 7.2.1). */
    static byte[] compress(byte[] data) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(data);
        byte[] out = new byte[data.length * 2 + 64];
        int n = d.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
        d.end();
        return Arrays.copyOf(out, n - 4);
    }

    static byte[] inflate(byte[] data) throws Exception {
        Inflater i = new Inflater(true);
        i.setInput(Peer.concat(data, new byte[] {0, 0, (byte) 0xFF, (byte) 0xFF}));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while ((n = i.inflate(buf)) > 0) {
            out.write(buf, 0, n);
        }
        i.end();
        return out.toByteArray();
    }

    @Test
    void offerIsAcceptedWithTheRequestedContextTakeover() {
        try (WsTestServer s = WsTestServer.create()) {
            String head = s.upgrade("Sec-WebSocket-Extensions: permessage-deflate; client_no_context_takeover;"
                    + " client_max_window_bits\r\n");

            assertTrue(head.contains("\r\nSec-WebSocket-Extensions: permessage-deflate; client_no_context_takeover\r\n"),
                    head);
        }
    }

    @Test
    void serverWindowBelow15IsDeclinedAndTheNextOfferTaken() {
        try (WsTestServer s = WsTestServer.create()) {
            String head = s.upgrade("Sec-WebSocket-Extensions: permessage-deflate; server_max_window_bits=10,"
                    + " permessage-deflate\r\n");

            assertTrue(head.contains("\r\nSec-WebSocket-Extensions: permessage-deflate\r\n"), head);
        }
    }

    @Test
    void deflateOffPerPvoNegotiatesNothing() {
        try (WsTestServer s = WsTestServer.create(Options.builder().add("permessage-deflate", "0"))) {
            String head = s.upgrade("Sec-WebSocket-Extensions: permessage-deflate\r\n");
            assertFalse(head.contains("Extensions"), head);
        }
    }

    @Test
    void compressedMessagesInflateAndRepliesAreCompressed() throws Exception {
        try (WsTestServer s = WsTestServer.create()) {
            s.upgrade("Sec-WebSocket-Extensions: permessage-deflate\r\n");
            String text = "compress me ".repeat(100);
            byte[] z = compress(text.getBytes(StandardCharsets.UTF_8));
            // split over two frames: RSV1 on the first only
            s.send(Peer.frame(0x1, false, true, Arrays.copyOf(z, 5)),
                    Peer.frame(0x0, true, false, Arrays.copyOfRange(z, 5, z.length)));

            String joined = String.join("", s.chat.events("rx").stream()
                    .map(e -> e.substring(e.indexOf("remaining=") + 12)).toList());
            assertEquals(text, joined);

            s.chat.write(ws -> ws.send(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), WsMessageType.TEXT,
                    true, true));
            s.chat.write(ws -> ws.send(ByteBuffer.allocate(0), WsMessageType.BINARY, true, true));
            List<Peer.Frame> out = s.frames();
            assertTrue(out.get(0).rsv1());
            assertTrue(out.get(0).payload().length < text.length() / 4);
            assertEquals(text, new String(inflate(out.get(0).payload()), StandardCharsets.UTF_8));
            assertEquals(List.of((byte) 0), List.of(out.get(1).payload()[0]), "an empty message is one 00 byte");
        }
    }

    @Test
    void decompressionBombClosesWith1009() {
        try (WsTestServer s = WsTestServer.create(Options.builder().add("max-message-size", "100000"))) {
            s.upgrade("Sec-WebSocket-Extensions: permessage-deflate\r\n");
            byte[] bomb = compress(new byte[10_000_000]);
            assertTrue(bomb.length < 20_000, "a small frame: " + bomb.length);
            s.send(Peer.frame(0x2, true, true, bomb));

            assertEquals(1009, s.closeCode());
        }
    }

    @Test
    void dataThatDoesNotInflateClosesWith1007() {
        try (WsTestServer s = WsTestServer.create()) {
            s.upgrade("Sec-WebSocket-Extensions: permessage-deflate\r\n");
            s.send(Peer.frame(0x2, true, true, Peer.bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF)));

            assertEquals(1007, s.closeCode());
        }
    }

    @Test
    void rsv1OnAContinuationClosesWith1002() {
        try (WsTestServer s = WsTestServer.create()) {
            s.upgrade("Sec-WebSocket-Extensions: permessage-deflate\r\n");
            s.send(Peer.frame(0x2, false, true, compress(new byte[] {1})), Peer.frame(0x0, true, true, new byte[] {0}));

            assertEquals(1002, s.closeCode());
        }
    }

    @Test
    void compressionLevelCanChangeAtRunTime() throws Exception {
        try (WsTestServer s = WsTestServer.create()) {
            s.upgrade("Sec-WebSocket-Extensions: permessage-deflate\r\n");
            s.connection.run(() -> s.chat.socket.setExtensionOption("permessage-deflate", "compression_level", "0"));
            byte[] data = new byte[1000];
            s.chat.write(ws -> ws.send(ByteBuffer.wrap(data), WsMessageType.BINARY, true, true));

            Peer.Frame f = s.frames().get(0);
            assertTrue(f.payload().length > data.length, "level 0 stores: " + f.payload().length);
            assertEquals(data.length, inflate(f.payload()).length);
        }
    }

    @Test
    void rxBufSizeSetsTheInflateStep() {
        try (WsTestServer s = WsTestServer.create()) {
            s.upgrade("Sec-WebSocket-Extensions: permessage-deflate\r\n");
            s.connection.run(() -> s.chat.socket.setExtensionOption("permessage-deflate", "rx_buf_size", "128"));
            s.send(Peer.frame(0x2, true, true, compress(new byte[1000])));

            List<String> rx = s.chat.events("rx");
            assertEquals(8, rx.size(), rx.toString());
            assertTrue(rx.get(0).endsWith(" 128B") && rx.get(7).endsWith(" 104B"), rx.toString());
        }
    }
}
