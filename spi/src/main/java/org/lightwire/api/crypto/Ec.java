package org.lightwire.api.crypto;

/**
 * ECDSA and ECDH on P-256, P-384 and P-521 (lws {@code lws_genecdsa_*},
 * {@code lws_genecdh_*}). Keys are {@link KeyType#EC} {@link KeyElements}. Every public key
 * — imported, or a peer's in {@link #agree} — is validated before use: a point off the
 * curve, coordinates not below the field prime, or the point at infinity is an
 * {@link InvalidPointException} (the curves have cofactor 1, so there are no other
 * small-order points). A private scalar outside 1..n-1 is a {@link BadKeyException}.
 * Thread-safe.
 */
public interface Ec {

    /** A new key pair on {@code curve} with all four elements. */
    KeyElements generate(EcCurve curve);

    /**
     * Validates a key as every operation does (point on the curve, scalar in range) and for a
     * private key also that X, Y are D times the base point.
     */
    void check(KeyElements key);

    /** ECDSA over {@code message}, hashed with {@code hash} (any hash may go with any curve). */
    byte[] sign(HashAlgorithm hash, KeyElements privateKey, byte[] message, EcdsaFormat format);

    /**
     * Verifies an ECDSA signature; false for a wrong signature, a malformed or non-strict
     * encoding, or R or S out of range. An invalid public key is an
     * {@link InvalidPointException}.
     */
    boolean verify(HashAlgorithm hash, KeyElements publicKey, byte[] message, byte[] signature, EcdsaFormat format);

    /**
     * ECDH: the shared secret, the X coordinate of D·peer, {@link EcCurve#fieldLength()}
     * bytes. The keys must be on the same curve ({@link BadKeyException}); the peer's point
     * is validated ({@link InvalidPointException}).
     */
    byte[] agree(KeyElements privateKey, KeyElements peerPublicKey);
}
