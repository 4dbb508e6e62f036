package org.lightwire.api.crypto;

/** RSA encryption schemes (RFC 8017 section 7; lws {@code enum enum_genrsa_mode}). */
public enum RsaEncryption {
    /** RSAES-PKCS1-v1_5: legacy, for JWE RSA1_5 and old protocols; decryption has no oracle. */
    PKCS1_V1_5,
    /** RSAES-OAEP with SHA-1 and MGF1-SHA-1, empty label (JWE RSA-OAEP). */
    OAEP_SHA1,
    /** RSAES-OAEP with SHA-256 and MGF1-SHA-256, empty label (JWE RSA-OAEP-256). */
    OAEP_SHA256
}
