package org.lightwire.jose;

/**
 * A JWS signature (or MAC) does not verify with any key tried, including one of the wrong
 * length (a truncated signature).
 */
public class InvalidSignatureException extends JoseException {

    private static final long serialVersionUID = 1L;

    public InvalidSignatureException(String message) {
        super(message);
    }

    public InvalidSignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
