package org.lightwire.crypto.jca;

import java.security.GeneralSecurityException;
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
 * is counted here and running past it fails before any output.
 */
final class JdkChaCha20 implements StreamCipher {

    private final Cipher cipher;
    private long remaining;

    JdkChaCha20(byte[] key, byte[] nonce, long initialCounter) {
        if (initialCounter < 0 || initialCounter > 0xFFFF_FFFFL) {
            throw new BadParameterException("ChaCha20 (RFC 8439): initial counter must be 0..2^32-1, got " + initialCounter);
        }
        this.remaining = ((1L << 32) - initialCounter) * 64;
        this.cipher = Jdk.cipher("ChaCha20", Jdk.SUN_JCE);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"),
                    new ChaCha20ParameterSpec(nonce, (int) initialCounter));
        } catch (GeneralSecurityException e) {
            throw new BadKeyException("ChaCha20: " + e.getMessage(), e);
        }
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
