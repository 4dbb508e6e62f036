package org.lightwire.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.jose.internal.Base64Url;
import org.lightwire.jose.internal.JsonObject;
import org.lightwire.jose.internal.JsonReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed, truncated, oversized and hostile JOSE input: each refused with a typed error, on every backend. */
class HostileInputTest {

    private static final String BACKENDS = "org.lightwire.jose.Backends#jose";
    private static final byte[] PAYLOAD = "{\"sub\":\"alice\"}".getBytes(StandardCharsets.UTF_8);

    private static Jwk hmacKey(Jose jose) {
        return jose.parseJwk("{\"kty\":\"oct\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\"}");
    }

    /** A compact JWS with an arbitrary protected header, validly HS256-signed, so only the header is at fault. */
    private static String withHeader(Jose jose, Jwk key, String headerJson) {
        String h = Base64Url.encode(headerJson.getBytes(StandardCharsets.UTF_8));
        String input = h + "." + Base64Url.encode(PAYLOAD);
        return input + "." + Base64Url.encode(jose.signer(key, JwsAlgorithm.HS256).sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static JwsVerifier hs256(Jose jose, Jwk key) {
        return jose.verifier(JosePolicy.allowing(JwsAlgorithm.HS256), key);
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void malformedBase64UrlIsRefused(Jose jose) {
        Jwk key = hmacKey(jose);
        String good = jose.signer(key, JwsAlgorithm.HS256).signCompact(PAYLOAD);
        JwsVerifier v = hs256(jose, key);
        String[] p = good.split("\\.");
        for (String bad : new String[] {
            p[0] + "=." + p[1] + "." + p[2], // padding
            p[0] + "." + p[1] + "." + p[2] + "=", // padding on the signature
            p[0] + "." + p[1].replace('-', '+') + "X." + p[2], // standard alphabet
            p[0] + "." + p[1] + "." + p[2].substring(0, 10) + "/" + p[2].substring(11), // '/'
            p[0] + "." + p[1] + " ." + p[2], // whitespace
            p[0] + "." + p[1] + "." + p[2] + "AA", // 4n+1 characters (43 + 2)
            p[0] + "." + p[1] + "." + p[2].substring(0, p[2].length() - 1) + "B", // non-canonical trailing bits (43 chars: 2 unused)
        }) {
            assertThrows(MalformedJoseException.class, () -> v.verify(bad), bad);
        }
        assertEquals(good, p[0] + "." + p[1] + "." + p[2]);
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void wrongPartCountsAreRefused(Jose jose) {
        JwsVerifier v = hs256(jose, hmacKey(jose));
        for (String bad : new String[] {"", "abc", "abc.def", "a.b.c.d", "a.b.c.d.e", "....", "eyJhbGciOiJIUzI1NiJ9..."}) {
            assertThrows(MalformedJoseException.class, () -> v.verify(bad), bad);
        }
        MalformedJoseException jwe = assertThrows(MalformedJoseException.class, () -> v.verify("a.b.c.d.e"));
        assertTrue(jwe.getMessage().contains("JWE"), jwe.getMessage());
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void oversizedPartsAreRefusedBeforeDecoding(Jose jose) {
        Jwk key = hmacKey(jose);
        JoseLimits small = JoseLimits.builder().maxHeaderBytes(64).maxPayloadBytes(100).maxObjectChars(1000).maxJsonDepth(3)
                .maxSignatures(2).build();
        Jose strict = jose.withLimits(small);
        JwsVerifier v = hs256(strict, key);
        String bigHeader = withHeader(jose, key, "{\"alg\":\"HS256\",\"pad\":\"" + "x".repeat(100) + "\"}");
        assertThrows(JoseLimitException.class, () -> v.verify(bigHeader));
        String bigPayload = jose.signer(key, JwsAlgorithm.HS256).signCompact(new byte[101]);
        assertThrows(JoseLimitException.class, () -> v.verify(bigPayload));
        assertThrows(JoseLimitException.class, () -> v.verify("a".repeat(1001)));
        String deep = withHeader(jose, key, "{\"alg\":\"HS256\",\"x\":[[[[1]]]]}");
        assertThrows(JoseLimitException.class, () -> v.verify(deep));
        JwsSigner s = jose.signer(key, JwsAlgorithm.HS256);
        String three = jose.jws(PAYLOAD).sign(s).sign(s).sign(s).general();
        assertThrows(JoseLimitException.class, () -> v.verify(three));
        assertThrows(JoseLimitException.class, () -> jose.withLimits(JoseLimits.builder().maxKeyChars(50).build()).parseJwk(key.toJson()));
        // deep nesting stops at the depth limit, long before the stack would
        String nested = "{\"payload\":" + "[".repeat(200_000) + "]".repeat(200_000) + "}";
        assertThrows(JoseLimitException.class, () -> hs256(jose, key).verify(nested));
        // the defaults accept ordinary objects
        assertEquals(PAYLOAD.length, hs256(jose, key).verify(three).payload().length);
        assertThrows(IllegalArgumentException.class, () -> JoseLimits.builder().maxPayloadBytes(0));
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void limitsReadFromConfigurationKeys(Jose jose) {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("jose.max-header-bytes", "512");
        assertEquals(512, JoseLimits.fromProperties(p).maxHeaderBytes());
        assertEquals(JoseLimits.DEFAULT_MAX_PAYLOAD_BYTES, JoseLimits.fromProperties(p).maxPayloadBytes());
        p.setProperty("jose.max-keys", "-1");
        JoseException e = assertThrows(JoseException.class, () -> JoseLimits.fromProperties(p));
        assertTrue(e.getMessage().contains("jose.max-keys"));
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void duplicateJsonMembersAreRefused(Jose jose) {
        Jwk key = hmacKey(jose);
        String dupAlg = withHeader(jose, key, "{\"alg\":\"HS256\",\"alg\":\"none\"}");
        MalformedJoseException e = assertThrows(MalformedJoseException.class, () -> hs256(jose, key).verify(dupAlg));
        assertTrue(e.getMessage().contains("duplicate"), e.getMessage());
        assertThrows(MalformedJoseException.class, () -> jose.parseJwk("{\"kty\":\"oct\",\"k\":\"AAAA\",\"k\":\"BBBB\"}"));
        String flat = jose.jws(PAYLOAD).sign(jose.signer(key, JwsAlgorithm.HS256)).flattened();
        String dupPayload = flat.replace("{\"payload\":", "{\"payload\":\"AAAA\",\"payload\":");
        assertThrows(MalformedJoseException.class, () -> hs256(jose, key).verify(dupPayload));
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void malformedJsonIsRefused(Jose jose) {
        Jwk key = hmacKey(jose);
        for (String header : new String[] {"{\"alg\":\"HS256\",}", "{\"alg\":\"HS256\"", "{'alg':'HS256'}", "{\"alg\":\"HS256\",\"n\":01}",
            "{\"alg\":\"HS256\",\"s\":\"\\ud800\"}", "{\"alg\":\"HS256\",\"s\":\"a\u0001\"}", "{\"alg\":\"HS256\"} x", "[\"alg\"]",
            "{\"alg\":\"HS256\",\"s\":\"\\x41\"}", "{\"alg\":HS256}"}) {
            String jws = withHeader(jose, key, header);
            assertThrows(MalformedJoseException.class, () -> hs256(jose, key).verify(jws), header);
        }
        byte[] notUtf8 = {'{', '"', 'a', (byte) 0xC0, (byte) 0xAF, '"', ':', '1', '}'};
        assertThrows(MalformedJoseException.class, () -> JsonReader.parseObject(notUtf8, "t", 100, 4));
        JsonObject ok = JsonReader.parseObject("{\"a\":[1,-0.5e+3,true,null,\"\\u00e9\\ud83d\\ude00\"]}", "t", 100, 4);
        assertEquals("{\"a\":[1,-0.5e+3,true,null,\"é😀\"]}", ok.toJson());
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void offCurveEcPublicKeysAreRefused(Jose jose) {
        for (EcCurve c : EcCurve.values()) {
            Jwk k = jose.generateEc(c).toPublic();
            JsonObject o = JsonReader.parseObject(k.toJson(), "t", 1 << 16, 4);
            byte[] y = Base64Url.decode(o.string("y"), "y");
            y[y.length - 1] ^= 1;
            String offCurve = k.toJson().replace(o.string("y"), Base64Url.encode(y));
            JoseKeyException e = assertThrows(JoseKeyException.class, () -> jose.parseJwk(offCurve), c.jwkName());
            assertInstanceOf(BadKeyException.class, e.getCause());
            String zero = k.toJson().replace(o.string("x"), Base64Url.encode(new byte[c.fieldLength()]))
                    .replace(o.string("y"), Base64Url.encode(new byte[c.fieldLength()]));
            assertThrows(JoseKeyException.class, () -> jose.parseJwk(zero));
        }
        // Ed25519: y = 2 has no x on the curve (RFC 8032 section 5.1.3 decoding fails)
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 2;
        String ed = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + Base64Url.encode(notAPoint) + "\"}";
        assertInstanceOf(BadKeyException.class, assertThrows(JoseKeyException.class, () -> jose.parseJwk(ed)).getCause());
        // wrong coordinate length for the curve
        assertThrows(JoseKeyException.class, () -> jose.parseJwk("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AAAA\",\"y\":\"AAAA\"}"));
        assertThrows(JoseKeyException.class, () -> jose.parseJwk("{\"kty\":\"EC\",\"crv\":\"secp256k1\",\"x\":\"AAAA\",\"y\":\"AAAA\"}"));
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void hmacKeyedWithAnRsaPublicKeyIsRefused(Jose jose) {
        Jwk rsa = jose.generateRsa(2048);
        Jwk rsaPublic = rsa.toPublic();
        // the classic confusion: an attacker HMACs with the public key's PEM as the secret
        byte[] pem = jose.toPem(rsaPublic).getBytes(StandardCharsets.US_ASCII);
        Jwk forged = Jwk.builder(org.lightwire.api.crypto.KeyElements.oct(pem)).build();
        String token = jose.signer(forged, JwsAlgorithm.HS256).signCompact(PAYLOAD);
        JwsVerifier lenient = jose.verifier(JosePolicy.allowing(JwsAlgorithm.RS256, JwsAlgorithm.HS256), rsaPublic);
        AlgorithmRejectedException e = assertThrows(AlgorithmRejectedException.class, () -> lenient.verify(token));
        assertTrue(e.getMessage().contains("oct"), e.getMessage());
        assertThrows(AlgorithmRejectedException.class, () -> jose.verifier(JosePolicy.allowing(JwsAlgorithm.RS256), rsaPublic).verify(token));
        assertThrows(AlgorithmRejectedException.class, () -> jose.signer(rsa, JwsAlgorithm.HS256));
        // a key that names its algorithm cannot be used for another of the same family
        Jwk es = jose.generateEc(EcCurve.P_256).toBuilder().alg("ES256").use(KeyUse.SIGNATURE).build();
        assertThrows(AlgorithmRejectedException.class, () -> jose.signer(es, JwsAlgorithm.ES384));
        Jwk encOnly = jose.generateEc(EcCurve.P_256).toBuilder().use(KeyUse.ENCRYPTION).build();
        assertThrows(AlgorithmRejectedException.class, () -> jose.signer(encOnly, JwsAlgorithm.ES256));
        Jwk verifyOnly = hmacKey(jose).toBuilder().keyOps(java.util.Set.of(KeyOperation.VERIFY)).build();
        assertThrows(AlgorithmRejectedException.class, () -> jose.signer(verifyOnly, JwsAlgorithm.HS256));
        // HMAC keys shorter than the hash (RFC 7518 section 3.2)
        Jwk shortKey = jose.generateOct(128);
        assertThrows(AlgorithmRejectedException.class, () -> jose.signer(shortKey, JwsAlgorithm.HS256));
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void algNoneIsRefusedUnlessAllowed(Jose jose) {
        Jwk key = hmacKey(jose);
        String none = jose.jws(PAYLOAD).sign(jose.unsecuredSigner(), JwsHeader.builder(JwsAlgorithm.NONE)).compact();
        assertThrows(AlgorithmRejectedException.class, () -> hs256(jose, key).verify(none));
        assertThrows(AlgorithmRejectedException.class, () -> jose.verifier(JosePolicy.allSignatures(), key).verify(none));
        assertThrows(IllegalArgumentException.class, () -> JosePolicy.allowing(JwsAlgorithm.NONE));
        assertThrows(AlgorithmRejectedException.class, () -> jose.signer(key, JwsAlgorithm.NONE));
        // "none" with a signature attached is still not a valid unsecured JWS
        String noneWithSig = none + "AAAA";
        assertThrows(InvalidSignatureException.class, () -> jose.verifier(JosePolicy.builder().allowUnsecured().build(), key).verify(noneWithSig));
        String unknown = withHeader(jose, key, "{\"alg\":\"HS999\"}");
        assertThrows(AlgorithmRejectedException.class, () -> hs256(jose, key).verify(unknown));
        String lowercase = withHeader(jose, key, "{\"alg\":\"NONE\"}");
        assertThrows(AlgorithmRejectedException.class, () -> hs256(jose, key).verify(lowercase));
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void criticalHeaderRules(Jose jose) {
        Jwk key = hmacKey(jose);
        JwsVerifier v = hs256(jose, key);
        String unknownExt = withHeader(jose, key, "{\"alg\":\"HS256\",\"crit\":[\"exp\"],\"exp\":1363284000}");
        assertThrows(CriticalHeaderException.class, () -> v.verify(unknownExt));
        assertEquals(PAYLOAD.length, v.understanding("exp").verify(unknownExt).payload().length);
        for (String h : new String[] {"{\"alg\":\"HS256\",\"crit\":[]}", "{\"alg\":\"HS256\",\"crit\":\"exp\",\"exp\":1}",
            "{\"alg\":\"HS256\",\"crit\":[\"alg\"]}", "{\"alg\":\"HS256\",\"crit\":[\"exp\"]}", "{\"alg\":\"HS256\",\"crit\":[\"exp\",\"exp\"],\"exp\":1}",
            "{\"alg\":\"HS256\",\"crit\":[1]}", "{\"alg\":\"HS256\",\"b64\":false}"}) {
            String jws = withHeader(jose, key, h);
            assertThrows(CriticalHeaderException.class, () -> v.understanding("exp").verify(jws), h);
        }
        // crit in an unprotected header
        JwsSigner s = jose.signer(key, JwsAlgorithm.HS256);
        String flat = jose.jws(PAYLOAD).sign(s, s.header().unprotectedParameter("crit", java.util.List.of("exp"))).flattened();
        assertThrows(CriticalHeaderException.class, () -> v.verify(flat));
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void truncatedSignaturesAreRefused(Jose jose) {
        Jwk hmac = hmacKey(jose);
        Jwk ec = jose.generateEc(EcCurve.P_256);
        Jwk rsa = jose.generateRsa(2048);
        Jwk ed = jose.generateOkp(org.lightwire.api.crypto.OkpCurve.ED25519);
        record Case(Jwk key, JwsAlgorithm alg) {
        }
        for (Case c : new Case[] {new Case(hmac, JwsAlgorithm.HS256), new Case(ec, JwsAlgorithm.ES256), new Case(rsa, JwsAlgorithm.RS256),
            new Case(rsa, JwsAlgorithm.PS256), new Case(ed, JwsAlgorithm.EDDSA)}) {
            String jws = jose.signer(c.key, c.alg).signCompact(PAYLOAD);
            Jwk verifyKey = c.key == hmac ? hmac : c.key.toPublic();
            JwsVerifier v = jose.verifier(JosePolicy.allowing(c.alg), verifyKey);
            int sigStart = jws.lastIndexOf('.') + 1;
            byte[] sig = Base64Url.decode(jws.substring(sigStart), "sig");
            for (int keep : new int[] {0, 1, sig.length / 2, sig.length - 1}) {
                String truncated = jws.substring(0, sigStart) + Base64Url.encode(Arrays.copyOf(sig, keep));
                assertThrows(InvalidSignatureException.class, () -> v.verify(truncated), c.alg + " kept " + keep);
            }
            byte[] flipped = sig.clone();
            flipped[flipped.length / 2] ^= 0x10;
            String tampered = jws.substring(0, sigStart) + Base64Url.encode(flipped);
            assertThrows(InvalidSignatureException.class, () -> v.verify(tampered), c.alg + " flipped");
            // and the untouched one verifies
            assertEquals(PAYLOAD.length, v.verify(jws).payload().length);
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void jsonSerialisationStructureIsChecked(Jose jose) {
        Jwk key = hmacKey(jose);
        JwsVerifier v = hs256(jose, key);
        JwsSigner s = jose.signer(key, JwsAlgorithm.HS256);
        String general = jose.jws(PAYLOAD).sign(s).general();
        assertThrows(MalformedJoseException.class, () -> v.verify(general.replace("{\"payload\"", "{\"signature\":\"AAAA\",\"payload\"")));
        assertThrows(MalformedJoseException.class, () -> v.verify("{\"payload\":\"AAAA\",\"signatures\":[]}"));
        assertThrows(MalformedJoseException.class, () -> v.verify("{\"payload\":\"AAAA\",\"signatures\":[{\"signature\":\"AAAA\"}]}"));
        assertThrows(MalformedJoseException.class, () -> v.verify("{\"payload\":1,\"protected\":\"eyJhbGciOiJIUzI1NiJ9\",\"signature\":\"\"}"));
        // a parameter both protected and unprotected
        assertThrows(MalformedJoseException.class, () -> s.header().kid("a").unprotectedParameter("kid", "b").build());
        String both = jose.jws(PAYLOAD).sign(s, s.header().kid("a")).flattened().replace(",\"signature\"", ",\"header\":{\"kid\":\"b\"},\"signature\"");
        assertThrows(MalformedJoseException.class, () -> v.verify(both));
        // alg only in the unprotected header is legal (RFC 7520 4.8) and then the key must still fit
        String unprotectedAlg = "{\"payload\":\"" + Base64Url.encode(PAYLOAD) + "\",\"header\":{\"alg\":\"HS256\"},\"signature\":\""
                + Base64Url.encode(s.sign(("." + Base64Url.encode(PAYLOAD)).getBytes(StandardCharsets.US_ASCII))) + "\"}";
        assertEquals(PAYLOAD.length, v.verify(unprotectedAlg).payload().length);
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void unencodedPayloadRfc7797(Jose jose) {
        Jwk key = hmacKey(jose);
        JwsSigner s = jose.signer(key, JwsAlgorithm.HS256);
        byte[] payload = "$.02".getBytes(StandardCharsets.UTF_8);
        // RFC 7797 section 4.2: the example's detached compact form and its signature
        String compact = jose.jws(payload).unencodedPayload().detached().sign(s, JwsHeader.builder(JwsAlgorithm.HS256)).compact();
        assertEquals("eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19..A5dxf2s96_n5FLueVuW1Z_vh161FwXZC4YLPff6dmDY", compact);
        assertEquals("$.02", hs256(jose, key).verifyDetached(compact, payload).payloadText());
        String flat = jose.jws(payload).unencodedPayload().sign(s, JwsHeader.builder(JwsAlgorithm.HS256)).flattened();
        assertTrue(flat.contains("\"payload\":\"$.02\""), flat);
        assertEquals("$.02", hs256(jose, key).verify(flat).payloadText());
        assertThrows(MalformedJoseException.class, () -> jose.jws(payload).unencodedPayload().sign(s).compact());
    }
}
