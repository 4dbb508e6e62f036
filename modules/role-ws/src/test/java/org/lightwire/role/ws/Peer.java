package org.lightwire.role.ws;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.lightwire.role.ws.codec.FrameDecoder;
import org.lightwire.role.ws.codec.FrameEncoder;
import org.lightwire.role.ws.codec.FrameLimits;
import org.lightwire.role.ws.codec.FrameListener;

/** The client side of a test connection: writes frames (masked unless told) and reads the server's. */
final class Peer {

    /** A frame as the server sent it. */
    record Frame(int opcode, boolean fin, boolean rsv1, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The close code of a close frame, 1005 if it has none. */
        int closeCode() {
            return payload.length < 2 ? 1005 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }
    }

    private static final FrameEncoder MASKING = FrameEncoder.forClient(() -> 0x37FA213D);

    private Peer() {
    }

    /** A masked frame. */
    static byte[] frame(int opcode, boolean fin, byte[] payload) {
        return frame(opcode, fin, false, payload);
    }

    static byte[] frame(int opcode, boolean fin, boolean rsv1, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate(payload.length + 14);
        MASKING.writeFrame(out, opcode, fin, rsv1, ByteBuffer.wrap(payload));
        return java.util.Arrays.copyOf(out.array(), out.position());
    }

    static byte[] text(String s) {
        return frame(0x1, true, s.getBytes(StandardCharsets.UTF_8));
    }

    /** Raw bytes, for frames the encoder refuses to write. */
    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Decodes server frames (unmasked) from {@code bytes}. */
    static List<Frame> frames(byte[] bytes) {
        List<Frame> frames = new ArrayList<>();
        FrameDecoder decoder = new FrameDecoder(false, new FrameLimits(1L << 30, 1L << 30), new FrameListener() {
            int opcode;
            boolean fin;
            boolean rsv1;
            ByteArrayOutputStream payload;

            @Override
            public void frameStart(int op, boolean f, boolean r, long length) {
                opcode = op;
                fin = f;
                rsv1 = r;
                payload = new ByteArrayOutputStream();
            }

            @Override
            public void payload(ByteBuffer chunk, long remaining) {
                while (chunk.hasRemaining()) {
                    payload.write(chunk.get());
                }
            }

            @Override
            public void frameEnd() {
                frames.add(new Frame(opcode, fin, rsv1, payload.toByteArray()));
            }
        });
        decoder.claimRsv1();
        try {
            decoder.decode(ByteBuffer.wrap(bytes));
        } catch (Exception e) {
            throw new AssertionError("server sent a malformed frame: " + e.getMessage(), e);
        }
        return frames;
    }
}
