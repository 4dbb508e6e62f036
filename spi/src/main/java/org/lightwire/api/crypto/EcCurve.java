package org.lightwire.api.crypto;

/** The NIST prime curves of the generic layer (FIPS 186-4 / SEC 2), cofactor 1. */
public enum EcCurve {
    P_256("P-256", "secp256r1", 32, HashAlgorithm.SHA_256),
    P_384("P-384", "secp384r1", 48, HashAlgorithm.SHA_384),
    P_521("P-521", "secp521r1", 66, HashAlgorithm.SHA_512);

    private final String jwkName;
    private final String secName;
    private final int fieldLength;
    private final HashAlgorithm naturalHash;

    EcCurve(String jwkName, String secName, int fieldLength, HashAlgorithm naturalHash) {
        this.jwkName = jwkName;
        this.secName = secName;
        this.fieldLength = fieldLength;
        this.naturalHash = naturalHash;
    }

    /** The JWK {@code crv} name ("P-256"), also the CRV key element. */
    public String jwkName() {
        return jwkName;
    }

    /** The SEC 2 name ("secp256r1"). */
    public String secName() {
        return secName;
    }

    /** Bytes of a coordinate or private scalar, fixed (left-padded with zeros). */
    public int fieldLength() {
        return fieldLength;
    }

    /** The hash ES256/ES384/ES512 pair with this curve. */
    public HashAlgorithm naturalHash() {
        return naturalHash;
    }

    /** The curve of a JWK {@code crv} name; {@link BadKeyException} if not one of ours. */
    public static EcCurve ofJwkName(String name) {
        for (EcCurve c : values()) {
            if (c.jwkName.equals(name)) {
                return c;
            }
        }
        throw new BadKeyException("EC: unsupported curve '" + name + "' (supported: P-256, P-384, P-521)");
    }
}
