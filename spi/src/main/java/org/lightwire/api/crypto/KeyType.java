package org.lightwire.api.crypto;

/**
 * The kinds of key the generic layer holds as {@link KeyElements} (lws
 * {@code enum lws_gencrypto_kty} and the JWK {@code kty}), with their element counts.
 */
public enum KeyType {
    /** A symmetric key: one element, K. */
    OCT("oct", 1),
    /** RSA: E, N, D, P, Q, DP, DQ, QI (lws {@code LWS_GENCRYPTO_RSA_KEYEL_*}). */
    RSA("RSA", 8),
    /** NIST curves: CRV, X, D, Y (lws {@code LWS_GENCRYPTO_EC_KEYEL_*}). */
    EC("EC", 4),
    /** RFC 8037 octet key pairs (X25519, Ed25519): CRV, X, D. */
    OKP("OKP", 3);

    private final String jwkName;
    private final int elementCount;

    KeyType(String jwkName, int elementCount) {
        this.jwkName = jwkName;
        this.elementCount = elementCount;
    }

    /** The JWK {@code kty} value. */
    public String jwkName() {
        return jwkName;
    }

    public int elementCount() {
        return elementCount;
    }
}
