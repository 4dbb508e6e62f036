package org.lightwire.crypto.jca;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.lightwire.api.crypto.BadInputException;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.CryptoException;
import org.lightwire.api.crypto.StreamCipher;

/**
 * RFC 8439 ChaCha20 (96-bit nonce, 32-bit block counter) on SunJCE. SunJCE silently wraps
 * the counter after block 2^32-1; RFC 8439 section 2.4 forbids that, so the keystream left
 * is counted here and running past it fails before any output. {@link #reset} re-initialises
 * the same {@link Cipher} (EVP_CipherInit_ex with a new IV), so only SunJCE's own init
 * allocates.
 */
final class JdkChaCha20 implements StreamCipher {

    private static final int NONCE_LENGTH = 12;

    private final Cipher cipher;
    private final SecretKeySpec key;
    /** The nonce of the last init, which SunJCE will not take again with the same key. */
    private final byte[] lastNonce = new byte[NONCE_LENGTH];
    private long remaining;

    JdkChaCha20(byte[] key, byte[] nonce, long initialCounter) {
        checkCounter(initialCounter);
        this.remaining = ((1L << 32) - initialCounter) * 64;
        this.cipher = Jdk.cipher("ChaCha20", Jdk.SUN_JCE);
        this.key = new SecretKeySpec(key, "ChaCha20");
        try {
            cipher.init(Cipher.ENCRYPT_MODE, this.key, new ChaCha20ParameterSpec(nonce, (int) initialCounter));
        } catch (GeneralSecurityException e) {
            throw new BadKeyException("ChaCha20: " + e.getMessage(), e);
        }
        System.arraycopy(nonce, 0, lastNonce, 0, NONCE_LENGTH);
    }

    private static void checkCounter(long counter) {
        if (counter < 0 || counter > 0xFFFF_FFFFL) {
            throw new BadParameterException("ChaCha20 (RFC 8439): initial counter must be 0..2^32-1, got " + counter);
        }
    }

    @Override
    public void reset(byte[] nonce, long counter) {
        if (nonce == null || nonce.length != NONCE_LENGTH) {
            throw new BadParameterException("ChaCha20 (RFC 8439): reset needs a 12-byte nonce, as at creation, got "
                    + (nonce == null ? "none" : nonce.length));
        }
        checkCounter(counter);
        try {
            if (Arrays.equals(nonce, lastNonce)) {
                // SunJCE refuses a re-init with the previous key and nonce even for another
                // counter (its guard against keystream reuse); an init with a different
                // nonce in between clears its memory of the last one
                lastNonce[0] ^= 1;
                cipher.init(Cipher.ENCRYPT_MODE, key, new ChaCha20ParameterSpec(lastNonce, 0));
            }
            cipher.init(Cipher.ENCRYPT_MODE, key, new ChaCha20ParameterSpec(nonce, (int) counter));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("ChaCha20: SunJCE refused a re-init: " + e.getMessage(), e);
        }
        System.arraycopy(nonce, 0, lastNonce, 0, NONCE_LENGTH);
        remaining = ((1L << 32) - counter) * 64;
    }

    @Override
    public void update(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        java.util.Objects.checkFromIndexSize(inOffset, length, in.length);
        java.util.Objects.checkFromIndexSize(outOffset, length, out.length);
        if (length > remaining) {
            throw new BadInputException("ChaCha20 (RFC 8439): keystream exhausted: the 32-bit block counter would wrap; "
                    + remaining + " bytes were left, " + length + " asked");
        }
        try {
            int n = cipher.update(in, inOffset, length, out, outOffset);
            if (n != length) {
                throw new CryptoException("ChaCha20: SunJCE returned " + n + " of " + length + " bytes");
            }
        } catch (ShortBufferException e) {
            throw new BadParameterException("ChaCha20: " + e.getMessage(), e);
        }
        remaining -= length;
    }
}
