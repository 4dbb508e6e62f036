package org.lightwire.role.ws.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** RFC 6455 §5.2 (framing), §5.3 (masking), §5.7 (examples). */
class FrameEncoderTest {

    private static final ByteBuffer hello() {
        return ByteBuffer.wrap("Hello".getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] written(ByteBuffer out) {
        out.flip();
        return Bytes.remaining(out);
    }

    @Test
    void serverWritesUnmaskedTextRfc6455Section57() {
        ByteBuffer out = ByteBuffer.allocate(20);
        assertEquals(7, FrameEncoder.forServer().writeFrame(out, Opcodes.TEXT, true, false, hello()));
        assertArrayEquals(Bytes.of(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f), written(out));
    }

    @Test
    void clientWritesMaskedTextRfc6455Section57() {
        ByteBuffer out = ByteBuffer.allocate(20);
        FrameEncoder.forClient(() -> 0x37fa213d).writeFrame(out, Opcodes.TEXT, true, false, hello());
        assertArrayEquals(Bytes.of(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58), written(out));
    }

    @Test
    void lengthsUseTheMinimalEncodingRfc6455Section52() {
        FrameEncoder server = FrameEncoder.forServer();
        assertEquals(2, server.headerLength(125));
        assertEquals(4, server.headerLength(126));
        assertEquals(4, server.headerLength(65535));
        assertEquals(10, server.headerLength(65536));
        assertEquals(14, FrameEncoder.forClient(() -> 1).headerLength(65536));
        ByteBuffer out = ByteBuffer.allocate(14);
        server.writeHeader(out, Opcodes.BINARY, true, false, 65536);
        assertArrayEquals(Bytes.of(0x82, 0x7F, 0, 0, 0, 0, 0, 1, 0, 0), written(out));
        ByteBuffer out16 = ByteBuffer.allocate(14);
        server.writeHeader(out16, Opcodes.BINARY, false, true, 256);
        assertArrayEquals(Bytes.of(0x42, 0x7E, 0x01, 0x00), written(out16));
    }

    @Test
    void everyFrameGetsAFreshMaskKeyRfc6455Section53() {
        AtomicInteger calls = new AtomicInteger();
        FrameEncoder client = FrameEncoder.forClient(() -> 0x01020304 * calls.incrementAndGet());
        ByteBuffer out = ByteBuffer.allocate(100);
        int first = client.writeHeader(out, Opcodes.TEXT, true, false, 0);
        int second = client.writeHeader(out, Opcodes.TEXT, true, false, 0);
        assertEquals(2, calls.get());
        assertNotEquals(first, second);
        assertArrayEquals(Bytes.of(0x81, 0x80, 1, 2, 3, 4, 0x81, 0x80, 2, 4, 6, 8), written(out));
    }

    @Test
    void payloadMaskedInPlaceAfterTheHeaderDecodesBack() throws Exception {
        FrameEncoder client = FrameEncoder.forClient(() -> 0xCAFEBABE);
        byte[] payload = new byte[1000];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        ByteBuffer out = ByteBuffer.allocate(2000);
        int key = client.writeHeader(out, Opcodes.BINARY, true, false, payload.length);
        int start = out.position();
        out.put(payload);
        FrameEncoder.maskInPlace(out, start, payload.length, key);
        out.flip();
        Recorder r = new Recorder();
        new FrameDecoder(true, FrameLimits.DEFAULT, r).decode(out);
        assertArrayEquals(payload, r.payloads.get(0));
    }

    @Test
    void controlFramesMustBeFinalUncompressedAndShortRfc6455Section55() {
        FrameEncoder server = FrameEncoder.forServer();
        ByteBuffer out = ByteBuffer.allocate(200);
        assertThrows(IllegalArgumentException.class, () -> server.writeHeader(out, Opcodes.PING, false, false, 0));
        assertThrows(IllegalArgumentException.class, () -> server.writeHeader(out, Opcodes.PING, true, false, 126));
        assertThrows(IllegalArgumentException.class, () -> server.writeHeader(out, Opcodes.CLOSE, true, true, 2));
        assertThrows(IllegalArgumentException.class, () -> server.writeHeader(out, 0x3, true, false, 0));
        assertThrows(IllegalArgumentException.class, () -> server.writeHeader(out, Opcodes.TEXT, true, false, -1));
        assertEquals(0, out.position());
    }

    @Test
    void tooLittleRoomWritesNothing() {
        ByteBuffer out = ByteBuffer.allocate(6);
        ByteBuffer payload = hello();
        assertThrows(IllegalArgumentException.class,
                () -> FrameEncoder.forServer().writeFrame(out, Opcodes.TEXT, true, false, payload));
        assertEquals(0, out.position());
        assertEquals(0, payload.position());
        assertThrows(IllegalArgumentException.class, () -> FrameEncoder.forClient(() -> 1)
                .writeHeader(ByteBuffer.allocate(5), Opcodes.TEXT, true, false, 0));
        assertThrows(IllegalArgumentException.class, () -> FrameEncoder.forClient(null));
    }
}
