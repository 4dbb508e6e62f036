package org.lightwire.crypto.bc;

import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.lightwire.api.crypto.Aead;
import org.lightwire.api.crypto.AuthenticationFailedException;
import org.lightwire.api.crypto.BadInputException;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.BadParameterException;

/**
 * AEAD_CHACHA20_POLY1305 (RFC 8439 section 2.8) on BC's {@link ChaCha20Poly1305}. Opening
 * decrypts into a scratch array that is zeroed unless the tag verified.
 */
final class BcChaCha20Poly1305 implements Aead {

    private static final int KEY = 32;
    private static final int NONCE = 12;
    private static final int TAG = 16;

    @Override
    public String name() {
        return "AEAD_CHACHA20_POLY1305";
    }

    @Override
    public int keyLength() {
        return KEY;
    }

    @Override
    public int nonceLength() {
        return NONCE;
    }

    @Override
    public int tagLength() {
        return TAG;
    }

    @Override
    public byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        ChaCha20Poly1305 c = init(true, key, nonce, aad);
        byte[] out = new byte[plaintext.length + TAG];
        try {
            int n = c.processBytes(plaintext, 0, plaintext.length, out, 0);
            c.doFinal(out, n);
            return out;
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("ChaCha20-Poly1305: encryption cannot fail authentication", e);
        }
    }

    @Override
    public byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertextAndTag) {
        Objects.requireNonNull(ciphertextAndTag, "ciphertextAndTag");
        ChaCha20Poly1305 c = init(false, key, nonce, aad);
        if (ciphertextAndTag.length < TAG) {
            throw new BadInputException("ChaCha20-Poly1305: " + ciphertextAndTag.length + " bytes of input cannot hold the 16-byte tag");
        }
        byte[] scratch = new byte[ciphertextAndTag.length - TAG];
        boolean ok = false;
        try {
            int n = c.processBytes(ciphertextAndTag, 0, ciphertextAndTag.length, scratch, 0);
            c.doFinal(scratch, n);
            ok = true;
            return scratch;
        } catch (InvalidCipherTextException e) {
            throw new AuthenticationFailedException("ChaCha20-Poly1305: tag mismatch; ciphertext, AAD, nonce or key is wrong");
        } finally {
            if (!ok) {
                Arrays.fill(scratch, (byte) 0);
            }
        }
    }

    private static ChaCha20Poly1305 init(boolean encrypt, byte[] key, byte[] nonce, byte[] aad) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(nonce, "nonce");
        if (key.length != KEY) {
            throw new BadKeyException("ChaCha20-Poly1305: key must be 32 bytes, got " + key.length);
        }
        if (nonce.length != NONCE) {
            throw new BadParameterException("ChaCha20-Poly1305: nonce must be 12 bytes, got " + nonce.length);
        }
        ChaCha20Poly1305 c = new ChaCha20Poly1305();
        c.init(encrypt, new AEADParameters(new KeyParameter(key), TAG * 8, nonce, aad == null ? null : aad.clone()));
        return c;
    }
}
