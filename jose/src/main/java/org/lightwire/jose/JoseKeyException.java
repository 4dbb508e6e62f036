package org.lightwire.jose;

/**
 * A key is unusable: malformed or inconsistent JWK members, an EC or OKP public key that is
 * not a valid point (invalid-curve attacks, the cause is then an
 * {@link org.lightwire.api.crypto.InvalidPointException}), a public key where a private one
 * is needed, a destroyed key.
 */
public class JoseKeyException extends JoseException {

    private static final long serialVersionUID = 1L;

    public JoseKeyException(String message) {
        super(message);
    }

    public JoseKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
