package org.lightwire.api.crypto;

/**
 * PKCS#7 padding removed after AES-CBC or AES-ECB decryption is malformed (wrong key,
 * altered or truncated ciphertext). The final block's plaintext is not released.
 * Unauthenticated CBC is a padding oracle whatever the API does: protocols authenticate
 * the ciphertext before decrypting it.
 */
public class InvalidPaddingException extends CryptoException {

    private static final long serialVersionUID = 1L;

    public InvalidPaddingException(String message) {
        super(message);
    }
}
