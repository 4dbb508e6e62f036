package org.lightwire.jose;

/**
 * A JOSE algorithm identifier (RFC 7518): a JWS signature algorithm, a JWE key management or
 * content encryption algorithm. What a {@link JosePolicy} allows, and what decides whether a
 * key fits — so the rules against algorithm confusion live with the algorithm.
 */
public interface JoseAlgorithm {

    /** The registered name ({@code "RS256"}, {@code "EdDSA"}, {@code "RSA-OAEP-256"}). */
    String jwaName();

    /** What keys for this algorithm are used for (a key's {@code use} must match). */
    KeyUse keyUse();

    /**
     * Why {@code key} cannot serve this algorithm (wrong {@code kty}, curve or size), or null
     * if it can. {@code key} is only inspected, never used.
     */
    String keyMismatch(Jwk key);
}
