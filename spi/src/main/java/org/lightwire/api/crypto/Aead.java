package org.lightwire.api.crypto;

/**
 * A one-shot authenticated cipher with associated data (RFC 5116 interface), such as
 * ChaCha20-Poly1305 (RFC 8439 section 2.8). Thread-safe: it holds no key.
 */
public interface Aead {

    /** The RFC 5116 / IANA name, e.g. "AEAD_CHACHA20_POLY1305". */
    String name();

    int keyLength();

    int nonceLength();

    int tagLength();

    /** Ciphertext followed by the tag. */
    byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext);

    /**
     * The plaintext of ciphertext-then-tag; {@link AuthenticationFailedException} (and no
     * plaintext) if the tag does not verify; {@link BadInputException} if shorter than a tag.
     */
    byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertextAndTag);
}
