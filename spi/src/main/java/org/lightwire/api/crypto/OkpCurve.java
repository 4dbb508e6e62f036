package org.lightwire.api.crypto;

/** The RFC 8037 octet-key-pair curves: X25519 (RFC 7748) and Ed25519 (RFC 8032). */
public enum OkpCurve {
    X25519("X25519"),
    ED25519("Ed25519");

    private final String jwkName;

    OkpCurve(String jwkName) {
        this.jwkName = jwkName;
    }

    /** The JWK {@code crv} name, also the CRV key element. */
    public String jwkName() {
        return jwkName;
    }

    /** Bytes of a public or private key: 32 for both. */
    public int keyLength() {
        return 32;
    }

    /** The curve of a JWK {@code crv} name; {@link BadKeyException} if not one of ours. */
    public static OkpCurve ofJwkName(String name) {
        for (OkpCurve c : values()) {
            if (c.jwkName.equals(name)) {
                return c;
            }
        }
        throw new BadKeyException("OKP: unsupported curve '" + name + "' (supported: X25519, Ed25519)");
    }
}
