package org.lightwire.crypto.jca;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.lightwire.api.crypto.AesParameters;
import org.lightwire.api.crypto.AuthenticationFailedException;
import org.lightwire.api.crypto.BadInputException;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.CipherDirection;
import org.lightwire.api.crypto.CryptoException;

/**
 * AES key wrap (RFC 3394, default IV) on SunJCE's {@code AES/KW/NoPadding}, with the
 * length rules checked here first so errors say which rule was broken.
 */
final class KeyWrapCipher extends WholeUnitAesCipher {

    /** Key wrap is for keys; a megabyte is far beyond any key and bounds the buffering. */
    static final int MAX_INPUT = 1 << 20;

    private final Cipher cipher;

    KeyWrapCipher(CipherDirection direction, byte[] key, AesParameters parameters) {
        super(parameters, direction, MAX_INPUT);
        this.cipher = Jdk.cipher("AES/KW/NoPadding", Jdk.SUN_JCE);
        try {
            cipher.init(direction == CipherDirection.ENCRYPT ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE,
                    new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new BadKeyException("AES-KW: " + e.getMessage(), e);
        }
    }

    @Override
    protected int outputGrowth() {
        return direction == CipherDirection.ENCRYPT ? 8 : -8;
    }

    @Override
    protected int process(byte[] data, int length, byte[] out, int outOffset) {
        int min = direction == CipherDirection.ENCRYPT ? 16 : 24;
        if (length % 8 != 0 || length < min) {
            throw new BadInputException("AES-KW: " + (direction == CipherDirection.ENCRYPT ? "key data" : "wrapped data")
                    + " must be a multiple of 8 bytes and at least " + min + ", got " + length);
        }
        try {
            byte[] result = cipher.doFinal(data, 0, length);
            System.arraycopy(result, 0, out, outOffset, result.length);
            Arrays.fill(result, (byte) 0);
            return result.length;
        } catch (GeneralSecurityException e) {
            if (direction == CipherDirection.DECRYPT) {
                // lengths were checked above: SunJCE's only remaining unwrap failure is the
                // integrity check, reported as BadPadding- or IllegalBlockSizeException by release
                throw new AuthenticationFailedException("AES-KW: integrity check failed: wrong key-encryption key or altered data");
            }
            throw new CryptoException("AES-KW: " + e.getMessage(), e);
        }
    }
}
