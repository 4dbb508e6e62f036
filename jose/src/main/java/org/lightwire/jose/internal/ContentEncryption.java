package org.lightwire.jose.internal;

import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.jose.EncryptionMethod;
import org.lightwire.jose.JweDecryptionException;

/**
 * One JWE content encryption algorithm at work (RFC 7516 section 5.1 steps 15-16, section
 * 5.2 step 16): authenticated encryption of the plaintext under the CEK with the JWE AAD.
 * Stateless; the backend does the primitives.
 */
public abstract class ContentEncryption {

    /** The ciphertext and the authentication tag. */
    public record Sealed(byte[] ciphertext, byte[] tag) {
    }

    /** The implementation for {@code method}. */
    public static ContentEncryption of(EncryptionMethod method) {
        return method.isGcm() ? new ContentEncryptionGcm(method) : new ContentEncryptionCbcHmac(method);
    }

    protected final EncryptionMethod method;

    protected ContentEncryption(EncryptionMethod method) {
        this.method = method;
    }

    public EncryptionMethod method() {
        return method;
    }

    /** Encrypts; {@code cek} and {@code iv} have the method's lengths (checked). */
    public final Sealed encrypt(CryptoBackend backend, byte[] cek, byte[] iv, byte[] aad, byte[] plaintext) {
        checkLengths(cek, iv);
        return seal(backend, cek, iv, aad, plaintext);
    }

    /**
     * Decrypts, releasing no plaintext unless the tag verifies. A tag of the wrong length, a
     * tag that does not verify and (for CBC) bad padding behind a valid tag are all one
     * {@link JweDecryptionException}; an IV of the wrong length too (it is covered by the tag,
     * so a wrong one is tampering).
     */
    public final byte[] decrypt(CryptoBackend backend, byte[] cek, byte[] iv, byte[] aad, byte[] ciphertext, byte[] tag) {
        if (cek.length != method.cekLength()) {
            throw new JweDecryptionException("JWE: the content encryption key has " + cek.length * 8 + " bits, "
                    + method.jwaName() + " needs " + method.cekLength() * 8);
        }
        if (iv.length != method.ivLength()) {
            throw new JweDecryptionException("JWE: the IV has " + iv.length + " bytes, " + method.jwaName() + " needs "
                    + method.ivLength());
        }
        if (tag.length != method.tagLength()) {
            throw new JweDecryptionException("JWE: the authentication tag has " + tag.length + " bytes, " + method.jwaName()
                    + " needs " + method.tagLength() + " (truncated or extended tag)");
        }
        return open(backend, cek, iv, aad, ciphertext, tag);
    }

    protected abstract Sealed seal(CryptoBackend backend, byte[] cek, byte[] iv, byte[] aad, byte[] plaintext);

    protected abstract byte[] open(CryptoBackend backend, byte[] cek, byte[] iv, byte[] aad, byte[] ciphertext, byte[] tag);

    private void checkLengths(byte[] cek, byte[] iv) {
        if (cek.length != method.cekLength()) {
            throw new IllegalArgumentException(method.jwaName() + ": CEK must be " + method.cekLength() + " bytes, got " + cek.length);
        }
        if (iv.length != method.ivLength()) {
            throw new IllegalArgumentException(method.jwaName() + ": IV must be " + method.ivLength() + " bytes, got " + iv.length);
        }
    }

    /** The one failure message: which check failed is not told (no padding or MAC oracle). */
    static JweDecryptionException failed(EncryptionMethod method) {
        return new JweDecryptionException("JWE: " + method.jwaName() + " authentication failed");
    }
}
