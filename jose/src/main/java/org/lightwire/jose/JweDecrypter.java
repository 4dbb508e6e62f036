package org.lightwire.jose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.CryptoException;
import org.lightwire.jose.internal.ContentEncryption;
import org.lightwire.jose.internal.Deflate;
import org.lightwire.jose.internal.KeyManagement;

/**
 * Decrypts JWEs (RFC 7516 section 5.2; lws {@code lws_jwe_auth_and_decrypt}) under a
 * {@link JosePolicy}: only the {@code alg} and {@code enc} values the policy allows, only
 * with keys that fit them. Recipients are tried in order and, for each, the keys of the
 * given set that fit (those whose {@code kid} matches first when the header names one);
 * the first that yields a plaintext wins. Compressed plaintexts are inflated up to
 * {@link #maxDecompressedBytes(int)} (default: the {@link JoseLimits#maxPayloadBytes()} of
 * the {@link Jose}, config key {@code jose.max-payload-bytes}). A {@code crit} header is
 * refused unless every name in it is declared understood. Immutable settings, thread-safe.
 * Reached through {@link Jose#jweDecrypter(JosePolicy, JwkSet)}.
 */
public final class JweDecrypter {

    private final Jose jose;
    private final JosePolicy policy;
    private final JwkSet keys;
    private final int maxDecompressedBytes;
    private final Set<String> understoodCritical;

    JweDecrypter(Jose jose, JosePolicy policy, JwkSet keys) {
        this(jose, policy, keys, jose.limits().maxPayloadBytes(), Set.of());
    }

    private JweDecrypter(Jose jose, JosePolicy policy, JwkSet keys, int maxDecompressedBytes, Set<String> understoodCritical) {
        this.jose = Objects.requireNonNull(jose, "jose");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.maxDecompressedBytes = maxDecompressedBytes;
        this.understoodCritical = understoodCritical;
    }

    /** The same decrypter with another limit on a decompressed ({@code zip}) plaintext. */
    public JweDecrypter maxDecompressedBytes(int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("maxDecompressedBytes must be positive, got " + bytes);
        }
        return new JweDecrypter(jose, policy, keys, bytes, understoodCritical);
    }

    public int maxDecompressedBytes() {
        return maxDecompressedBytes;
    }

    /** The same decrypter accepting {@code crit} extensions with these names (the caller processes them). */
    public JweDecrypter understanding(String... criticalNames) {
        return new JweDecrypter(jose, policy, keys, maxDecompressedBytes, Set.of(criticalNames));
    }

    public JosePolicy policy() {
        return policy;
    }

    /** Parses any serialisation ({@link Jose#parseJwe(String)}) and decrypts. */
    public JweDecrypted decrypt(String jwe) {
        return decrypt(jose.parseJwe(jwe));
    }

    /**
     * The plaintext of the first recipient that this decrypter's keys can open. Errors, most telling
     * first: {@link JweDecryptionException} when some allowed recipient and key were tried and
     * the encrypted key or the tag failed (which one is not told); otherwise the first refusal
     * met — {@link AlgorithmRejectedException} (algorithm not allowed, no key fits),
     * {@link CriticalHeaderException}, {@link MalformedJoseException} (header),
     * {@link JoseKeyException} (e.g. an invalid {@code epk} point). A compressed plaintext
     * over the limit is a {@link JoseLimitException} at once.
     */
    public JweDecrypted decrypt(Jwe jwe) {
        Objects.requireNonNull(jwe, "jwe");
        JweDecryptionException failure = null;
        JoseException refusal = null;
        for (int i = 0; i < jwe.recipientCount(); i++) {
            try {
                JweDecrypted d = tryRecipient(jwe, i);
                if (d != null) {
                    return d;
                }
            } catch (JweDecryptionException e) {
                failure = e;
            } catch (JoseLimitException e) {
                throw e;
            } catch (JoseException e) {
                if (refusal == null) {
                    refusal = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        throw refusal != null ? refusal : new AlgorithmRejectedException("JWE: no key fits any recipient");
    }

    private JweDecrypted tryRecipient(Jwe jwe, int index) {
        JweHeader h = jwe.header(index);
        checkCritical(h);
        JweAlgorithm alg = h.algorithm();
        EncryptionMethod enc = h.encryptionMethod();
        policy.requireAllowed(alg);
        policy.requireAllowed(enc);
        if (h.has("zip")) {
            if (!h.isProtected("zip")) {
                throw new MalformedJoseException("JWE header: \"zip\" must be in the protected header (RFC 7516 section 4.1.3)");
            }
            if (!"DEF".equals(h.string("zip"))) {
                throw new MalformedJoseException("JWE header: unsupported \"zip\" \"" + h.string("zip") + "\" (only \"DEF\")");
            }
        }
        JoseAlgorithm fitted = alg == JweAlgorithm.DIR ? enc : alg;
        List<Jwk> candidates = candidates(h, fitted, alg.decryptOperation());
        KeyManagement km = KeyManagement.of(alg);
        ContentEncryption ce = ContentEncryption.of(enc);
        CryptoBackend backend = jose.backend();
        byte[] encryptedKey = jwe.encryptedKey(index);
        JweDecryptionException failure = null;
        for (Jwk key : candidates) {
            byte[] cek = null;
            try {
                cek = km.recover(backend, key, enc, h.joseHeader(), encryptedKey);
                byte[] content = ce.decrypt(backend, cek, jwe.iv(), jwe.authenticatedData(), jwe.ciphertext(), jwe.tag());
                byte[] plaintext = h.has("zip") ? Deflate.decompress(content, maxDecompressedBytes) : content;
                return new JweDecrypted(plaintext, h, index, key);
            } catch (JweDecryptionException e) {
                failure = e;
            } catch (JoseKeyException e) {
                throw e;
            } catch (CryptoException e) {
                // a backend refusal that depends on the input (e.g. a CEK of the wrong size from an unwrap)
                failure = new JweDecryptionException("JWE: " + alg.jwaName() + "/" + enc.jwaName() + " decryption failed");
            } finally {
                if (cek != null) {
                    Arrays.fill(cek, (byte) 0);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return null;
    }

    private List<Jwk> candidates(JweHeader h, JoseAlgorithm fitted, KeyOperation op) {
        List<Jwk> byKid = new ArrayList<>();
        List<Jwk> others = new ArrayList<>();
        String kid = h.kid().orElse(null);
        String lastMismatch = null;
        for (Jwk k : keys.keys()) {
            if (kid != null && k.kid().isPresent() && !kid.equals(k.kid().get())) {
                continue;
            }
            if (!k.isPrivate()) {
                lastMismatch = "key" + k.kid().map(x -> " \"" + x + "\"").orElse("") + " is public; decryption needs a private key";
                continue;
            }
            try {
                policy.requireKeyFits(fitted, k, op);
            } catch (AlgorithmRejectedException e) {
                lastMismatch = e.getMessage();
                continue;
            }
            (kid != null && k.kid().isPresent() ? byKid : others).add(k);
        }
        byKid.addAll(others);
        if (byKid.isEmpty()) {
            throw new AlgorithmRejectedException("JWE " + h.algorithmName() + "/" + h.encryptionMethodName() + ": no key fits"
                    + (kid != null ? " kid \"" + kid + "\"" : "") + (lastMismatch != null ? " (" + lastMismatch + ")" : ""));
        }
        return byKid;
    }

    private void checkCritical(JweHeader h) {
        if (!h.has("crit")) {
            return;
        }
        if (!h.isProtected("crit")) {
            throw new CriticalHeaderException("JWE header: \"crit\" must be in the protected header (RFC 7515 section 4.1.11)");
        }
        List<String> crit;
        try {
            crit = h.critical();
        } catch (MalformedJoseException e) {
            throw new CriticalHeaderException("JWE header: \"crit\" must be an array of strings", e);
        }
        if (crit.isEmpty()) {
            throw new CriticalHeaderException("JWE header: \"crit\" must not be empty (RFC 7515 section 4.1.11)");
        }
        for (String name : crit) {
            if (REGISTERED.contains(name)) {
                throw new CriticalHeaderException("JWE header: \"crit\" names the registered parameter \"" + name + "\"");
            }
            if (!understoodCritical.contains(name)) {
                throw new CriticalHeaderException("JWE header: critical extension \"" + name + "\" is not understood");
            }
            if (!h.has(name)) {
                throw new CriticalHeaderException("JWE header: critical extension \"" + name + "\" is listed but absent");
            }
        }
    }

    /** RFC 7515 section 4.1 and RFC 7516 section 4.1 parameters, which {@code crit} must not name. */
    private static final Set<String> REGISTERED = Set.of("alg", "enc", "zip", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256",
            "typ", "cty", "crit", "epk", "apu", "apv", "iv", "tag", "p2s", "p2c");

    @Override
    public String toString() {
        return "JweDecrypter[" + policy + ", zip limit " + maxDecompressedBytes + "]";
    }
}
