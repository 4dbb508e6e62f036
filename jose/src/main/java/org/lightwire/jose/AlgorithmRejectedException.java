package org.lightwire.jose;

/**
 * The policy refuses an algorithm or an algorithm/key pairing: not in the allow-list,
 * {@code none} without explicit permission, or a key whose {@code kty}, curve, size,
 * {@code alg}, {@code use} or {@code key_ops} does not fit (algorithm confusion, e.g. HMAC
 * keyed with an RSA public key).
 */
public class AlgorithmRejectedException extends JoseException {

    private static final long serialVersionUID = 1L;

    public AlgorithmRejectedException(String message) {
        super(message);
    }

    public AlgorithmRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
