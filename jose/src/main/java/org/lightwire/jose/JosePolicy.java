package org.lightwire.jose;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lightwire.api.crypto.KeyType;

/**
 * Which algorithms and keys a recipient accepts — the policy lws leaves to its users ("it's
 * up to you to define your policy for which combinations are acceptable"), made explicit.
 * Crypto agility through an allow-list: an algorithm not listed is refused whatever the
 * object's header says, {@code none} only with {@link Builder#allowUnsecured()}. A key must
 * fit the algorithm: right {@code kty} and curve (no HMAC keyed with an RSA public key), big
 * enough, and its own {@code alg}, {@code use} and {@code key_ops}, when present, must agree.
 * Immutable and thread-safe.
 */
public final class JosePolicy {

    /** RFC 7518 section 3.3 and 4.2: RSA keys of 2048 bits or more. */
    public static final int DEFAULT_MIN_RSA_BITS = 2048;

    private final Set<JoseAlgorithm> allowed;
    private final boolean unsecuredAllowed;
    private final int minRsaBits;

    private JosePolicy(Builder b) {
        this.allowed = Set.copyOf(b.allowed);
        this.unsecuredAllowed = b.unsecuredAllowed;
        this.minRsaBits = b.minRsaBits;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A policy allowing exactly {@code algorithms}, with the default key rules. */
    public static JosePolicy allowing(JoseAlgorithm... algorithms) {
        return builder().allow(algorithms).build();
    }

    /** Every JWS algorithm except {@code none}: for tools and tests, not for services. */
    public static JosePolicy allSignatures() {
        Builder b = builder();
        for (JwsAlgorithm a : JwsAlgorithm.values()) {
            if (a != JwsAlgorithm.NONE) {
                b.allow(a);
            }
        }
        return b.build();
    }

    public Set<JoseAlgorithm> allowed() {
        return allowed;
    }

    public boolean unsecuredAllowed() {
        return unsecuredAllowed;
    }

    public int minRsaBits() {
        return minRsaBits;
    }

    public boolean allows(JoseAlgorithm algorithm) {
        return algorithm == JwsAlgorithm.NONE ? unsecuredAllowed : allowed.contains(algorithm);
    }

    /** {@link AlgorithmRejectedException} unless {@code algorithm} is allowed. */
    public void requireAllowed(JoseAlgorithm algorithm) {
        if (algorithm == JwsAlgorithm.NONE && !unsecuredAllowed) {
            throw new AlgorithmRejectedException("alg \"none\" (unsecured JWS) is refused: the policy does not allow unsecured objects");
        }
        if (!allows(algorithm)) {
            throw new AlgorithmRejectedException("alg \"" + algorithm.jwaName() + "\" is not allowed by the policy (allowed: "
                    + names() + ")");
        }
    }

    /**
     * {@link AlgorithmRejectedException} unless {@code key} may do {@code operation} with
     * {@code algorithm}: the algorithm allowed, the key's type/curve/size fitting it, and the
     * key's {@code alg}, {@code use} and {@code key_ops} (where present) agreeing.
     */
    public void requireKeyFits(JoseAlgorithm algorithm, Jwk key, KeyOperation operation) {
        requireAllowed(algorithm);
        String mismatch = keyMismatch(algorithm, key, operation);
        if (mismatch != null) {
            throw new AlgorithmRejectedException(mismatch);
        }
    }

    /** Whether {@code key} fits (see {@link #requireKeyFits}), without throwing. */
    public boolean keyFits(JoseAlgorithm algorithm, Jwk key, KeyOperation operation) {
        return allows(algorithm) && keyMismatch(algorithm, key, operation) == null;
    }

    private String keyMismatch(JoseAlgorithm algorithm, Jwk key, KeyOperation operation) {
        String who = "key" + key.kid().map(k -> " \"" + k + "\"").orElse("");
        String m = algorithm.keyMismatch(key);
        if (m != null) {
            return who + ": " + m;
        }
        if (key.keyType() == KeyType.RSA && key.bits() < minRsaBits) {
            return who + ": RSA key of " + key.bits() + " bits is below the policy's minimum of " + minRsaBits;
        }
        if (key.alg().isPresent() && !namesAlgorithm(key.alg().get(), algorithm)) {
            return who + " is for alg \"" + key.alg().get() + "\", not \"" + algorithm.jwaName() + "\"";
        }
        if (key.use().isPresent() && key.use().get() != algorithm.keyUse()) {
            return who + " has use \"" + key.use().get().jwkName() + "\", " + algorithm.jwaName() + " needs \""
                    + algorithm.keyUse().jwkName() + "\"";
        }
        if (operation != null && key.keyOps().isPresent() && !key.keyOps().get().contains(operation)) {
            return who + ": key_ops does not include \"" + operation.jwkName() + "\"";
        }
        return null;
    }

    private static boolean namesAlgorithm(String keyAlg, JoseAlgorithm algorithm) {
        return algorithm instanceof JwsAlgorithm j ? j.isNamed(keyAlg) : algorithm.jwaName().equals(keyAlg);
    }

    private String names() {
        List<String> n = new ArrayList<>();
        for (JoseAlgorithm a : allowed) {
            n.add(a.jwaName());
        }
        n.sort(null);
        if (unsecuredAllowed) {
            n.add("none");
        }
        return String.join(", ", n);
    }

    @Override
    public String toString() {
        return "JosePolicy[" + names() + ", min RSA " + minRsaBits + " bits]";
    }

    /** Builds a {@link JosePolicy}; nothing is allowed until named. */
    public static final class Builder {
        private final Set<JoseAlgorithm> allowed = new LinkedHashSet<>();
        private boolean unsecuredAllowed;
        private int minRsaBits = DEFAULT_MIN_RSA_BITS;

        private Builder() {
        }

        /** Allows these algorithms; {@code none} is not accepted here (see {@link #allowUnsecured()}). */
        public Builder allow(JoseAlgorithm... algorithms) {
            return allow(List.of(algorithms));
        }

        public Builder allow(Collection<? extends JoseAlgorithm> algorithms) {
            for (JoseAlgorithm a : algorithms) {
                if (a == JwsAlgorithm.NONE) {
                    throw new IllegalArgumentException("\"none\" is allowed only through allowUnsecured()");
                }
                allowed.add(a);
            }
            return this;
        }

        /** Accepts unsecured JWS ({@code alg: none}, RFC 7515 appendix A.5). Only for objects integrity-protected some other way. */
        public Builder allowUnsecured() {
            unsecuredAllowed = true;
            return this;
        }

        /** Smallest RSA modulus accepted (default 2048; at least 1024, the backends' floor). */
        public Builder minRsaBits(int bits) {
            if (bits < 1024) {
                throw new IllegalArgumentException("minRsaBits below 1024: " + bits);
            }
            minRsaBits = bits;
            return this;
        }

        public JosePolicy build() {
            return new JosePolicy(this);
        }
    }
}
