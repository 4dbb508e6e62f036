package org.lightwire.jose;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A JWS whose signature verified under a {@link JosePolicy}: the payload, the header of the
 * signature that verified, the key that verified it (none for an allowed unsecured JWS).
 * Immutable.
 */
public final class VerifiedJws {

    private final byte[] payload;
    private final JwsHeader header;
    private final Jwk key;
    private final int signatureIndex;

    VerifiedJws(byte[] payload, JwsHeader header, Jwk key, int signatureIndex) {
        this.payload = payload;
        this.header = header;
        this.key = key;
        this.signatureIndex = signatureIndex;
    }

    /** The payload bytes (a copy). */
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload decoded as UTF-8 (malformed sequences replaced). */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    public JwsHeader header() {
        return header;
    }

    public JwsAlgorithm algorithm() {
        return header.algorithm();
    }

    /** The key that verified the signature; empty for an unsecured JWS the policy allowed. */
    public Optional<Jwk> key() {
        return Optional.ofNullable(key);
    }

    /** Which signature verified (0 for compact and flattened). */
    public int signatureIndex() {
        return signatureIndex;
    }

    @Override
    public String toString() {
        return "VerifiedJws[" + header.algorithmName() + ", " + payload.length + " bytes" + key().map(k -> ", " + k).orElse("") + "]";
    }
}
