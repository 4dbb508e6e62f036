package org.lightwire.crypto.bc;

import java.util.Arrays;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-XTS (IEEE 1619-2007 / NIST SP 800-38E) with ciphertext stealing, built on BC's AES
 * block engine because BC's lightweight API has no XTS for AES ({@code KXTSBlockCipher} is
 * the DSTU 7624 variant). Maps to lws' {@code LWS_GAESM_XTS}: a double-length key (two
 * AES-128 or two AES-256 keys) and a 16-byte tweak, the little-endian data unit number.
 *
 * <p>One instance holds both keys' schedules and is reusable for any number of data units;
 * it is not thread-safe.
 */
final class XtsAes {

    private static final int BLOCK = 16;

    private final BlockCipher data = AESEngine.newInstance();
    private final BlockCipher tweakEngine = AESEngine.newInstance();
    private final boolean encrypt;
    private final byte[] tweak = new byte[BLOCK];
    private final byte[] block = new byte[BLOCK];
    private final byte[] lastTweak = new byte[BLOCK];
    private final byte[] stolen = new byte[BLOCK];

    /**
     * @param key K1 || K2: 32 bytes (AES-128) or 64 bytes (AES-256); the halves must differ
     *            (SP 800-38E requires the implementation to refuse equal halves)
     */
    XtsAes(byte[] key, boolean encrypt) {
        if (key.length != 32 && key.length != 64) {
            throw new IllegalArgumentException("AES-XTS needs a 32- or 64-byte key (two AES keys), got " + key.length + " bytes");
        }
        int half = key.length / 2;
        if (Arrays.equals(key, 0, half, key, half, key.length)) {
            throw new IllegalArgumentException("AES-XTS key halves must differ");
        }
        this.encrypt = encrypt;
        data.init(encrypt, new KeyParameter(key, 0, half));
        tweakEngine.init(true, new KeyParameter(key, half, half));
    }

    /**
     * Encrypts or decrypts one data unit. {@code in} and {@code out} may be the same array
     * at the same offset.
     *
     * @param dataUnitTweak 16 bytes, the data unit number (little-endian per IEEE 1619)
     * @param length at least 16 bytes; a partial last block uses ciphertext stealing
     */
    void process(byte[] dataUnitTweak, byte[] in, int inOff, int length, byte[] out, int outOff) {
        if (dataUnitTweak.length != BLOCK) {
            throw new IllegalArgumentException("AES-XTS tweak must be 16 bytes, got " + dataUnitTweak.length);
        }
        if (length < BLOCK) {
            throw new IllegalArgumentException("AES-XTS data unit must be at least 16 bytes, got " + length);
        }
        tweakEngine.processBlock(dataUnitTweak, 0, tweak, 0);
        int full = length / BLOCK;
        int tail = length % BLOCK;
        // with stealing, the last full block is handled together with the tail
        int plain = tail == 0 ? full : full - 1;
        for (int i = 0; i < plain; i++) {
            cryptBlock(in, inOff + i * BLOCK, out, outOff + i * BLOCK, tweak);
            multiplyByAlpha(tweak);
        }
        if (tail == 0) {
            return;
        }
        int lastFull = (full - 1) * BLOCK;
        if (encrypt) {
            // CC = E(P_{m-1}) under T_{m-1}; C_m = first tail bytes of CC; the stolen
            // remainder of CC pads P_m, which becomes C_{m-1} under T_m
            cryptBlock(in, inOff + lastFull, block, 0, tweak);
            multiplyByAlpha(tweak);
            System.arraycopy(in, inOff + lastFull + BLOCK, stolen, 0, tail);
            System.arraycopy(block, tail, stolen, tail, BLOCK - tail);
            System.arraycopy(block, 0, out, outOff + lastFull + BLOCK, tail);
            cryptBlock(stolen, 0, out, outOff + lastFull, tweak);
        } else {
            // decryption swaps the tweak order: C_{m-1} is opened with T_m first
            System.arraycopy(tweak, 0, lastTweak, 0, BLOCK);
            multiplyByAlpha(lastTweak);
            cryptBlock(in, inOff + lastFull, block, 0, lastTweak);
            System.arraycopy(in, inOff + lastFull + BLOCK, stolen, 0, tail);
            System.arraycopy(block, tail, stolen, tail, BLOCK - tail);
            System.arraycopy(block, 0, out, outOff + lastFull + BLOCK, tail);
            cryptBlock(stolen, 0, out, outOff + lastFull, tweak);
        }
    }

    private void cryptBlock(byte[] in, int inOff, byte[] out, int outOff, byte[] t) {
        for (int i = 0; i < BLOCK; i++) {
            block[i] = (byte) (in[inOff + i] ^ t[i]);
        }
        data.processBlock(block, 0, block, 0);
        for (int i = 0; i < BLOCK; i++) {
            out[outOff + i] = (byte) (block[i] ^ t[i]);
        }
    }

    /** T * alpha in GF(2^128) with the IEEE 1619 little-endian byte order. */
    private static void multiplyByAlpha(byte[] t) {
        int carry = 0;
        for (int i = 0; i < BLOCK; i++) {
            int b = t[i] & 0xff;
            t[i] = (byte) ((b << 1) | carry);
            carry = b >>> 7;
        }
        if (carry != 0) {
            t[0] ^= (byte) 0x87;
        }
    }
}
