package org.lightwire.crypto.jca;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.lightwire.api.crypto.AesParameters;
import org.lightwire.api.crypto.BadInputException;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.CipherDirection;
import org.lightwire.api.crypto.CryptoException;

/**
 * XTS-AES (IEEE 1619-2007, NIST SP 800-38E), which JDK 17 does not have, built on SunJCE's
 * AES-ECB: one data unit per cipher, ciphertext stealing for a last partial block. The
 * tweak is encrypted under the second key, then multiplied by α in GF(2^128) per block
 * (IEEE 1619 section 5.2; little-endian, reduction 0x87).
 */
final class XtsCipher extends WholeUnitAesCipher {

    /** IEEE 1619 section 5.1: a data unit has at most 2^20 blocks. */
    static final int MAX_UNIT = (1 << 20) * AesParameters.BLOCK;

    private static final int B = AesParameters.BLOCK;

    private final Cipher dataCipher;
    private final Cipher tweakCipher;
    private final byte[] tweak;

    XtsCipher(CipherDirection direction, byte[] key, AesParameters parameters) {
        super(parameters, direction, MAX_UNIT);
        int half = key.length / 2;
        byte[] k1 = Arrays.copyOfRange(key, 0, half);
        byte[] k2 = Arrays.copyOfRange(key, half, key.length);
        try {
            // SP 800-38E: the two keys must differ, or XTS degrades to a weaker mode
            if (MessageDigest.isEqual(k1, k2)) {
                throw new BadKeyException("AES-XTS: the two halves of the key are equal (SP 800-38E forbids it)");
            }
            this.dataCipher = Jdk.cipher("AES/ECB/NoPadding", Jdk.SUN_JCE);
            this.tweakCipher = Jdk.cipher("AES/ECB/NoPadding", Jdk.SUN_JCE);
            dataCipher.init(direction == CipherDirection.ENCRYPT ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE,
                    new SecretKeySpec(k1, "AES"));
            tweakCipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k2, "AES"));
        } catch (GeneralSecurityException e) {
            throw new BadKeyException("AES-XTS: " + e.getMessage(), e);
        } finally {
            Arrays.fill(k1, (byte) 0);
            Arrays.fill(k2, (byte) 0);
        }
        this.tweak = parameters.iv().orElseThrow();
    }

    @Override
    protected int outputGrowth() {
        return 0;
    }

    @Override
    protected int process(byte[] data, int length, byte[] out, int outOffset) {
        if (length < B) {
            throw new BadInputException("AES-XTS: a data unit needs at least 16 bytes, got " + length);
        }
        try {
            byte[] t = tweakCipher.doFinal(tweak);
            int full = length / B;
            int tail = length % B;
            // with stealing the last full block is handled together with the tail
            int plain = tail == 0 ? full : full - 1;
            byte[] work = new byte[plain * B];
            byte[] masks = new byte[plain * B];
            for (int j = 0; j < plain; j++) {
                System.arraycopy(t, 0, masks, j * B, B);
                multiplyByAlpha(t);
            }
            xor(data, 0, masks, 0, work, 0, work.length);
            dataCipher.update(work, 0, work.length, work, 0);
            xor(work, 0, masks, 0, out, outOffset, work.length);
            Arrays.fill(work, (byte) 0);
            if (tail != 0) {
                stealing(data, plain * B, tail, t, out, outOffset + plain * B);
            }
            return length;
        } catch (GeneralSecurityException e) {
            throw new CryptoException("AES-XTS: " + e.getMessage(), e);
        }
    }

    /**
     * IEEE 1619 section 5.3.2 / 5.4.2: the last full block and the partial block after it;
     * {@code t} is the tweak for the last full block. Decryption uses the two tweaks in the
     * opposite order.
     */
    private void stealing(byte[] data, int at, int tail, byte[] t, byte[] out, int outAt) throws GeneralSecurityException {
        byte[] tNext = t.clone();
        multiplyByAlpha(tNext);
        byte[] first = direction == CipherDirection.ENCRYPT ? t : tNext;
        byte[] second = direction == CipherDirection.ENCRYPT ? tNext : t;
        byte[] cc = block(data, at, first);
        byte[] pp = new byte[B];
        System.arraycopy(data, at + B, pp, 0, tail);
        System.arraycopy(cc, tail, pp, tail, B - tail);
        byte[] last = block(pp, 0, second);
        System.arraycopy(last, 0, out, outAt, B);
        System.arraycopy(cc, 0, out, outAt + B, tail);
        Arrays.fill(cc, (byte) 0);
        Arrays.fill(pp, (byte) 0);
    }

    private byte[] block(byte[] in, int at, byte[] t) throws GeneralSecurityException {
        byte[] b = new byte[B];
        xor(in, at, t, 0, b, 0, B);
        dataCipher.update(b, 0, B, b, 0);
        xor(b, 0, t, 0, b, 0, B);
        return b;
    }

    private static void xor(byte[] a, int aAt, byte[] b, int bAt, byte[] out, int outAt, int n) {
        for (int i = 0; i < n; i++) {
            out[outAt + i] = (byte) (a[aAt + i] ^ b[bAt + i]);
        }
    }

    /** t := t·α: shift the 128-bit little-endian value left by one, folding the carry with 0x87. */
    static void multiplyByAlpha(byte[] t) {
        int carry = 0;
        for (int i = 0; i < B; i++) {
            int b = t[i] & 0xff;
            t[i] = (byte) ((b << 1) | carry);
            carry = b >>> 7;
        }
        // constant time: no branch on the (secret) carry
        t[0] ^= (byte) (0x87 & -carry);
    }
}
