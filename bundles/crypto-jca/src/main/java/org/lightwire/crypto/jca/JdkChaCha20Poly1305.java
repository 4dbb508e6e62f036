package org.lightwire.crypto.jca;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.lightwire.api.crypto.Aead;
import org.lightwire.api.crypto.AuthenticationFailedException;
import org.lightwire.api.crypto.BadInputException;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.CryptoException;

/** AEAD_CHACHA20_POLY1305 (RFC 8439 section 2.8) on SunJCE; a fresh Cipher per call. */
final class JdkChaCha20Poly1305 implements Aead {

    @Override
    public String name() {
        return "AEAD_CHACHA20_POLY1305";
    }

    @Override
    public int keyLength() {
        return 32;
    }

    @Override
    public int nonceLength() {
        return 12;
    }

    @Override
    public int tagLength() {
        return 16;
    }

    @Override
    public byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        Cipher c = init(Cipher.ENCRYPT_MODE, key, nonce, aad);
        try {
            return c.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new CryptoException(name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertextAndTag) {
        if (ciphertextAndTag.length < tagLength()) {
            throw new BadInputException(name() + ": input of " + ciphertextAndTag.length
                    + " bytes is shorter than the 16-byte tag (truncated)");
        }
        Cipher c = init(Cipher.DECRYPT_MODE, key, nonce, aad);
        try {
            // SunJCE checks the tag before it decrypts and returns nothing on failure
            return c.doFinal(ciphertextAndTag);
        } catch (AEADBadTagException e) {
            throw new AuthenticationFailedException(name() + ": tag mismatch: ciphertext, AAD, nonce or key is wrong");
        } catch (GeneralSecurityException e) {
            throw new CryptoException(name() + ": " + e.getMessage(), e);
        }
    }

    private Cipher init(int mode, byte[] key, byte[] nonce, byte[] aad) {
        if (key == null || key.length != 32) {
            throw new BadKeyException(name() + ": key must be 32 bytes, got " + (key == null ? "none" : key.length));
        }
        if (nonce == null || nonce.length != 12) {
            throw new BadParameterException(name() + ": nonce must be 12 bytes, got " + (nonce == null ? "none" : nonce.length));
        }
        Cipher c = Jdk.cipher("ChaCha20-Poly1305", Jdk.SUN_JCE);
        try {
            c.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
        } catch (GeneralSecurityException e) {
            throw new BadKeyException(name() + ": " + e.getMessage(), e);
        }
        if (aad != null && aad.length > 0) {
            c.updateAAD(aad);
        }
        return c;
    }
}
