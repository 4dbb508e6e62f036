package org.lightwire.jose;

import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.KeyType;
import org.lightwire.api.crypto.OkpCurve;

/**
 * The JWS algorithms (RFC 7518 section 3, RFC 8037 section 3.1; lws' JWS table), grouped by
 * family, each knowing the hash and key it needs. {@code ES512} is also read under lws'
 * name {@code ES521}. {@link #NONE} exists so it can be recognised and refused; a
 * {@link JosePolicy} must allow it explicitly.
 */
public enum JwsAlgorithm implements JoseAlgorithm {
    HS256("HS256", Family.HMAC, HashAlgorithm.SHA_256, null),
    HS384("HS384", Family.HMAC, HashAlgorithm.SHA_384, null),
    HS512("HS512", Family.HMAC, HashAlgorithm.SHA_512, null),
    RS256("RS256", Family.RSA_PKCS1, HashAlgorithm.SHA_256, null),
    RS384("RS384", Family.RSA_PKCS1, HashAlgorithm.SHA_384, null),
    RS512("RS512", Family.RSA_PKCS1, HashAlgorithm.SHA_512, null),
    PS256("PS256", Family.RSA_PSS, HashAlgorithm.SHA_256, null),
    PS384("PS384", Family.RSA_PSS, HashAlgorithm.SHA_384, null),
    PS512("PS512", Family.RSA_PSS, HashAlgorithm.SHA_512, null),
    ES256("ES256", Family.ECDSA, HashAlgorithm.SHA_256, EcCurve.P_256),
    ES384("ES384", Family.ECDSA, HashAlgorithm.SHA_384, EcCurve.P_384),
    ES512("ES512", Family.ECDSA, HashAlgorithm.SHA_512, EcCurve.P_521),
    EDDSA("EdDSA", Family.EDDSA, null, null),
    /** Unsecured JWS (RFC 7515 appendix A.5): no signature. Refused unless allowed explicitly. */
    NONE("none", Family.NONE, null, null);

    /** The kinds of signature, each with its key type. */
    public enum Family {
        HMAC(KeyType.OCT), RSA_PKCS1(KeyType.RSA), RSA_PSS(KeyType.RSA), ECDSA(KeyType.EC), EDDSA(KeyType.OKP), NONE(null);

        private final KeyType keyType;

        Family(KeyType keyType) {
            this.keyType = keyType;
        }

        /** The {@code kty} its keys have; null for none. */
        public KeyType keyType() {
            return keyType;
        }
    }

    private final String jwaName;
    private final Family family;
    private final HashAlgorithm hash;
    private final EcCurve curve;

    JwsAlgorithm(String jwaName, Family family, HashAlgorithm hash, EcCurve curve) {
        this.jwaName = jwaName;
        this.family = family;
        this.hash = hash;
        this.curve = curve;
    }

    @Override
    public String jwaName() {
        return jwaName;
    }

    @Override
    public KeyUse keyUse() {
        return KeyUse.SIGNATURE;
    }

    public Family family() {
        return family;
    }

    /** The hash (HMAC, RSA, ECDSA); null for EdDSA and none. */
    public HashAlgorithm hash() {
        return hash;
    }

    /** The curve ECDSA algorithms require (RFC 7518 section 3.4); null for others. */
    public EcCurve curve() {
        return curve;
    }

    /** Length of a signature for ECDSA (R||S) and HMAC; 0 when it depends on the key (RSA) or for none; 64 for EdDSA. */
    public int fixedSignatureLength() {
        return switch (family) {
            case HMAC -> hash.digestLength();
            case ECDSA -> 2 * curve.fieldLength();
            case EDDSA -> 64;
            default -> 0;
        };
    }

    /** The algorithm of a header's {@code alg}, accepting {@code ES521} for ES512; {@link AlgorithmRejectedException} if unknown. */
    public static JwsAlgorithm ofJwaName(String name) {
        for (JwsAlgorithm a : values()) {
            if (a.jwaName.equals(name)) {
                return a;
            }
        }
        if ("ES521".equals(name)) {
            return ES512;
        }
        throw new AlgorithmRejectedException("JWS: unknown or unsupported \"alg\" \"" + name + "\"");
    }

    /**
     * Whether a key's {@code alg} member names this algorithm (also lws' {@code ES521} for
     * ES512).
     */
    public boolean isNamed(String name) {
        return jwaName.equals(name) || (this == ES512 && "ES521".equals(name));
    }

    @Override
    public String keyMismatch(Jwk key) {
        if (family == Family.NONE) {
            return "\"none\" takes no key";
        }
        if (key.keyType() != family.keyType) {
            return jwaName + " needs a " + family.keyType.jwkName() + " key, not " + key.keyType().jwkName();
        }
        switch (family) {
            case HMAC:
                // RFC 7518 section 3.2: a key at least as long as the hash output
                if (key.bits() < hash.digestLength() * 8) {
                    return jwaName + " needs a key of at least " + hash.digestLength() * 8 + " bits, this one has " + key.bits();
                }
                return null;
            case ECDSA:
                EcCurve c = key.ecCurve().orElseThrow();
                return c == curve ? null : jwaName + " needs a " + curve.jwkName() + " key, not " + c.jwkName();
            case EDDSA:
                OkpCurve o = key.okpCurve().orElseThrow();
                return o == OkpCurve.ED25519 ? null : "EdDSA needs an Ed25519 key, not " + o.jwkName();
            default:
                return null;
        }
    }

    @Override
    public String toString() {
        return jwaName;
    }
}
