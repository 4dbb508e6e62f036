package org.lightwire.api.crypto;

/**
 * An elliptic-curve public key is not a valid point: off the curve, the point at infinity,
 * coordinates outside the field, or (X25519) a small-order point that yields an all-zero
 * shared secret. Raised on import and on every use of a peer's key, so invalid-curve and
 * small-subgroup attacks fail before any secret is touched.
 */
public class InvalidPointException extends BadKeyException {

    private static final long serialVersionUID = 1L;

    public InvalidPointException(String message) {
        super(message);
    }

    public InvalidPointException(String message, Throwable cause) {
        super(message, cause);
    }
}
