package org.lightwire.jose;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Verifies JWS objects (RFC 7515 section 5.2; lws {@code lws_jws_sig_confirm}) against a
 * {@link JosePolicy} and a set of trusted keys. A signature is accepted only if its
 * algorithm is allowed, a trusted key fits it (chosen by {@code kid} when the header has one;
 * keys embedded in the header — {@code jwk}, {@code x5c} — are never trusted), the
 * {@code crit} extensions are all understood, and the signature verifies at full length.
 * For the general JSON serialisation one verified signature suffices. Immutable and
 * thread-safe; reached through {@link Jose#verifier(JosePolicy, JwkSet)}.
 */
public final class JwsVerifier {

    private final Jose jose;
    private final JosePolicy policy;
    private final JwkSet keys;
    private final Set<String> understood;
    private final JwsParser parser;

    JwsVerifier(Jose jose, JosePolicy policy, JwkSet keys, Set<String> understood) {
        this.jose = jose;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.understood = Set.copyOf(understood);
        this.parser = new JwsParser(jose.limits());
    }

    /**
     * A verifier that also accepts these critical header extensions (the caller promises to
     * process them). {@code b64} (RFC 7797) is always understood.
     */
    public JwsVerifier understanding(String... extensions) {
        Set<String> s = new TreeSet<>(understood);
        s.addAll(List.of(extensions));
        return new JwsVerifier(jose, policy, keys, s);
    }

    public JosePolicy policy() {
        return policy;
    }

    /** Verifies a compact, flattened or general JSON JWS carrying its payload. */
    public VerifiedJws verify(String jws) {
        return verify(parser.parse(Objects.requireNonNull(jws, "jws"), null));
    }

    /** Verifies a JWS whose payload travels separately (RFC 7515 appendix F). */
    public VerifiedJws verifyDetached(String jws, byte[] payload) {
        return verify(parser.parse(Objects.requireNonNull(jws, "jws"), Objects.requireNonNull(payload, "payload")));
    }

    private VerifiedJws verify(JwsParser.Parsed parsed) {
        List<JoseException> failures = new ArrayList<>();
        for (int i = 0; i < parsed.parts().size(); i++) {
            JwsParser.Part part = parsed.parts().get(i);
            try {
                Jwk key = verifyPart(part);
                return new VerifiedJws(parsed.payload(), part.header(), key, i);
            } catch (JoseException e) {
                failures.add(e);
            }
        }
        if (failures.size() == 1) {
            throw failures.get(0);
        }
        // several signatures, none verified: report the first, note the count
        JoseException first = failures.get(0);
        first.addSuppressed(new JoseException("all " + failures.size() + " signatures failed"));
        throw first;
    }

    private Jwk verifyPart(JwsParser.Part part) {
        JwsHeader h = part.header();
        JwsParser.checkCritical(h, understood);
        JwsAlgorithm alg = h.algorithm();
        policy.requireAllowed(alg);
        if (alg == JwsAlgorithm.NONE) {
            if (part.signature().length != 0) {
                throw new InvalidSignatureException("JWS: alg \"none\" with a non-empty signature");
            }
            return null;
        }
        String kid = h.kid().orElse(null);
        List<Jwk> candidates = keys.all(k -> kid == null || kid.equals(k.kid().orElse(null)));
        AlgorithmRejectedException misfit = null;
        boolean tried = false;
        for (Jwk k : candidates) {
            try {
                policy.requireKeyFits(alg, k, KeyOperation.VERIFY);
            } catch (AlgorithmRejectedException e) {
                if (misfit == null) {
                    misfit = e;
                }
                continue;
            }
            tried = true;
            if (JwsCrypto.verify(jose.backend(), alg, k.elements(), part.signingInput(), part.signature())) {
                return k;
            }
        }
        if (tried) {
            throw new InvalidSignatureException("JWS " + alg.jwaName() + ": signature does not verify"
                    + (kid == null ? "" : " with key \"" + kid + "\""));
        }
        if (misfit != null) {
            throw new AlgorithmRejectedException("JWS " + alg.jwaName() + ": no trusted key fits: " + misfit.getMessage(), misfit);
        }
        throw new InvalidSignatureException("JWS " + alg.jwaName() + ": no trusted key" + (kid == null ? "" : " with kid \"" + kid + "\""));
    }
}
