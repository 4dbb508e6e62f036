package org.lightwire.crypto.bc;

import java.util.Arrays;

/**
 * Input held back until the end of a message (XTS and key-wrap units, GCM ciphertext that
 * must not be released before its tag verified). Grows by doubling; {@link #wipe()} zeroes
 * every copy it made, since the bytes may be key material or plaintext.
 */
final class Accumulator {

    private byte[] data = new byte[256];
    private int length;

    void append(byte[] in, int offset, int count) {
        if (count == 0) {
            return;
        }
        if (data.length - length < count) {
            int wanted = length + count;
            if (wanted < 0) {
                throw new OutOfMemoryError("message larger than 2 GiB");
            }
            byte[] bigger = Arrays.copyOf(data, Math.max(wanted, data.length * 2 < 0 ? wanted : data.length * 2));
            Arrays.fill(data, (byte) 0);
            data = bigger;
        }
        System.arraycopy(in, offset, data, length, count);
        length += count;
    }

    /** The backing array; valid bytes are {@code [0, length())}. */
    byte[] array() {
        return data;
    }

    int length() {
        return length;
    }

    void wipe() {
        Arrays.fill(data, (byte) 0);
        length = 0;
    }
}
