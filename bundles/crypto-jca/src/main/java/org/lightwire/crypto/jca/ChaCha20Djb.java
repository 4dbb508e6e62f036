package org.lightwire.crypto.jca;

import java.util.Objects;
import org.lightwire.api.crypto.BadInputException;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.StreamCipher;

/**
 * The original ChaCha20 (D. J. Bernstein, 2008) with a 64-bit nonce and a 64-bit block
 * counter, as OpenSSH's chacha20-poly1305@openssh.com uses it; JDK 17 only has the RFC 8439
 * layout (96-bit nonce, 32-bit counter). The block function is the same as RFC 8439
 * section 2.3; only state words 12..15 differ (counter low, counter high, nonce, nonce).
 * Pure Java with no secret-dependent branches or lookups; {@link #reset} rewrites words
 * 12..15 in place and allocates nothing.
 */
final class ChaCha20Djb implements StreamCipher {

    private final int[] input = new int[16];
    private final int[] x = new int[16];
    private final byte[] keystream = new byte[64];
    private int used = 64;
    private boolean exhausted;

    ChaCha20Djb(byte[] key, byte[] nonce, long initialCounter) {
        input[0] = 0x61707865;
        input[1] = 0x3320646e;
        input[2] = 0x79622d32;
        input[3] = 0x6b206574;
        for (int i = 0; i < 8; i++) {
            input[4 + i] = le32(key, i * 4);
        }
        load(nonce, initialCounter);
    }

    @Override
    public void reset(byte[] nonce, long counter) {
        if (nonce == null || nonce.length != 8) {
            throw new BadParameterException("ChaCha20 (64-bit nonce): reset needs an 8-byte nonce, as at creation, got "
                    + (nonce == null ? "none" : nonce.length));
        }
        load(nonce, counter);
    }

    /** Every 64-bit counter value is a valid first block (read unsigned), as at creation. */
    private void load(byte[] nonce, long counter) {
        input[12] = (int) counter;
        input[13] = (int) (counter >>> 32);
        input[14] = le32(nonce, 0);
        input[15] = le32(nonce, 4);
        used = 64;
        exhausted = false;
    }

    @Override
    public void update(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        Objects.checkFromIndexSize(inOffset, length, in.length);
        Objects.checkFromIndexSize(outOffset, length, out.length);
        for (int i = 0; i < length; i++) {
            if (used == 64) {
                nextBlock();
            }
            out[outOffset + i] = (byte) (in[inOffset + i] ^ keystream[used++]);
        }
    }

    private void nextBlock() {
        if (exhausted) {
            throw new BadInputException("ChaCha20 (64-bit nonce): keystream exhausted: the 64-bit block counter wrapped");
        }
        block(input, x);
        for (int i = 0; i < 16; i++) {
            int v = x[i];
            keystream[4 * i] = (byte) v;
            keystream[4 * i + 1] = (byte) (v >>> 8);
            keystream[4 * i + 2] = (byte) (v >>> 16);
            keystream[4 * i + 3] = (byte) (v >>> 24);
        }
        used = 0;
        input[12]++;
        if (input[12] == 0) {
            input[13]++;
            exhausted = input[13] == 0;
        }
    }

    /** The ChaCha20 block function (RFC 8439 section 2.3): 20 rounds, then add the input. */
    static void block(int[] in, int[] out) {
        System.arraycopy(in, 0, out, 0, 16);
        for (int i = 0; i < 10; i++) {
            quarter(out, 0, 4, 8, 12);
            quarter(out, 1, 5, 9, 13);
            quarter(out, 2, 6, 10, 14);
            quarter(out, 3, 7, 11, 15);
            quarter(out, 0, 5, 10, 15);
            quarter(out, 1, 6, 11, 12);
            quarter(out, 2, 7, 8, 13);
            quarter(out, 3, 4, 9, 14);
        }
        for (int i = 0; i < 16; i++) {
            out[i] += in[i];
        }
    }

    private static void quarter(int[] s, int a, int b, int c, int d) {
        s[a] += s[b];
        s[d] = Integer.rotateLeft(s[d] ^ s[a], 16);
        s[c] += s[d];
        s[b] = Integer.rotateLeft(s[b] ^ s[c], 12);
        s[a] += s[b];
        s[d] = Integer.rotateLeft(s[d] ^ s[a], 8);
        s[c] += s[d];
        s[b] = Integer.rotateLeft(s[b] ^ s[c], 7);
    }

    private static int le32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }
}
