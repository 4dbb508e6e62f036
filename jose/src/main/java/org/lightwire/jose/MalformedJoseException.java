package org.lightwire.jose;

/**
 * The input is not well-formed JOSE: bad JSON (including duplicate member names), bad
 * base64url (padding, characters outside the URL-safe alphabet, non-canonical trailing
 * bits), the wrong number of compact parts, a missing or mistyped member.
 */
public class MalformedJoseException extends JoseException {

    private static final long serialVersionUID = 1L;

    public MalformedJoseException(String message) {
        super(message);
    }

    public MalformedJoseException(String message, Throwable cause) {
        super(message, cause);
    }
}
