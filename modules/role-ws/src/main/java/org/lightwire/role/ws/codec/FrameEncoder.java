package org.lightwire.role.ws.codec;

import java.nio.ByteBuffer;

/**
 * Writes WebSocket frames (RFC 6455 §5.2) into a caller's buffer: the send half of lws'
 * {@code lws_write}. A client-side encoder masks every frame with a fresh key drawn from its
 * {@link MaskKeySource} (§5.3); a server-side one never masks (§5.1). Payload is masked while
 * copying, or in place when the caller already put it after the header. Nothing is
 * allocated per frame.
 */
public final class FrameEncoder {

    /** The longest header: 2 bytes, 8-byte length, 4-byte masking key. */
    public static final int MAX_HEADER_LENGTH = 14;

    private final MaskKeySource maskKeys;

    private FrameEncoder(MaskKeySource maskKeys) {
        this.maskKeys = maskKeys;
    }

    /** An encoder for a server: frames are not masked. */
    public static FrameEncoder forServer() {
        return new FrameEncoder(null);
    }

    /** An encoder for a client: every frame is masked with a key from {@code maskKeys}. */
    public static FrameEncoder forClient(MaskKeySource maskKeys) {
        if (maskKeys == null) {
            throw new IllegalArgumentException("a client encoder needs a mask key source");
        }
        return new FrameEncoder(maskKeys);
    }

    /** Whether frames are masked (client side). */
    public boolean masks() {
        return maskKeys != null;
    }

    /** The header length for a payload of {@code payloadLength} bytes. */
    public int headerLength(long payloadLength) {
        int base = payloadLength <= 125 ? 2 : payloadLength <= 0xFFFF ? 4 : 10;
        return masks() ? base + 4 : base;
    }

    /**
     * Writes a frame header into {@code out}. On the client side a fresh masking key is
     * drawn, written, and returned: the caller must mask exactly {@code payloadLength}
     * following bytes with it ({@link #maskInPlace}).
     *
     * @return the masking key (0 and meaningless on the server side)
     * @throws IllegalArgumentException for an undefined opcode, a fragmented or oversized
     *         control frame, a negative length, or too little room; nothing is written then
     */
    public int writeHeader(ByteBuffer out, int opcode, boolean fin, boolean rsv1, long payloadLength) {
        if (!Opcodes.isDefined(opcode)) {
            throw new IllegalArgumentException("undefined opcode 0x" + Integer.toHexString(opcode));
        }
        if (payloadLength < 0) {
            throw new IllegalArgumentException("negative payload length " + payloadLength);
        }
        if (Opcodes.isControl(opcode) && (!fin || payloadLength > 125 || rsv1)) {
            throw new IllegalArgumentException("control frames must be final, uncompressed and at most 125 bytes");
        }
        int headerLength = headerLength(payloadLength);
        if (out.remaining() < headerLength) {
            throw new IllegalArgumentException("frame header needs " + headerLength + " bytes, buffer has "
                    + out.remaining());
        }
        out.put((byte) ((fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | opcode));
        int maskBit = masks() ? 0x80 : 0;
        if (payloadLength <= 125) {
            out.put((byte) (maskBit | payloadLength));
        } else if (payloadLength <= 0xFFFF) {
            out.put((byte) (maskBit | 126)).putShort((short) payloadLength);
        } else {
            out.put((byte) (maskBit | 127)).putLong(payloadLength);
        }
        if (!masks()) {
            return 0;
        }
        int key = maskKeys.nextMaskKey();
        out.putInt(key);
        return key;
    }

    /**
     * Writes a whole frame: header, then {@code payload} (position to limit) copied and, on
     * the client side, masked on the way. {@code payload}'s position moves to its limit.
     *
     * @return bytes written to {@code out}
     * @throws IllegalArgumentException as {@link #writeHeader}, or when the whole frame does not fit
     */
    public int writeFrame(ByteBuffer out, int opcode, boolean fin, boolean rsv1, ByteBuffer payload) {
        int length = payload.remaining();
        int total = headerLength(length) + length;
        if (out.remaining() < total) {
            throw new IllegalArgumentException("frame needs " + total + " bytes, buffer has " + out.remaining());
        }
        int key = writeHeader(out, opcode, fin, rsv1, length);
        int start = out.position();
        out.put(payload);
        if (masks()) {
            Masking.apply(out, start, start + length, key, 0);
        }
        return total;
    }

    /**
     * Masks {@code length} bytes of {@code buffer} starting at absolute index {@code from},
     * in place, with a key {@link #writeHeader} returned. Masking twice unmasks.
     */
    public static void maskInPlace(ByteBuffer buffer, int from, int length, int maskKey) {
        Masking.apply(buffer, from, from + length, maskKey, 0);
    }
}
