package org.lightwire.api.crypto;

/**
 * Ed25519 signatures (RFC 8032 section 5.1, pure EdDSA) for ssh and TLS tooling. Keys are
 * {@link KeyType#OKP} with curve {@link OkpCurve#ED25519}. Thread-safe.
 */
public interface Ed25519 {

    KeyElements generate();

    /** The key pair of a 32-byte seed (RFC 8032 section 5.1.5). */
    KeyElements fromPrivate(byte[] seed);

    /** The 64-byte signature of {@code message}. */
    byte[] sign(KeyElements privateKey, byte[] message);

    /**
     * False for a wrong, malformed, wrong-length or non-canonical (S not below the group
     * order) signature. A public key that does not decode to a point is an
     * {@link InvalidPointException}.
     */
    boolean verify(KeyElements publicKey, byte[] message, byte[] signature);
}
