package org.lightwire.api.crypto;

/** RSA signature schemes (RFC 8017 section 8). */
public enum RsaSignatureScheme {
    /** RSASSA-PKCS1-v1_5 (JWS RS256/384/512). */
    PKCS1_V1_5,
    /** RSASSA-PSS with MGF1 on the same hash and a salt as long as the hash (JWS PS256/384/512). */
    PSS
}
