package org.lightwire.jose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.KeyType;
import org.lightwire.api.crypto.OkpCurve;
import org.lightwire.jose.internal.Base64Url;
import org.lightwire.jose.internal.JsonObject;
import org.lightwire.jose.internal.JsonReader;
import org.lightwire.jose.internal.JwkCodec;

/**
 * The entry point of the JOSE layer: a {@link CryptoBackend} plus {@link JoseLimits}, from
 * which keys are read, checked and made, and signers and verifiers are built (lws passes its
 * {@code lws_context} to every JOSE call for the same reason: the crypto comes from there).
 *
 * <p>Inside a Lightwire server pass {@code context.crypto()} to {@link #with(CryptoBackend)};
 * used alone, {@link #standalone()} finds a backend with {@link ServiceLoader} (the highest
 * {@link CryptoBackend#ranking()}, as the server would pick). Immutable and thread-safe.
 */
public final class Jose {

    private final CryptoBackend backend;
    private final JoseLimits limits;

    private Jose(CryptoBackend backend, JoseLimits limits) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** JOSE on {@code backend} with the default limits. */
    public static Jose with(CryptoBackend backend) {
        return new Jose(backend, JoseLimits.defaults());
    }

    /** The same backend with other limits. */
    public Jose withLimits(JoseLimits newLimits) {
        return new Jose(backend, newLimits);
    }

    /**
     * JOSE on the highest-ranked backend visible to this module ({@link ServiceLoader} in this
     * module's layer, or on its class path). {@link JoseException} if there is none.
     */
    public static Jose standalone() {
        List<CryptoBackend> all = backends();
        if (all.isEmpty()) {
            throw new JoseException("no crypto backend found: put a Lightwire crypto backend (e.g. lightwire-crypto-jca) beside lightwire-jose");
        }
        return with(all.get(0));
    }

    /** JOSE on the visible backend named {@code name} ("jca", "bc"); {@link JoseException} if it is not there. */
    public static Jose standalone(String name) {
        List<String> names = new ArrayList<>();
        for (CryptoBackend b : backends()) {
            if (b.name().equals(name)) {
                return with(b);
            }
            names.add(b.name());
        }
        throw new JoseException("crypto backend \"" + name + "\" not found (available: " + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
    }

    /** Every backend visible to this module, highest ranking first. */
    public static List<CryptoBackend> backends() {
        Module m = Jose.class.getModule();
        ServiceLoader<CryptoBackend> loader = m.isNamed() && m.getLayer() != null
                ? ServiceLoader.load(m.getLayer(), CryptoBackend.class)
                : ServiceLoader.load(CryptoBackend.class, Jose.class.getClassLoader());
        List<CryptoBackend> out = new ArrayList<>();
        loader.forEach(out::add);
        out.sort(Comparator.comparingInt(CryptoBackend::ranking).reversed());
        return out;
    }

    public CryptoBackend backend() {
        return backend;
    }

    public JoseLimits limits() {
        return limits;
    }

    // ---- JWK -------------------------------------------------------------------------

    /** A single JWK from JSON, structurally and mathematically checked (see {@link #check(Jwk)}). */
    public Jwk parseJwk(String json) {
        JsonObject o = JsonReader.parseObject(json, "JWK", limits.maxKeyChars(), limits.maxJsonDepth());
        if (o.has("keys")) {
            throw new MalformedJoseException("JWK: this is a JWK set (\"keys\"), not a single key");
        }
        return check(JwkCodec.read(o, "JWK"));
    }

    /**
     * A JWK set ({@code {"keys":[...]}}), or a single JWK as a set of one. Keys of a
     * {@code kty} not supported here are skipped (RFC 7517 section 5); any other problem in
     * a key refuses the whole set.
     */
    public JwkSet parseJwkSet(String json) {
        JsonObject o = JsonReader.parseObject(json, "JWK set", limits.maxKeyChars(), limits.maxJsonDepth());
        if (!o.has("keys")) {
            return JwkSet.of(check(JwkCodec.read(o, "JWK")));
        }
        List<Object> entries = o.optArray("keys");
        if (entries.size() > limits.maxKeys()) {
            throw new JoseLimitException("JWK set: " + entries.size() + " keys exceed the limit of " + limits.maxKeys());
        }
        List<Jwk> keys = new ArrayList<>();
        try {
            for (int i = 0; i < entries.size(); i++) {
                if (!(entries.get(i) instanceof JsonObject k)) {
                    throw new MalformedJoseException("JWK set: entry " + (i + 1) + " of \"keys\" is not an object");
                }
                try {
                    keys.add(check(JwkCodec.read(k, "JWK set key " + (i + 1))));
                } catch (JwkCodec.UnknownKeyTypeException e) {
                    // RFC 7517 section 5: ignore keys of types we do not understand
                }
            }
        } catch (RuntimeException e) {
            keys.forEach(Jwk::destroy);
            throw e;
        }
        return JwkSet.of(keys);
    }

    /**
     * Checks a key's mathematics with the backend: RSA size and CRT consistency, EC points on
     * their curve (and a private scalar matching the point), OKP private keys matching their
     * public half, Ed25519 public keys decoding to a point, and an {@code x5c} leaf naming
     * the same public key. Returns {@code key}; {@link JoseKeyException} (destroying the key)
     * otherwise.
     */
    public Jwk check(Jwk key) {
        String who = "JWK" + key.kid().map(k -> " \"" + k + "\"").orElse("");
        try {
            KeyElements k = key.elements();
            switch (k.type()) {
                case RSA -> backend.rsa().check(k);
                case EC -> backend.ec().check(k);
                case OKP -> checkOkp(k, who);
                default -> {
                }
            }
            List<byte[]> x5c = key.x5c();
            if (!x5c.isEmpty()) {
                checkX5c(key, x5c.get(0), who);
            }
            return key;
        } catch (BadKeyException e) {
            key.destroy();
            throw new JoseKeyException(who + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            key.destroy();
            throw e;
        }
    }

    private void checkOkp(KeyElements k, String who) {
        OkpCurve crv = k.okpCurve();
        byte[] x = k.element(KeyElements.OKP_X);
        if (k.isPrivate()) {
            byte[] d = k.element(KeyElements.OKP_D);
            KeyElements derived = crv == OkpCurve.ED25519 ? backend.ed25519().fromPrivate(d) : backend.x25519().fromPrivate(d);
            java.util.Arrays.fill(d, (byte) 0);
            boolean same = java.security.MessageDigest.isEqual(derived.element(KeyElements.OKP_X), x);
            derived.destroy();
            if (!same) {
                throw new JoseKeyException(who + ": OKP \"x\" is not the public key of \"d\"");
            }
        } else if (crv == OkpCurve.ED25519) {
            // verifying any signature decodes the point first: a non-point is an InvalidPointException
            backend.ed25519().verify(k, new byte[0], new byte[64]);
        }
    }

    private void checkX5c(Jwk key, byte[] leafDer, String who) {
        var certs = backend.x509().certificates(leafDer);
        KeyElements certKey = backend.x509().publicKey(certs.get(0));
        try {
            KeyElements mine = key.elements();
            if (certKey.type() != mine.type() || !java.util.Arrays.equals(Jwk.builder(certKey).build().thumbprintInput(),
                    key.thumbprintInput())) {
                throw new JoseKeyException(who + ": the \"x5c\" leaf certificate holds another public key (RFC 7517 section 4.7)");
            }
        } finally {
            certKey.destroy();
        }
    }

    /** A new RSA key pair of {@code bits} (2048..16384, a multiple of 8). */
    public Jwk generateRsa(int bits) {
        return Jwk.builder(keyCall(() -> backend.rsa().generate(bits))).build();
    }

    public Jwk generateEc(EcCurve curve) {
        return Jwk.builder(keyCall(() -> backend.ec().generate(curve))).build();
    }

    public Jwk generateOkp(OkpCurve curve) {
        return Jwk.builder(keyCall(() -> curve == OkpCurve.ED25519 ? backend.ed25519().generate() : backend.x25519().generate()))
                .build();
    }

    /** A random symmetric key of {@code bits} (a positive multiple of 8). */
    public Jwk generateOct(int bits) {
        if (bits <= 0 || bits % 8 != 0 || bits > 8192) {
            throw new JoseKeyException("oct key: " + bits + " bits is not a positive multiple of 8 up to 8192");
        }
        byte[] k = new byte[bits / 8];
        backend.secureRandom().nextBytes(k);
        try {
            return Jwk.builder(KeyElements.oct(k)).build();
        } finally {
            java.util.Arrays.fill(k, (byte) 0);
        }
    }

    /** A new key of {@code type}: {@code bits} for RSA/oct, the curve name for EC/OKP. */
    public Jwk generate(KeyType type, int bits, String curve) {
        return switch (type) {
            case RSA -> generateRsa(bits);
            case OCT -> generateOct(bits);
            case EC -> generateEc(keyCall(() -> EcCurve.ofJwkName(curve)));
            case OKP -> generateOkp(keyCall(() -> OkpCurve.ofJwkName(curve)));
        };
    }

    /** The RFC 7638 SHA-256 thumbprint, base64url. */
    public String thumbprint(Jwk key) {
        return Base64Url.encode(thumbprint(key, HashAlgorithm.SHA_256));
    }

    /** The RFC 7638 thumbprint with {@code hash}, raw. */
    public byte[] thumbprint(Jwk key, HashAlgorithm hash) {
        return backend.digest(hash, key.thumbprintInput());
    }

    // ---- PEM and key files -------------------------------------------------------------

    /**
     * A key from PEM (through the SPI's X.509 support): a "CERTIFICATE" chain gives its
     * leaf's public key with the chain as {@code x5c}; "PRIVATE KEY" (PKCS#8), "RSA PRIVATE
     * KEY" (PKCS#1) and "EC PRIVATE KEY" (SEC1) give a private key; "PUBLIC KEY" (SPKI) a
     * public one. The first key-bearing block wins. Checked like {@link #check(Jwk)}.
     */
    public Jwk fromPem(String pem) {
        List<org.lightwire.jose.internal.PemBlocks.Block> blocks = org.lightwire.jose.internal.PemBlocks.parse(pem);
        for (int i = 0; i < blocks.size(); i++) {
            var b = blocks.get(i);
            try {
                switch (b.label()) {
                    case "CERTIFICATE" -> {
                        List<byte[]> chain = new ArrayList<>();
                        for (int j = i; j < blocks.size() && blocks.get(j).label().equals("CERTIFICATE"); j++) {
                            chain.add(blocks.get(j).der());
                        }
                        var cert = backend.x509().certificates(b.der()).get(0);
                        return check(Jwk.builder(backend.x509().publicKey(cert)).x5c(chain).build());
                    }
                    case "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY" -> {
                        return check(Jwk.builder(backend.x509().privateKey(b.text().getBytes(java.nio.charset.StandardCharsets.US_ASCII))).build());
                    }
                    case "PUBLIC KEY" -> {
                        return check(Jwk.builder(org.lightwire.jose.internal.SpkiCodec.decode(b.der())).build());
                    }
                    default -> {
                        // other blocks (parameters, requests) carry no key: look further
                    }
                }
            } catch (BadKeyException e) {
                throw new JoseKeyException("PEM " + b.label() + ": " + e.getMessage(), e);
            } catch (org.lightwire.api.crypto.CryptoException e) {
                throw new MalformedJoseException("PEM " + b.label() + ": " + e.getMessage(), e);
            }
        }
        throw new MalformedJoseException("PEM: no CERTIFICATE, PRIVATE KEY or PUBLIC KEY block");
    }

    /** The key as PEM: "PRIVATE KEY" (PKCS#8) if private, else "PUBLIC KEY" (SPKI). Oct keys have no PEM form. */
    public String toPem(Jwk key) {
        if (key.keyType() == KeyType.OCT) {
            throw new JoseKeyException("an oct key has no PEM form");
        }
        try {
            if (key.isPrivate()) {
                return backend.x509().pem("PRIVATE KEY", backend.x509().encodePrivateKey(key.elements()));
            }
            return backend.x509().pem("PUBLIC KEY", org.lightwire.jose.internal.SpkiCodec.encode(key.elements()));
        } catch (org.lightwire.api.crypto.CryptoException e) {
            throw new JoseKeyException("PEM: " + e.getMessage(), e);
        }
    }

    /**
     * The keys of a key file's text: a JWK set, a single JWK, or PEM (see {@link #fromPem});
     * told apart by content.
     */
    public JwkSet readKeys(String text) {
        if (org.lightwire.jose.internal.PemBlocks.isPem(text)) {
            return JwkSet.of(fromPem(text));
        }
        return parseJwkSet(text);
    }

    // ---- JWS -------------------------------------------------------------------------

    /** A signer for {@code key} with {@code algorithm}; {@link AlgorithmRejectedException} or {@link JoseKeyException} if they do not fit. */
    public JwsSigner signer(Jwk key, JwsAlgorithm algorithm) {
        return new JwsSigner(this, Objects.requireNonNull(key, "key"), Objects.requireNonNull(algorithm, "algorithm"));
    }

    /** The {@code alg: none} signer for unsecured JWS (RFC 7515 appendix A.5): verifiers refuse these unless their policy allows it. */
    public JwsSigner unsecuredSigner() {
        return JwsSigner.unsecured(this);
    }

    /** A JWS builder for {@code payload} (copied). */
    public JwsBuilder jws(byte[] payload) {
        return new JwsBuilder(Objects.requireNonNull(payload, "payload"));
    }

    /** A verifier trusting {@code keys} under {@code policy}; understands the critical extension {@code b64}. */
    public JwsVerifier verifier(JosePolicy policy, JwkSet keys) {
        return new JwsVerifier(this, policy, keys, java.util.Set.of("b64"));
    }

    /** A verifier trusting one key. */
    public JwsVerifier verifier(JosePolicy policy, Jwk key) {
        return verifier(policy, JwkSet.of(key));
    }

    // ---- JWE (added by the JWE engineer, see /tmp/lw-jose-changes.log) -----------------

    /** A JWE builder for {@code plaintext} (copied) with content encryption {@code enc}. */
    public JweBuilder jwe(byte[] plaintext, EncryptionMethod enc) {
        return new JweBuilder(this, Objects.requireNonNull(plaintext, "plaintext"), enc);
    }

    /** A JWE in any serialisation (compact, flattened or general JSON), within this instance's limits. */
    public Jwe parseJwe(String text) {
        return Jwe.parse(Objects.requireNonNull(text, "text"), limits);
    }

    /** A JWE decrypter with {@code keys} under {@code policy} (which must allow both the alg and the enc). */
    public JweDecrypter jweDecrypter(JosePolicy policy, JwkSet keys) {
        return new JweDecrypter(this, policy, keys);
    }

    /** A JWE decrypter with one key. */
    public JweDecrypter jweDecrypter(JosePolicy policy, Jwk key) {
        return jweDecrypter(policy, JwkSet.of(key));
    }

    private static <T> T keyCall(java.util.function.Supplier<T> s) {
        try {
            return s.get();
        } catch (org.lightwire.api.crypto.CryptoException e) {
            throw new JoseKeyException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "Jose[" + backend.name() + ", " + limits + "]";
    }
}
