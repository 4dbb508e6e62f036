package org.lightwire.role.h1.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChunkEncoderTest {

    private static String text(ByteBuffer b) {
        b.flip();
        return StandardCharsets.US_ASCII.decode(b).toString();
    }

    @Test
    void framesChunksThatTheDecoderReadsBack() throws Exception {
        ByteBuffer out = ByteBuffer.allocate(256);
        ChunkEncoder.putChunkStart(out, 26);
        out.put("abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII));
        ChunkEncoder.putChunkEnd(out);
        ChunkEncoder.putLastChunk(out);
        String wire = text(out);
        assertEquals("1a\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\n\r\n", wire);

        ChunkedDecoder d = new ChunkedDecoder(100, 64, 64);
        ByteBuffer in = ByteBuffer.wrap(wire.getBytes(StandardCharsets.US_ASCII));
        int n = d.payloadAvailable(in);
        assertEquals(26, n);
        in.position(in.position() + n);
        d.payloadConsumed(n);
        assertEquals(0, d.payloadAvailable(in));
        assertEquals(true, d.isComplete());
    }

    @Test
    void sizesAreLowerCaseHexWithoutLeadingZeros() {
        ByteBuffer out = ByteBuffer.allocate(64);
        ChunkEncoder.putChunkStart(out, 1);
        ChunkEncoder.putChunkStart(out, 0x10);
        ChunkEncoder.putChunkStart(out, Long.MAX_VALUE);
        assertEquals("1\r\n10\r\n7fffffffffffffff\r\n", text(out));
    }

    @Test
    void zeroSizeIsNotAChunk() {
        assertThrows(IllegalArgumentException.class, () -> ChunkEncoder.putChunkStart(ByteBuffer.allocate(8), 0));
    }
}
