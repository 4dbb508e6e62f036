package org.lightwire.jose;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lightwire.api.crypto.CryptoException;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.jose.internal.Base64Url;
import org.lightwire.jose.internal.ContentEncryption;
import org.lightwire.jose.internal.Deflate;
import org.lightwire.jose.internal.JsonObject;
import org.lightwire.jose.internal.JsonWriter;
import org.lightwire.jose.internal.KeyManagement;

/**
 * Produces a JWE (RFC 7516 section 5.1) of one plaintext for one or more recipients (lws
 * {@code lws_jwe_encrypt}). A fresh random CEK and IV per JWE; each recipient gets the CEK
 * by its own {@code alg} and key. With one recipient every header parameter is
 * integrity-protected (so the compact serialisation works); with several, {@code enc},
 * {@code zip} and the protected parameters set here are shared and protected, and each
 * recipient's {@code alg}, {@code kid} and key-management parameters ({@code epk},
 * {@code iv}, {@code tag}) go in its own header. {@code dir} and {@code ECDH-ES} fix the
 * CEK, so they allow only one recipient. Not thread-safe; one builder per object. Reached
 * through {@link Jose#jwe(byte[], EncryptionMethod)}.
 */
public final class JweBuilder {

    /** Where a single recipient's parameters go; several recipients always use {@link #RECIPIENT_UNPROTECTED}. */
    public enum Protection {
        /** Everything in the protected header (the default; needed for the compact form). */
        ALL,
        /** Only {@code enc}, {@code zip} and the explicit protected parameters are protected (RFC 7520 section 5.11). */
        RECIPIENT_UNPROTECTED,
        /** Nothing is protected, not even {@code enc} (RFC 7520 section 5.12); no {@code zip} allowed. */
        NONE
    }

    private record Recipient(JweAlgorithm algorithm, Jwk key) {
    }

    private final Jose jose;
    private final EncryptionMethod enc;
    private final byte[] plaintext;
    private final List<Recipient> recipients = new ArrayList<>();
    private final Map<String, Object> protectedParameters = new LinkedHashMap<>();
    private final Map<String, Object> sharedParameters = new LinkedHashMap<>();
    private Protection protection = Protection.ALL;
    private boolean compress;
    private byte[] aad;
    private byte[] apu;
    private byte[] apv;
    // test hook (package-private): values that are random in real use
    private byte[] fixedCek;
    private byte[] fixedIv;
    private KeyManagement.Fixed fixed = KeyManagement.Fixed.NONE;

    JweBuilder(Jose jose, byte[] plaintext, EncryptionMethod enc) {
        this.jose = Objects.requireNonNull(jose, "jose");
        this.enc = Objects.requireNonNull(enc, "enc");
        this.plaintext = plaintext.clone();
    }

    /** Adds a recipient: the CEK is delivered to {@code key} with {@code algorithm}. */
    public JweBuilder recipient(JweAlgorithm algorithm, Jwk key) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(key, "key");
        // the same rules a recipient's policy applies: kty, curve, size, the key's alg/use/key_ops
        JoseAlgorithm fitted = algorithm == JweAlgorithm.DIR ? enc : algorithm;
        JosePolicy.allowing(fitted).requireKeyFits(fitted, key, algorithm.encryptOperation());
        recipients.add(new Recipient(algorithm, key));
        return this;
    }

    /** An integrity-protected header parameter: String, Long/Integer, Boolean or a List of Strings. */
    public JweBuilder protectedParameter(String name, Object value) {
        protectedParameters.put(checkName(name), json(name, value));
        return this;
    }

    /** A shared unprotected header parameter ({@code unprotected}; JSON serialisations only). */
    public JweBuilder sharedParameter(String name, Object value) {
        sharedParameters.put(checkName(name), json(name, value));
        return this;
    }

    public JweBuilder contentType(String cty) {
        return protectedParameter("cty", cty);
    }

    public JweBuilder type(String typ) {
        return protectedParameter("typ", typ);
    }

    /** Compresses the plaintext with DEFLATE before encryption ({@code "zip":"DEF"}). */
    public JweBuilder compress() {
        compress = true;
        return this;
    }

    /** JWE AAD: extra data the tag covers (JSON serialisations only, RFC 7516 section 5.1 step 14). */
    public JweBuilder aad(byte[] additionalData) {
        aad = additionalData.clone();
        return this;
    }

    /** ECDH-ES Agreement PartyUInfo and PartyVInfo ({@code apu}, {@code apv}); null for none. */
    public JweBuilder agreementPartyInfo(byte[] partyUInfo, byte[] partyVInfo) {
        apu = partyUInfo == null ? null : partyUInfo.clone();
        apv = partyVInfo == null ? null : partyVInfo.clone();
        return this;
    }

    /** Which parameters of a single recipient are protected (default {@link Protection#ALL}). */
    public JweBuilder protection(Protection p) {
        protection = Objects.requireNonNull(p, "protection");
        return this;
    }

    /** Test hook: fixed CEK, IV, ephemeral ECDH key and AES-GCM key wrap IV (null = random). */
    JweBuilder fixedForTest(byte[] cek, byte[] iv, KeyElements ephemeralKey, byte[] wrapIv) {
        fixedCek = cek;
        fixedIv = iv;
        fixed = new KeyManagement.Fixed(ephemeralKey, wrapIv);
        return this;
    }

    /** Encrypts; the result can be serialised any of the three ways (compact if it qualifies). */
    public Jwe encrypt() {
        if (recipients.isEmpty()) {
            throw new IllegalStateException("JWE: add a recipient before encrypting");
        }
        boolean single = recipients.size() == 1;
        for (Recipient r : recipients) {
            if (r.algorithm.determinesCek() && !single) {
                throw new AlgorithmRejectedException("JWE: \"" + r.algorithm.jwaName() + "\" fixes the CEK and allows only one recipient");
            }
        }
        if (compress && protection == Protection.NONE) {
            throw new IllegalStateException("JWE: \"zip\" must be integrity-protected (RFC 7516 section 4.1.3)");
        }
        var backend = jose.backend();
        byte[] cek = fixedCek != null ? fixedCek.clone() : random(enc.cekLength());
        try {
            List<Map<String, Object>> recipientHeaders = new ArrayList<>();
            List<byte[]> encryptedKeys = new ArrayList<>();
            for (Recipient r : recipients) {
                Map<String, Object> h = new LinkedHashMap<>();
                h.put("alg", r.algorithm.jwaName());
                r.key.kid().ifPresent(k -> h.put("kid", k));
                if (r.algorithm.family() == JweAlgorithm.Family.ECDH_ES || r.algorithm.family() == JweAlgorithm.Family.ECDH_ES_KW) {
                    if (apu != null) {
                        h.put("apu", Base64Url.encode(apu));
                    }
                    if (apv != null) {
                        h.put("apv", Base64Url.encode(apv));
                    }
                }
                KeyManagement.Delivery d;
                try {
                    d = KeyManagement.of(r.algorithm).deliver(backend, r.key, enc, cek, JsonObject.of("JWE header", h), fixed);
                } catch (CryptoException e) {
                    throw new JoseKeyException("JWE " + r.algorithm.jwaName() + ": " + e.getMessage(), e);
                }
                h.putAll(d.headerMembers());
                if (r.algorithm.determinesCek()) {
                    Arrays.fill(cek, (byte) 0);
                    cek = d.cek();
                }
                recipientHeaders.add(h);
                encryptedKeys.add(d.encryptedKey());
            }
            Map<String, Object> prot = new LinkedHashMap<>();
            Map<String, Object> shared = new LinkedHashMap<>(sharedParameters);
            if (single && protection == Protection.ALL) {
                prot.putAll(recipientHeaders.get(0));
                recipientHeaders.set(0, new LinkedHashMap<>());
            }
            if (protection == Protection.NONE && single) {
                shared.put("enc", enc.jwaName());
            } else {
                prot.put("enc", enc.jwaName());
            }
            if (compress) {
                prot.put("zip", "DEF");
            }
            prot.putAll(protectedParameters);
            String encodedProtected = prot.isEmpty() ? "" : Base64Url.encode(JsonWriter.write(prot).getBytes(StandardCharsets.UTF_8));
            String encodedAad = aad == null ? null : Base64Url.encode(aad);
            List<JsonObject> headers = new ArrayList<>();
            for (Map<String, Object> h : recipientHeaders) {
                headers.add(JsonObject.of("JWE recipient header", h));
            }
            JsonObject protectedPart = JsonObject.of("JWE protected header", prot);
            JsonObject sharedPart = JsonObject.of("JWE unprotected header", shared);
            for (JsonObject h : headers) {
                new JweHeader(protectedPart, encodedProtected, sharedPart, h); // disjointness
            }
            byte[] iv = fixedIv != null ? fixedIv.clone() : random(enc.ivLength());
            byte[] content = compress ? Deflate.compress(plaintext) : plaintext;
            String aadText = encodedAad == null ? encodedProtected : encodedProtected + "." + encodedAad;
            ContentEncryption.Sealed sealed = ContentEncryption.of(enc).encrypt(backend, cek, iv,
                    aadText.getBytes(StandardCharsets.US_ASCII), content);
            return new Jwe(protectedPart, encodedProtected, sharedPart, headers, encryptedKeys, iv, sealed.ciphertext(), sealed.tag(),
                    encodedAad);
        } finally {
            Arrays.fill(cek, (byte) 0);
        }
    }

    /** {@link #encrypt()} in the compact serialisation. */
    public String compact() {
        return encrypt().compact();
    }

    /** {@link #encrypt()} in the flattened JSON serialisation. */
    public String flattened() {
        return encrypt().flattened();
    }

    /** {@link #encrypt()} in the general JSON serialisation. */
    public String general() {
        return encrypt().general();
    }

    private byte[] random(int n) {
        byte[] b = new byte[n];
        jose.backend().secureRandom().nextBytes(b);
        return b;
    }

    private static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.equals("alg") || name.equals("enc") || name.equals("zip") || name.equals("epk")) {
            throw new IllegalArgumentException("JWE header \"" + name + "\" is set by the builder");
        }
        return name;
    }

    private static Object json(String name, Object value) {
        if (value instanceof Integer i) {
            return org.lightwire.jose.internal.JsonNumber.of(i);
        }
        if (value instanceof Long l) {
            return org.lightwire.jose.internal.JsonNumber.of(l);
        }
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof List<?> l && l.stream().allMatch(String.class::isInstance)) {
            return List.copyOf(l);
        }
        throw new IllegalArgumentException("JWE header parameter \"" + name + "\": unsupported value type "
                + (value == null ? "null" : value.getClass().getName()));
    }
}
