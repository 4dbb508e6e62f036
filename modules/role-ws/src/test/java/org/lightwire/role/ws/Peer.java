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

    /** {@code frames} as a client sends them (masked). */
    static byte[] clientBytes(List<Frame> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Frame f : frames) {
            out.writeBytes(frame(f.opcode(), f.fin(), f.rsv1(), f.payload()));
        }
        return out.toByteArray();
    }

    /** {@code frames} as a server sends them (unmasked). */
    static byte[] serverBytes(List<Frame> frames) {
        FrameEncoder encoder = FrameEncoder.forServer();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Frame f : frames) {
            ByteBuffer b = ByteBuffer.allocate(f.payload().length + FrameEncoder.MAX_HEADER_LENGTH);
            encoder.writeFrame(b, f.opcode(), f.fin(), f.rsv1(), ByteBuffer.wrap(f.payload()));
            out.write(b.array(), 0, b.position());
        }
        return out.toByteArray();
    }

    /** Decodes server frames (unmasked) from {@code bytes}. */
    static List<Frame> frames(byte[] bytes) {
        return decode(bytes, false);
    }

    /** Decodes client frames (masked) from {@code bytes}, unmasking their payloads. */
    static List<Frame> clientFrames(byte[] bytes) {
        return decode(bytes, true);
    }

    private static List<Frame> decode(byte[] bytes, boolean masked) {
        List<Frame> frames = new ArrayList<>();
        FrameDecoder decoder = new FrameDecoder(masked, new FrameLimits(1L << 30, 1L << 30), new FrameListener() {
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
            throw new AssertionError("malformed frame: " + e.getMessage(), e);
        }
        return frames;
    }
}
