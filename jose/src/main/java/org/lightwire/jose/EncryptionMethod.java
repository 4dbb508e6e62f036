package org.lightwire.jose;

import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.KeyType;

/**
 * The JWE content encryption algorithms, the header's {@code enc} (RFC 7518 section 5; lws'
 * JWE "payload authentication + crypt" column): AES-CBC with HMAC-SHA2 (section 5.2) and
 * AES-GCM (section 5.3). Each knows its content encryption key (CEK), IV and tag lengths. A
 * {@link JosePolicy} must allow an {@code enc} as well as the {@code alg} before anything is
 * decrypted with it; for {@code dir} the key is checked against the {@code enc}.
 */
public enum EncryptionMethod implements JoseAlgorithm {
    A128CBC_HS256("A128CBC-HS256", 32, 16, 16, HashAlgorithm.SHA_256),
    A192CBC_HS384("A192CBC-HS384", 48, 16, 24, HashAlgorithm.SHA_384),
    A256CBC_HS512("A256CBC-HS512", 64, 16, 32, HashAlgorithm.SHA_512),
    A128GCM("A128GCM", 16, 12, 16, null),
    A192GCM("A192GCM", 24, 12, 16, null),
    A256GCM("A256GCM", 32, 12, 16, null);

    private final String jwaName;
    private final int cekLength;
    private final int ivLength;
    private final int tagLength;
    private final HashAlgorithm macHash;

    EncryptionMethod(String jwaName, int cekLength, int ivLength, int tagLength, HashAlgorithm macHash) {
        this.jwaName = jwaName;
        this.cekLength = cekLength;
        this.ivLength = ivLength;
        this.tagLength = tagLength;
        this.macHash = macHash;
    }

    @Override
    public String jwaName() {
        return jwaName;
    }

    @Override
    public KeyUse keyUse() {
        return KeyUse.ENCRYPTION;
    }

    /** Bytes of the CEK: for CBC-HMAC the MAC key and the AES key together (RFC 7518 section 5.2.2.1). */
    public int cekLength() {
        return cekLength;
    }

    /** Bytes of the IV: 16 for CBC, 12 for GCM (RFC 7518 sections 5.2.2.1 and 5.3). */
    public int ivLength() {
        return ivLength;
    }

    /** Bytes of the authentication tag: half the HMAC output for CBC-HMAC, 16 for GCM. */
    public int tagLength() {
        return tagLength;
    }

    /** Whether this is an AES-GCM method (else AES-CBC with HMAC-SHA2). */
    public boolean isGcm() {
        return macHash == null;
    }

    /** The HMAC hash of a CBC-HMAC method; null for GCM. */
    public HashAlgorithm macHash() {
        return macHash;
    }

    /** The method of a header's {@code enc}; {@link AlgorithmRejectedException} if unknown. */
    public static EncryptionMethod ofJwaName(String name) {
        for (EncryptionMethod m : values()) {
            if (m.jwaName.equals(name)) {
                return m;
            }
        }
        throw new AlgorithmRejectedException("JWE: unknown or unsupported \"enc\" \"" + name + "\"");
    }

    /** For {@code dir}: the key must be an oct key of exactly {@link #cekLength()} bytes. */
    @Override
    public String keyMismatch(Jwk key) {
        if (key.keyType() != KeyType.OCT) {
            return jwaName + " used directly needs an oct key, not " + key.keyType().jwkName();
        }
        int bytes = key.elements().element(KeyElements.OCT_K).length;
        if (bytes != cekLength) {
            return jwaName + " needs a " + cekLength * 8 + "-bit key, this one has " + bytes * 8 + " bits";
        }
        return null;
    }

    @Override
    public String toString() {
        return jwaName;
    }
}
