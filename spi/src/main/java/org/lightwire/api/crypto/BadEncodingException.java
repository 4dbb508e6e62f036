package org.lightwire.api.crypto;

/**
 * A PEM, DER or other encoded structure (certificate, private key, CSR, signature) is
 * malformed, truncated, has trailing data, is of an unexpected kind, or is an encrypted
 * private key (not supported). The message names the structure and the offending part.
 */
public class BadEncodingException extends CryptoException {

    private static final long serialVersionUID = 1L;

    public BadEncodingException(String message) {
        super(message);
    }

    public BadEncodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
