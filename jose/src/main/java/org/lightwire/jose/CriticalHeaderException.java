package org.lightwire.jose;

/**
 * A {@code crit} header (RFC 7515 section 4.1.11) is malformed or names an extension the
 * recipient does not understand, so the object must be rejected.
 */
public class CriticalHeaderException extends JoseException {

    private static final long serialVersionUID = 1L;

    public CriticalHeaderException(String message) {
        super(message);
    }

    public CriticalHeaderException(String message, Throwable cause) {
        super(message, cause);
    }
}
