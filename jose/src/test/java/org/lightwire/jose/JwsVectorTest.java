package org.lightwire.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.lightwire.jose.internal.Base64Url;
import org.lightwire.jose.internal.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Published JWS examples (RFC 7515 appendix A, RFC 7520 sections 4.1-4.8, RFC 8037 appendix A) on every backend. */
class JwsVectorTest {

    private static final String BACKENDS = "org.lightwire.jose.Backends#jose";

    private static Jwk key(Jose jose, JsonObject o) {
        return jose.parseJwk(o.toJson());
    }

    private static void appendixA(Jose jose, String section) {
        JsonObject v = Backends.vectors("rfc7515-appendix-a.json").optObject(section);
        JwsAlgorithm alg = JwsAlgorithm.ofJwaName(v.string("alg"));
        Jwk key = key(jose, v.optObject("key"));
        String compact = v.string("compact");
        VerifiedJws ok = jose.verifier(JosePolicy.allowing(alg), key.isPrivate() && key.keyType() != org.lightwire.api.crypto.KeyType.OCT
                ? key.toPublic() : key).verify(compact);
        String[] parts = compact.split("\\.");
        assertEquals(new String(Base64Url.decode(parts[1], "payload"), StandardCharsets.UTF_8), ok.payloadText());
        // re-sign with the RFC's own header bytes: deterministic algorithms reproduce the RFC's signature
        byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        byte[] sig = jose.signer(key, alg).sign(input);
        if (v.optBoolean("deterministic")) {
            assertEquals(parts[2], Base64Url.encode(sig));
        } else {
            jose.verifier(JosePolicy.allowing(alg), key.toPublic()).verify(parts[0] + "." + parts[1] + "." + Base64Url.encode(sig));
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void rfc7515A1Hs256(Jose jose) {
        appendixA(jose, "A.1");
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void rfc7515A2Rs256(Jose jose) {
        appendixA(jose, "A.2");
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void rfc7515A3Es256(Jose jose) {
        appendixA(jose, "A.3");
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void rfc7515A4Es512(Jose jose) {
        appendixA(jose, "A.4");
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void rfc7515A5UnsecuredIsRefusedUnlessAllowed(Jose jose) {
        String compact = Backends.vectors("rfc7515-appendix-a.json").optObject("A.5").string("compact");
        JwkSet none = JwkSet.of(List.of());
        assertThrows(AlgorithmRejectedException.class, () -> jose.verifier(JosePolicy.allSignatures(), none).verify(compact));
        VerifiedJws v = jose.verifier(JosePolicy.builder().allowUnsecured().build(), none).verify(compact);
        assertEquals(JwsAlgorithm.NONE, v.algorithm());
        assertEquals(compact, jose.jws(v.payload()).sign(jose.unsecuredSigner(), JwsHeader.builder(JwsAlgorithm.NONE)).compact());
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void rfc7520Section41Rs256AllSerialisations(Jose jose) {
        JsonObject v = Backends.vectors("rfc7520/4_1.rsa_v15_signature.json");
        Jwk key = key(jose, v.optObject("input").optObject("key"));
        byte[] payload = v.optObject("input").string("payload").getBytes(StandardCharsets.UTF_8);
        JsonObject out = v.optObject("output");
        JwsSigner signer = jose.signer(key, JwsAlgorithm.RS256);
        // RSASSA-PKCS1-v1_5 is deterministic: our output is the cookbook's, byte for byte
        assertEquals(out.string("compact"), jose.jws(payload).sign(signer).compact());
        assertEquals(out.optObject("json_flat").toJson(), jose.jws(payload).sign(signer).flattened());
        assertEquals(out.optObject("json").toJson(), jose.jws(payload).sign(signer).general());
        JwsVerifier verifier = jose.verifier(JosePolicy.allowing(JwsAlgorithm.RS256), key.toPublic());
        for (String s : List.of(out.string("compact"), out.optObject("json_flat").toJson(), out.optObject("json").toJson())) {
            assertEquals(v.optObject("input").string("payload"), verifier.verify(s).payloadText());
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void rfc7520Section45DetachedHs256(Jose jose) {
        JsonObject v = Backends.vectors("rfc7520/4_5.signature_with_detached_content.json");
        Jwk key = key(jose, v.optObject("input").optObject("key"));
        byte[] payload = v.optObject("input").string("payload").getBytes(StandardCharsets.UTF_8);
        JsonObject out = v.optObject("output");
        JwsSigner signer = jose.signer(key, JwsAlgorithm.HS256);
        assertEquals(out.string("compact"), jose.jws(payload).detached().sign(signer).compact());
        assertEquals(out.optObject("json_flat").toJson(), jose.jws(payload).detached().sign(signer).flattened());
        assertEquals(out.optObject("json").toJson(), jose.jws(payload).detached().sign(signer).general());
        JwsVerifier verifier = jose.verifier(JosePolicy.allowing(JwsAlgorithm.HS256), key);
        for (String s : List.of(out.string("compact"), out.optObject("json_flat").toJson(), out.optObject("json").toJson())) {
            assertEquals(payload.length, verifier.verifyDetached(s, payload).payload().length);
            // without the payload: compact reads as an empty payload (wrong signature), JSON lacks "payload"
            Class<? extends JoseException> expected = s.startsWith("{") ? MalformedJoseException.class : InvalidSignatureException.class;
            assertThrows(expected, () -> verifier.verify(s));
            byte[] other = payload.clone();
            other[0] ^= 1;
            assertThrows(InvalidSignatureException.class, () -> verifier.verifyDetached(s, other));
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void rfc7520Section48MultipleSignaturesEachVerify(Jose jose) {
        JsonObject v = Backends.vectors("rfc7520/4_8.multiple_signatures.json");
        List<Jwk> keys = new ArrayList<>();
        for (JsonObject k : v.optObject("input").optObjectArray("key")) {
            keys.add(key(jose, k));
        }
        String general = v.optObject("output").optObject("json").toJson();
        String[] algs = {"RS256", "ES512", "HS256"};
        for (int i = 0; i < algs.length; i++) {
            JwsAlgorithm alg = JwsAlgorithm.ofJwaName(algs[i]);
            VerifiedJws r = jose.verifier(JosePolicy.allowing(alg), JwkSet.of(keys)).verify(general);
            assertEquals(i, r.signatureIndex(), algs[i]);
            assertEquals(alg, r.algorithm());
        }
        // the ES512 signature has an unprotected header only: its signing input starts with '.'
        VerifiedJws es = jose.verifier(JosePolicy.allowing(JwsAlgorithm.ES512), keys.get(1).toPublic()).verify(general);
        assertEquals(false, es.header().isProtected("alg"));
    }

    /** Verifies every serialisation the cookbook gives for one example (compact only where it has one). */
    private static List<String> publishedForms(JsonObject out) {
        List<String> forms = new ArrayList<>();
        if (out.has("compact")) {
            forms.add(out.string("compact"));
        }
        forms.add(out.optObject("json_flat").toJson());
        forms.add(out.optObject("json").toJson());
        return forms;
    }

    private static void verifyPublished(JsonObject v, JwsVerifier verifier) {
        String payloadText = v.optObject("input").string("payload");
        for (String s : publishedForms(v.optObject("output"))) {
            assertEquals(payloadText, verifier.verify(s).payloadText(), s);
        }
    }

    /** Randomised algorithms: the published forms verify, and ours (same header bytes) round-trip. */
    private static void randomisedExample(Jose jose, String file, JwsAlgorithm alg) {
        JsonObject v = Backends.vectors(file);
        Jwk key = key(jose, v.optObject("input").optObject("key"));
        byte[] payload = v.optObject("input").string("payload").getBytes(StandardCharsets.UTF_8);
        JwsVerifier verifier = jose.verifier(JosePolicy.allowing(alg), key.toPublic());
        verifyPublished(v, verifier);
        JwsSigner signer = jose.signer(key, alg);
        String compact = jose.jws(payload).sign(signer).compact();
        // the header is deterministic even though the signature is not
        String[] parts = v.optObject("output").string("compact").split("\\.");
        assertEquals(parts[0] + "." + parts[1] + ".", compact.substring(0, compact.lastIndexOf('.') + 1));
        for (String s : List.of(compact, jose.jws(payload).sign(signer).flattened(), jose.jws(payload).sign(signer).general())) {
            assertEquals(v.optObject("input").string("payload"), verifier.verify(s).payloadText());
        }
        // a published signature over a different payload must not verify
        String forged = parts[0] + "." + Base64Url.encode("x".getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThrows(InvalidSignatureException.class, () -> verifier.verify(forged));
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void rfc7520Section42Ps384VerifiesAndRoundTrips(Jose jose) {
        randomisedExample(jose, "rfc7520/4_2.rsa-pss_signature.json", JwsAlgorithm.PS384);
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void rfc7520Section43Es512VerifiesAndRoundTrips(Jose jose) {
        randomisedExample(jose, "rfc7520/4_3.ecdsa_signature.json", JwsAlgorithm.ES512);
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void rfc7520Section44Hs256AllSerialisationsReproduced(Jose jose) {
        JsonObject v = Backends.vectors("rfc7520/4_4.hmac-sha2_integrity_protection.json");
        Jwk key = key(jose, v.optObject("input").optObject("key"));
        byte[] payload = v.optObject("input").string("payload").getBytes(StandardCharsets.UTF_8);
        JsonObject out = v.optObject("output");
        JwsSigner signer = jose.signer(key, JwsAlgorithm.HS256);
        assertEquals(out.string("compact"), jose.jws(payload).sign(signer).compact());
        assertEquals(out.optObject("json_flat").toJson(), jose.jws(payload).sign(signer).flattened());
        assertEquals(out.optObject("json").toJson(), jose.jws(payload).sign(signer).general());
        verifyPublished(v, jose.verifier(JosePolicy.allowing(JwsAlgorithm.HS256), key));
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void rfc7520Section46UnprotectedKidReproduced(Jose jose) {
        JsonObject v = Backends.vectors("rfc7520/4_6.protecting_specific_header_fields.json");
        Jwk key = key(jose, v.optObject("input").optObject("key"));
        byte[] payload = v.optObject("input").string("payload").getBytes(StandardCharsets.UTF_8);
        JsonObject out = v.optObject("output");
        String kid = v.optObject("signing").optObject("unprotected").string("kid");
        JwsSigner signer = jose.signer(key, JwsAlgorithm.HS256);
        JwsBuilder built = jose.jws(payload).sign(signer, JwsHeader.builder(JwsAlgorithm.HS256).unprotectedParameter("kid", kid));
        assertEquals(out.optObject("json_flat").toJson(), built.flattened());
        assertEquals(out.optObject("json").toJson(), built.general());
        // an unprotected header has no compact form (RFC 7515 section 7.1)
        assertThrows(MalformedJoseException.class, built::compact);
        JwsVerifier verifier = jose.verifier(JosePolicy.allowing(JwsAlgorithm.HS256), key);
        verifyPublished(v, verifier);
        VerifiedJws r = verifier.verify(out.optObject("json_flat").toJson());
        assertTrue(r.header().isProtected("alg"));
        assertFalse(r.header().isProtected("kid"));
        assertEquals(kid, r.header().kid().orElseThrow());
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void rfc7520Section47NoProtectedHeaderReproduced(Jose jose) {
        JsonObject v = Backends.vectors("rfc7520/4_7.protecting_content_only.json");
        Jwk key = key(jose, v.optObject("input").optObject("key"));
        byte[] payload = v.optObject("input").string("payload").getBytes(StandardCharsets.UTF_8);
        JsonObject out = v.optObject("output");
        String kid = v.optObject("signing").optObject("unprotected").string("kid");
        JwsSigner signer = jose.signer(key, JwsAlgorithm.HS256);
        JwsBuilder built = jose.jws(payload).sign(signer, JwsHeader.unprotectedBuilder(JwsAlgorithm.HS256).unprotectedParameter("kid", kid));
        assertEquals(out.optObject("json_flat").toJson(), built.flattened());
        assertEquals(out.optObject("json").toJson(), built.general());
        assertThrows(MalformedJoseException.class, built::compact);
        JwsVerifier verifier = jose.verifier(JosePolicy.allowing(JwsAlgorithm.HS256), key);
        verifyPublished(v, verifier);
        VerifiedJws r = verifier.verify(out.optObject("json").toJson());
        assertFalse(r.header().isProtected("alg"));
        assertEquals("", r.header().encodedProtected());
        // the signing input is ".payload": a protected header added by an attacker breaks it
        String withProtected = out.optObject("json_flat").toJson().replace("{\"payload\"",
                "{\"protected\":\"" + Base64Url.encode("{\"typ\":\"x\"}".getBytes(StandardCharsets.UTF_8)) + "\",\"payload\"");
        assertThrows(InvalidSignatureException.class, () -> verifier.verify(withProtected));
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void rfc8037A4Ed25519SignatureIsReproduced(Jose jose) {
        JsonObject v = Backends.vectors("rfc8037-appendix-a.json");
        Jwk key = key(jose, v.optObject("A.1"));
        JsonObject a4 = v.optObject("A.4");
        byte[] payload = a4.string("payload").getBytes(StandardCharsets.UTF_8);
        assertEquals(a4.string("compact"), jose.signer(key, JwsAlgorithm.EDDSA).signCompact(payload));
        Jwk pub = key(jose, v.optObject("A.2"));
        assertEquals(a4.string("payload"), jose.verifier(JosePolicy.allowing(JwsAlgorithm.EDDSA), pub).verify(a4.string("compact")).payloadText());
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void es521IsReadAsEs512(Jose jose) {
        Jwk key = jose.generateEc(org.lightwire.api.crypto.EcCurve.P_521);
        JwsSigner signer = jose.signer(key, JwsAlgorithm.ES512);
        String jws = jose.jws("x".getBytes(StandardCharsets.UTF_8)).sign(signer, signer.header().parameter("alg", "ES521")).compact();
        assertEquals(JwsAlgorithm.ES512, jose.verifier(JosePolicy.allowing(JwsAlgorithm.ES512), key.toPublic()).verify(jws).algorithm());
    }
}
