package org.lightwire.jose;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Destroyable;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.KeyType;
import org.lightwire.api.crypto.OkpCurve;
import org.lightwire.jose.internal.JwkCodec;

/**
 * A JSON Web Key (RFC 7517; lws {@code struct lws_jwk}): key material as the crypto SPI's
 * {@link KeyElements} plus the JWK metadata lws keeps ({@code kty}, {@code kid},
 * {@code use}, {@code key_ops}, {@code x5c}, {@code alg}). Key types oct, RSA, EC (P-256,
 * P-384, P-521) and OKP (RFC 8037: Ed25519, X25519).
 *
 * <p>Immutable until {@link #destroy()}, which zeroes the key material (lws
 * {@code lws_jwk_destroy}). Keys parsed or generated through {@link Jose} have been checked
 * by the backend (points on their curve, RSA consistency). {@link #toPublicJson()} never
 * writes a private member; {@link #toString()} never shows key material.
 */
public final class Jwk implements Destroyable, AutoCloseable {

    private final KeyElements key;
    private final String kid;
    private final KeyUse use;
    private final Set<KeyOperation> keyOps;
    private final String alg;
    private final List<byte[]> x5c;

    private Jwk(Builder b) {
        this.key = b.key;
        this.kid = b.kid;
        this.use = b.use;
        this.keyOps = b.keyOps == null ? null : Set.copyOf(b.keyOps);
        this.alg = b.alg;
        List<byte[]> certs = new ArrayList<>();
        if (b.x5c != null) {
            for (byte[] c : b.x5c) {
                certs.add(c.clone());
            }
        }
        this.x5c = List.copyOf(certs);
    }

    /**
     * A builder for a JWK holding {@code key} (kept as is: the caller hands it over, and
     * {@link #destroy()} destroys it).
     */
    public static Builder builder(KeyElements key) {
        return new Builder(key);
    }

    /**
     * A builder with this key's material and metadata, to change metadata. The material is
     * shared, not copied: destroying either key destroys both.
     */
    public Builder toBuilder() {
        Builder b = new Builder(key).kid(kid).use(use).alg(alg).x5c(x5c);
        if (keyOps != null) {
            b.keyOps(keyOps);
        }
        return b;
    }

    /** The key material. */
    public KeyElements elements() {
        return key;
    }

    /** The {@code kty}. */
    public KeyType keyType() {
        return key.type();
    }

    /** The curve of an EC key, else empty. */
    public Optional<EcCurve> ecCurve() {
        return key.type() == KeyType.EC ? Optional.of(guard(key::ecCurve)) : Optional.empty();
    }

    /** The curve of an OKP key, else empty. */
    public Optional<OkpCurve> okpCurve() {
        return key.type() == KeyType.OKP ? Optional.of(guard(key::okpCurve)) : Optional.empty();
    }

    public Optional<String> kid() {
        return Optional.ofNullable(kid);
    }

    public Optional<KeyUse> use() {
        return Optional.ofNullable(use);
    }

    /** The {@code key_ops}, empty if the member is absent (no restriction). */
    public Optional<Set<KeyOperation>> keyOps() {
        return Optional.ofNullable(keyOps);
    }

    /** The {@code alg} the key is meant for, as written (not checked against a registry). */
    public Optional<String> alg() {
        return Optional.ofNullable(alg);
    }

    /** The {@code x5c} certificate chain as DER, leaf first; empty if absent. */
    public List<byte[]> x5c() {
        List<byte[]> out = new ArrayList<>(x5c.size());
        for (byte[] c : x5c) {
            out.add(c.clone());
        }
        return out;
    }

    /** Whether the key holds private material (oct keys always do). */
    public boolean isPrivate() {
        return guard(key::isPrivate);
    }

    /** Size in bits (RSA modulus, EC field, 255 for OKP, oct key length). */
    public int bits() {
        return guard(key::bits);
    }

    /**
     * The public part with the same metadata; this key itself if it is already public. A
     * {@link JoseKeyException} for oct keys, which have no public part.
     */
    public Jwk toPublic() {
        if (!isPrivate()) {
            return this;
        }
        if (key.type() == KeyType.OCT) {
            throw new JoseKeyException("JWK" + kidText() + ": an oct key has no public part");
        }
        return toBuilderWith(guard(key::publicKey)).build();
    }

    private Builder toBuilderWith(KeyElements other) {
        Builder b = new Builder(other).kid(kid).use(use).alg(alg).x5c(x5c);
        if (keyOps != null) {
            b.keyOps(keyOps);
        }
        return b;
    }

    /** The JWK as compact JSON, private members included when the key has them. */
    public String toJson() {
        return JwkCodec.write(this, true);
    }

    /**
     * The public JWK as compact JSON: never a private member ({@code d}, {@code p},
     * {@code q}, {@code dp}, {@code dq}, {@code qi}, {@code k}). {@link JoseKeyException} for
     * oct keys.
     */
    public String toPublicJson() {
        return JwkCodec.write(toPublic(), false);
    }

    /**
     * The RFC 7638 thumbprint input: the required public members in lexicographic order as
     * compact UTF-8 JSON (RFC 8037 section 2 for OKP). Hash it with the wanted hash, or use
     * {@link Jose#thumbprint(Jwk)}.
     */
    public byte[] thumbprintInput() {
        return JwkCodec.thumbprintInput(this);
    }

    /** Zeroes the key material; idempotent. Afterwards every use is a {@link JoseKeyException}. */
    @Override
    public void destroy() {
        key.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return key.isDestroyed();
    }

    /** Same as {@link #destroy()}. */
    @Override
    public void close() {
        destroy();
    }

    private String kidText() {
        return kid == null ? "" : " \"" + kid + "\"";
    }

    private <T> T guard(java.util.function.Supplier<T> s) {
        try {
            return s.get();
        } catch (BadKeyException e) {
            throw new JoseKeyException("JWK" + kidText() + ": " + e.getMessage(), e);
        }
    }

    /** Type, curve, kid and whether private: never key material. */
    @Override
    public String toString() {
        if (isDestroyed()) {
            return "Jwk[destroyed" + (kid == null ? "" : ", kid=" + kid) + "]";
        }
        StringBuilder sb = new StringBuilder("Jwk[").append(key.type().jwkName());
        ecCurve().ifPresent(c -> sb.append(' ').append(c.jwkName()));
        okpCurve().ifPresent(c -> sb.append(' ').append(c.jwkName()));
        if (key.type() == KeyType.RSA || key.type() == KeyType.OCT) {
            sb.append(' ').append(bits()).append(" bits");
        }
        if (kid != null) {
            sb.append(", kid=").append(kid);
        }
        if (alg != null) {
            sb.append(", alg=").append(alg);
        }
        return sb.append(isPrivate() ? ", private]" : ", public]").toString();
    }

    /**
     * Sets a JWK's metadata. {@link #build()} checks RFC 7517's rules: {@code use} and
     * {@code key_ops} must agree (section 4.3), {@code kid} and {@code alg} non-empty.
     */
    public static final class Builder {
        private final KeyElements key;
        private String kid;
        private KeyUse use;
        private Set<KeyOperation> keyOps;
        private String alg;
        private List<byte[]> x5c;

        private Builder(KeyElements key) {
            this.key = Objects.requireNonNull(key, "key");
        }

        public Builder kid(String kid) {
            this.kid = kid;
            return this;
        }

        public Builder use(KeyUse use) {
            this.use = use;
            return this;
        }

        /** The allowed operations; null for no {@code key_ops} member. */
        public Builder keyOps(Set<KeyOperation> ops) {
            this.keyOps = ops == null ? null : ops.isEmpty() ? EnumSet.noneOf(KeyOperation.class) : EnumSet.copyOf(ops);
            return this;
        }

        public Builder alg(String alg) {
            this.alg = alg;
            return this;
        }

        /** The certificate chain as DER, leaf first (copied); null or empty for none. */
        public Builder x5c(List<byte[]> chain) {
            this.x5c = chain;
            return this;
        }

        public Jwk build() {
            if (kid != null && kid.isEmpty()) {
                throw new MalformedJoseException("JWK: \"kid\" is empty");
            }
            if (alg != null && alg.isEmpty()) {
                throw new MalformedJoseException("JWK: \"alg\" is empty");
            }
            if (use != null && keyOps != null) {
                for (KeyOperation op : keyOps) {
                    if (op.use() != use) {
                        throw new MalformedJoseException("JWK: \"key_ops\" value \"" + op.jwkName() + "\" contradicts \"use\": \""
                                + use.jwkName() + "\" (RFC 7517 section 4.3)");
                    }
                }
            }
            if (key.isDestroyed()) {
                throw new JoseKeyException("JWK: the key material is destroyed");
            }
            return new Jwk(this);
        }
    }
}
