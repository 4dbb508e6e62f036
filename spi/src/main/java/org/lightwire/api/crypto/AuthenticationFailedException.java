package org.lightwire.api.crypto;

/**
 * Authenticated decryption rejected its input: the AES-GCM or ChaCha20-Poly1305 tag does
 * not match, or an AES key-wrap integrity check failed. Ciphertext, AAD, nonce or key are
 * wrong or were altered. No plaintext was released.
 */
public class AuthenticationFailedException extends CryptoException {

    private static final long serialVersionUID = 1L;

    public AuthenticationFailedException(String message) {
        super(message);
    }

    public AuthenticationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
