package org.lightwire.api.crypto;

/**
 * A key is unusable for the operation: wrong size for the algorithm, wrong key type,
 * missing or malformed elements, a public key where a private one is needed, a destroyed
 * key.
 */
public class BadKeyException extends CryptoException {

    private static final long serialVersionUID = 1L;

    public BadKeyException(String message) {
        super(message);
    }

    public BadKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
