package org.lightwire.api.crypto;

/** How an ECDSA signature is encoded. */
public enum EcdsaFormat {
    /** R then S, each {@link EcCurve#fieldLength()} bytes big-endian (JWS, RFC 7518 section 3.4). */
    CONCATENATED,
    /** DER SEQUENCE of two INTEGERs (X.509, TLS, RFC 3279); verification accepts strict DER only. */
    DER
}
