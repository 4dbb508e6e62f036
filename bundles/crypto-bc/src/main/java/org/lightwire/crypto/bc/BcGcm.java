package org.lightwire.crypto.bc;

import java.util.Arrays;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.gcm.GCMMultiplier;
import org.bouncycastle.crypto.modes.gcm.Tables4kGCMMultiplier;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Pack;
import org.lightwire.api.crypto.BadInputException;
import org.lightwire.api.crypto.BadParameterException;

/**
 * AES-GCM (NIST SP 800-38D) on BC's AES engine and GHASH multiplier, built so that a message
 * allocates nothing: BC's own {@code GCMBlockCipher} allocates on every init and a fresh
 * 16-byte array for every block of data, four bytes of garbage per byte sealed and opened.
 * The key schedule and the GHASH tables are made once per key; {@link #start} loads a new
 * nonce (EVP_CipherInit_ex with a new IV). Streaming: output is produced as input arrives.
 * The caller ({@link BcAesCipher}) holds decryption output back until {@link #verify} passed.
 * Not thread-safe.
 */
final class BcGcm {

    private static final int BLOCK = 16;
    /** SP 800-38D 5.2.1.1: at most 2^39-256 bits of data, i.e. 2^32-2 blocks, under one nonce. */
    private static final long MAX_DATA = ((1L << 32) - 2) * BLOCK;

    private final BlockCipher aes = AESEngine.newInstance();
    private final GCMMultiplier multiplier = new Tables4kGCMMultiplier();
    private final boolean encrypt;
    private final int tagLength;
    private final String label;
    private final byte[] j0 = new byte[BLOCK];
    private final byte[] counter = new byte[BLOCK];
    private final byte[] keystream = new byte[BLOCK];
    /** The GHASH accumulator; bytes of a partial block are XORed straight into it. */
    private final byte[] s = new byte[BLOCK];
    private final byte[] tag = new byte[BLOCK];
    /** The nonce of the last {@link #start}, for refusing its reuse when encrypting. */
    private byte[] lastNonce;
    /** Bytes of the current GHASH block taken so far (AAD, then data; the two align with the keystream). */
    private int position;
    private long aadLength;
    private long dataLength;
    private boolean inData;

    BcGcm(byte[] key, boolean encrypt, int tagLength, String label) {
        this.encrypt = encrypt;
        this.tagLength = tagLength;
        this.label = label;
        aes.init(true, new KeyParameter(key));
        byte[] h = new byte[BLOCK];
        aes.processBlock(h, 0, h, 0);
        multiplier.init(h);
        Arrays.fill(h, (byte) 0);
    }

    /** Starts a message under {@code nonce} (1 to 1024 bytes, checked by the caller). */
    void start(byte[] nonce) {
        if (encrypt && lastNonce != null && Arrays.equals(lastNonce, nonce)) {
            throw new BadParameterException(label + ": refusing to encrypt twice under one nonce (it would give away the"
                    + " authentication key)");
        }
        if (lastNonce == null || lastNonce.length != nonce.length) {
            lastNonce = new byte[nonce.length]; // only when the nonce length changes: never per SSH packet
        }
        System.arraycopy(nonce, 0, lastNonce, 0, nonce.length);
        Arrays.fill(s, (byte) 0);
        if (nonce.length == 12) {
            System.arraycopy(nonce, 0, j0, 0, 12);
            j0[12] = 0;
            j0[13] = 0;
            j0[14] = 0;
            j0[15] = 1;
        } else {
            // J0 = GHASH(IV || 0-pad || [0]_64 || [len(IV) in bits]_64)
            for (int at = 0; at < nonce.length; at += BLOCK) {
                int n = Math.min(BLOCK, nonce.length - at);
                for (int i = 0; i < n; i++) {
                    s[i] ^= nonce[at + i];
                }
                multiplier.multiplyH(s);
            }
            Pack.longToBigEndian((long) nonce.length * 8, tag, 8);
            Pack.longToBigEndian(0L, tag, 0);
            for (int i = 0; i < BLOCK; i++) {
                s[i] ^= tag[i];
            }
            multiplier.multiplyH(s);
            System.arraycopy(s, 0, j0, 0, BLOCK);
            Arrays.fill(s, (byte) 0);
            Arrays.fill(tag, (byte) 0);
        }
        System.arraycopy(j0, 0, counter, 0, BLOCK);
        position = 0;
        aadLength = 0;
        dataLength = 0;
        inData = false;
    }

    void aad(byte[] in, int offset, int length) {
        for (int i = 0; i < length; i++) {
            s[position++] ^= in[offset + i];
            if (position == BLOCK) {
                multiplier.multiplyH(s);
                position = 0;
            }
        }
        aadLength += length;
    }

    /** Encrypts or decrypts {@code length} bytes; {@code out} may be {@code in} at the same offset. */
    void process(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        if (length > MAX_DATA - dataLength) {
            throw new BadInputException(label + ": more than 2^39-256 bits of data under one nonce (SP 800-38D)");
        }
        if (!inData) {
            // the AAD's last partial block is zero-padded: hash it, and data starts on a block
            if (position > 0) {
                multiplier.multiplyH(s);
                position = 0;
            }
            inData = true;
        }
        int i = 0;
        // whole blocks while aligned; a byte at a time otherwise
        while (i < length) {
            if (position == 0 && length - i >= BLOCK) {
                nextKeystream();
                for (int k = 0; k < BLOCK; k++) {
                    byte x = in[inOffset + i + k];
                    byte y = (byte) (x ^ keystream[k]);
                    s[k] ^= encrypt ? y : x;
                    out[outOffset + i + k] = y;
                }
                multiplier.multiplyH(s);
                i += BLOCK;
                continue;
            }
            if (position == 0) {
                nextKeystream();
            }
            byte x = in[inOffset + i];
            byte y = (byte) (x ^ keystream[position]);
            s[position] ^= encrypt ? y : x;
            out[outOffset + i] = y;
            i++;
            if (++position == BLOCK) {
                multiplier.multiplyH(s);
                position = 0;
            }
        }
        dataLength += length;
    }

    private void nextKeystream() {
        // inc32: only the last 32 bits of the counter block count (SP 800-38D 6.2)
        for (int k = BLOCK - 1; k >= BLOCK - 4; k--) {
            if (++counter[k] != 0) {
                break;
            }
        }
        aes.processBlock(counter, 0, keystream, 0);
    }

    /** Finishes the message: the tag into {@code out} at {@code offset} ({@code tagLength} bytes). */
    void tag(byte[] out, int offset) {
        computeTag();
        System.arraycopy(tag, 0, out, offset, tagLength);
        Arrays.fill(tag, (byte) 0);
    }

    /** Finishes the message: whether its tag equals {@code tagLength} bytes of {@code expected} at {@code offset}, in constant time. */
    boolean verify(byte[] expected, int offset) {
        computeTag();
        int diff = 0;
        for (int i = 0; i < tagLength; i++) {
            diff |= tag[i] ^ expected[offset + i];
        }
        Arrays.fill(tag, (byte) 0);
        return diff == 0;
    }

    private void computeTag() {
        if (position > 0) {
            multiplier.multiplyH(s);
            position = 0;
        }
        Pack.longToBigEndian(aadLength * 8, tag, 0);
        Pack.longToBigEndian(dataLength * 8, tag, 8);
        for (int i = 0; i < BLOCK; i++) {
            s[i] ^= tag[i];
        }
        multiplier.multiplyH(s);
        aes.processBlock(j0, 0, tag, 0);
        for (int i = 0; i < BLOCK; i++) {
            tag[i] ^= s[i];
        }
        Arrays.fill(s, (byte) 0);
        Arrays.fill(keystream, (byte) 0);
    }
}
