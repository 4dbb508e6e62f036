package org.lightwire.api.crypto;

/**
 * The data has a length the operation cannot take: a truncated ciphertext, a length that
 * is not a whole number of blocks where the mode needs that, too little data for XTS or
 * key wrap, a message too long for the RSA key, an exhausted stream-cipher counter.
 */
public class BadInputException extends CryptoException {

    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
