package org.lightwire.role.ws.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The XOR masking of RFC 6455 §5.3, shared by both directions. */
final class Masking {
    private Masking() {
    }

    /**
     * XORs bytes {@code [from, to)} of {@code buffer} in place with {@code maskKey} (big-endian,
     * octet 0 first), starting at key octet {@code keyIndex & 3}.
     *
     * @return the key index after the last byte, to continue the mask in the next chunk
     */
    static int apply(ByteBuffer buffer, int from, int to, int maskKey, int keyIndex) {
        int i = from;
        // word at a time once aligned to the key: rotate the key so octet keyIndex comes first
        int rotated = Integer.rotateLeft(maskKey, (keyIndex & 3) * 8);
        if (buffer.order() != ByteOrder.BIG_ENDIAN) {
            rotated = Integer.reverseBytes(rotated);
        }
        // eight bytes a step: the key repeats every four, so a long holds it twice
        long rotatedTwice = (rotated & 0xFFFFFFFFL) | ((long) rotated << 32);
        for (; i + 8 <= to; i += 8) {
            buffer.putLong(i, buffer.getLong(i) ^ rotatedTwice);
        }
        for (; i + 4 <= to; i += 4) {
            buffer.putInt(i, buffer.getInt(i) ^ rotated);
        }
        int k = keyIndex + (i - from);
        for (; i < to; i++, k++) {
            buffer.put(i, (byte) (buffer.get(i) ^ (maskKey >>> (24 - (k & 3) * 8))));
        }
        return k & 3;
    }
}
