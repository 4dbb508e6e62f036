package org.lightwire.api.crypto;

/**
 * X25519 key agreement (RFC 7748) for ssh and TLS tooling. Keys are {@link KeyType#OKP}
 * with curve {@link OkpCurve#X25519}. Thread-safe.
 */
public interface X25519 {

    KeyElements generate();

    /** The key pair of a 32-byte private scalar (clamped when used, RFC 7748 section 5). */
    KeyElements fromPrivate(byte[] scalar);

    /**
     * The 32-byte shared secret. A peer key that gives the all-zero secret (a small-order
     * point, RFC 7748 section 6.1) is an {@link InvalidPointException}.
     */
    byte[] agree(KeyElements privateKey, KeyElements peerPublicKey);
}
