package org.lightwire.jose;

import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.KeyType;
import org.lightwire.api.crypto.OkpCurve;
import org.lightwire.api.crypto.RsaEncryption;

/**
 * The JWE key management algorithms, the header's {@code alg} (RFC 7518 section 4; lws' JWE
 * "key encryption" column, plus RSA-OAEP-256, AES-GCM key wrap and X25519 ECDH-ES from RFC
 * 8037), grouped by family, each knowing the key it needs. How the content encryption key
 * (CEK) reaches the recipient: encrypted to an RSA key, wrapped with a shared AES key, agreed
 * with ECDH-ES (directly or then wrapped), or the shared key itself ({@code dir}).
 */
public enum JweAlgorithm implements JoseAlgorithm {
    /** RSAES-PKCS1-v1_5 (legacy; decryption uses implicit rejection, RFC 7516 section 11.5). */
    RSA1_5("RSA1_5", Family.RSA, 0),
    /** RSAES-OAEP with SHA-1 and MGF1-SHA-1. */
    RSA_OAEP("RSA-OAEP", Family.RSA, 0),
    /** RSAES-OAEP with SHA-256 and MGF1-SHA-256. */
    RSA_OAEP_256("RSA-OAEP-256", Family.RSA, 0),
    A128KW("A128KW", Family.AES_KW, 16),
    A192KW("A192KW", Family.AES_KW, 24),
    A256KW("A256KW", Family.AES_KW, 32),
    A128GCMKW("A128GCMKW", Family.AES_GCM_KW, 16),
    A192GCMKW("A192GCMKW", Family.AES_GCM_KW, 24),
    A256GCMKW("A256GCMKW", Family.AES_GCM_KW, 32),
    /** The shared symmetric key is the CEK. */
    DIR("dir", Family.DIRECT, 0),
    /** ECDH-ES with the Concat KDF output as the CEK. */
    ECDH_ES("ECDH-ES", Family.ECDH_ES, 0),
    ECDH_ES_A128KW("ECDH-ES+A128KW", Family.ECDH_ES_KW, 16),
    ECDH_ES_A192KW("ECDH-ES+A192KW", Family.ECDH_ES_KW, 24),
    ECDH_ES_A256KW("ECDH-ES+A256KW", Family.ECDH_ES_KW, 32);

    /** The kinds of key management (RFC 7518 section 4.1's "Key Management Mode"). */
    public enum Family {
        RSA, AES_KW, AES_GCM_KW, DIRECT, ECDH_ES, ECDH_ES_KW
    }

    private final String jwaName;
    private final Family family;
    private final int wrapKeyLength;

    JweAlgorithm(String jwaName, Family family, int wrapKeyLength) {
        this.jwaName = jwaName;
        this.family = family;
        this.wrapKeyLength = wrapKeyLength;
    }

    @Override
    public String jwaName() {
        return jwaName;
    }

    @Override
    public KeyUse keyUse() {
        return KeyUse.ENCRYPTION;
    }

    public Family family() {
        return family;
    }

    /** Bytes of the AES key-wrapping key (the shared key, or the ECDH-ES derived key); 0 otherwise. */
    public int wrapKeyLength() {
        return wrapKeyLength;
    }

    /** The RSA scheme of an RSA algorithm; null for the others. */
    public RsaEncryption rsaEncryption() {
        return switch (this) {
            case RSA1_5 -> RsaEncryption.PKCS1_V1_5;
            case RSA_OAEP -> RsaEncryption.OAEP_SHA1;
            case RSA_OAEP_256 -> RsaEncryption.OAEP_SHA256;
            default -> null;
        };
    }

    /**
     * Whether the CEK comes from the key management itself ({@code dir}, {@code ECDH-ES}), so
     * the JWE can have only this one recipient and its encrypted key is empty.
     */
    public boolean determinesCek() {
        return family == Family.DIRECT || family == Family.ECDH_ES;
    }

    /** The key operation a recipient's key performs ({@code key_ops}) to recover the CEK. */
    public KeyOperation decryptOperation() {
        return switch (family) {
            case DIRECT -> KeyOperation.DECRYPT;
            case ECDH_ES, ECDH_ES_KW -> KeyOperation.DERIVE_KEY;
            default -> KeyOperation.UNWRAP_KEY;
        };
    }

    /** The key operation a sender's key performs to deliver the CEK. */
    public KeyOperation encryptOperation() {
        return switch (family) {
            case DIRECT -> KeyOperation.ENCRYPT;
            case ECDH_ES, ECDH_ES_KW -> KeyOperation.DERIVE_KEY;
            default -> KeyOperation.WRAP_KEY;
        };
    }

    /** The algorithm of a header's {@code alg}; {@link AlgorithmRejectedException} if unknown. */
    public static JweAlgorithm ofJwaName(String name) {
        for (JweAlgorithm a : values()) {
            if (a.jwaName.equals(name)) {
                return a;
            }
        }
        throw new AlgorithmRejectedException("JWE: unknown or unsupported \"alg\" \"" + name + "\"");
    }

    /**
     * Why {@code key} cannot serve this algorithm: RSA for the RSA family, an oct key of
     * {@link #wrapKeyLength()} bytes for AES key wrap, an oct key for {@code dir} (its length
     * is checked against the {@code enc}), an EC P-256/384/521 or X25519 key for ECDH-ES.
     */
    @Override
    public String keyMismatch(Jwk key) {
        switch (family) {
            case RSA:
                return key.keyType() == KeyType.RSA ? null : jwaName + " needs an RSA key, not " + key.keyType().jwkName();
            case AES_KW:
            case AES_GCM_KW:
                if (key.keyType() != KeyType.OCT) {
                    return jwaName + " needs an oct key, not " + key.keyType().jwkName();
                }
                int bytes = key.elements().element(KeyElements.OCT_K).length;
                return bytes == wrapKeyLength ? null
                        : jwaName + " needs a " + wrapKeyLength * 8 + "-bit key, this one has " + bytes * 8 + " bits";
            case DIRECT:
                return key.keyType() == KeyType.OCT ? null : "dir needs an oct key, not " + key.keyType().jwkName();
            default:
                if (key.keyType() == KeyType.EC) {
                    EcCurve c = key.ecCurve().orElseThrow();
                    return c == EcCurve.P_256 || c == EcCurve.P_384 || c == EcCurve.P_521 ? null
                            : jwaName + " cannot use curve " + c.jwkName();
                }
                if (key.keyType() == KeyType.OKP) {
                    OkpCurve c = key.okpCurve().orElseThrow();
                    return c == OkpCurve.X25519 ? null : jwaName + " needs an X25519 key, not " + c.jwkName();
                }
                return jwaName + " needs an EC or OKP (X25519) key, not " + key.keyType().jwkName();
        }
    }

    @Override
    public String toString() {
        return jwaName;
    }
}
