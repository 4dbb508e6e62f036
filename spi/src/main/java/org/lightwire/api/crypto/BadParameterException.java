package org.lightwire.api.crypto;

/**
 * A parameter other than the key or the data is wrong: IV, nonce or tweak length, tag
 * length, counter, a mode/padding combination, a key size asked of a generator, a hash the
 * scheme does not allow, or a call the primitive does not support (AAD on CBC, say).
 */
public class BadParameterException extends CryptoException {

    private static final long serialVersionUID = 1L;

    public BadParameterException(String message) {
        super(message);
    }

    public BadParameterException(String message, Throwable cause) {
        super(message, cause);
    }
}
