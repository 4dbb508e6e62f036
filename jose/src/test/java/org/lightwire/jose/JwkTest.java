package org.lightwire.jose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.CertificateTemplate;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.KeyType;
import org.lightwire.api.crypto.OkpCurve;
import org.lightwire.jose.internal.JsonObject;
import org.lightwire.jose.internal.JsonReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** JWK parsing, export, thumbprints, generation, PEM and sets (RFC 7517, RFC 7638, RFC 8037) on every backend. */
class JwkTest {

    private static final String BACKENDS = "org.lightwire.jose.Backends#jose";
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "k", "oth");

    static List<Jwk> everyKind(Jose jose) {
        return List.of(jose.generateRsa(2048), jose.generateEc(EcCurve.P_256), jose.generateEc(EcCurve.P_384),
                jose.generateEc(EcCurve.P_521), jose.generateOkp(OkpCurve.ED25519), jose.generateOkp(OkpCurve.X25519));
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void rfc7638Section31Thumbprint(Jose jose) {
        JsonObject v = Backends.vectors("rfc7638-section-3.1.json");
        assertEquals(v.string("thumbprint"), jose.thumbprint(jose.parseJwk(v.optObject("key").toJson())));
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void rfc8037AppendixAPublicKeyAndThumbprint(Jose jose) {
        JsonObject v = Backends.vectors("rfc8037-appendix-a.json");
        Jwk priv = jose.parseJwk(v.optObject("A.1").toJson());
        assertEquals(v.optObject("A.2").toJson(), priv.toPublicJson());
        assertEquals(v.string("A.3"), jose.thumbprint(priv));
        assertEquals(v.string("A.3"), jose.thumbprint(priv.toPublic()));
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void publicExportNeverHasPrivateMembers(Jose jose) {
        for (Jwk k : everyKind(jose)) {
            Jwk withMeta = k.toBuilder().kid("k1").use(KeyUse.SIGNATURE).build();
            JsonObject pub = JsonReader.parseObject(withMeta.toPublicJson(), "test", 1 << 16, 8);
            for (String m : pub.names()) {
                assertFalse(PRIVATE_MEMBERS.contains(m), k + " leaked " + m);
            }
            assertTrue(JsonReader.parseObject(withMeta.toJson(), "test", 1 << 16, 8).has("d"), k.toString());
            assertFalse(JwkSet.of(withMeta).toPublicJson().contains("\"d\""));
            assertFalse(withMeta.toString().contains(JsonReader.parseObject(withMeta.toJson(), "t", 1 << 16, 8).string("d")));
        }
        Jwk oct = jose.generateOct(256);
        assertThrows(JoseKeyException.class, oct::toPublicJson);
        assertEquals("{\"keys\":[]}", JwkSet.of(oct).toPublicJson());
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void jsonRoundTripKeepsKeyAndMetadata(Jose jose) {
        for (Jwk k : everyKind(jose)) {
            Jwk meta = k.toBuilder().kid("id-" + k.keyType()).keyOps(Set.of(KeyOperation.SIGN, KeyOperation.VERIFY)).alg("X").build();
            String json = meta.toJson();
            Jwk back = jose.parseJwk(json);
            assertEquals(json, back.toJson());
            assertEquals(jose.thumbprint(meta), jose.thumbprint(back));
            assertEquals(Set.of(KeyOperation.SIGN, KeyOperation.VERIFY), back.keyOps().orElseThrow());
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void destroyZeroesKeyMaterial(Jose jose) {
        Jwk k = jose.generateEc(EcCurve.P_256);
        KeyElements el = k.elements();
        k.destroy();
        assertTrue(k.isDestroyed());
        assertThrows(BadKeyException.class, () -> el.element(KeyElements.EC_D));
        assertThrows(JoseKeyException.class, k::isPrivate);
        assertThrows(JoseException.class, () -> jose.signer(k, JwsAlgorithm.ES256));
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void generatedKeysSignAndVerify(Jose jose) {
        byte[] payload = "generated".getBytes(StandardCharsets.UTF_8);
        record Case(Jwk key, JwsAlgorithm alg) {
        }
        for (Case c : List.of(new Case(jose.generateRsa(2048), JwsAlgorithm.PS256), new Case(jose.generateEc(EcCurve.P_384), JwsAlgorithm.ES384),
                new Case(jose.generateOkp(OkpCurve.ED25519), JwsAlgorithm.EDDSA), new Case(jose.generateOct(512), JwsAlgorithm.HS512),
                new Case(jose.generate(KeyType.EC, 0, "P-256"), JwsAlgorithm.ES256))) {
            String jws = jose.signer(c.key, c.alg).signCompact(payload);
            Jwk verifyKey = c.key.keyType() == KeyType.OCT ? c.key : c.key.toPublic();
            assertArrayEquals(payload, jose.verifier(JosePolicy.allowing(c.alg), verifyKey).verify(jws).payload());
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void useAndKeyOpsMustAgree(Jose jose) {
        Jwk k = jose.generateEc(EcCurve.P_256);
        assertThrows(MalformedJoseException.class, () -> k.toBuilder().use(KeyUse.ENCRYPTION).keyOps(Set.of(KeyOperation.SIGN)).build());
        String json = k.toBuilder().build().toJson().replace("}", ",\"key_ops\":[\"sign\",\"sign\"]}");
        assertThrows(MalformedJoseException.class, () -> jose.parseJwk(json));
        String badUse = k.toJson().replace("}", ",\"use\":\"both\"}");
        assertThrows(MalformedJoseException.class, () -> jose.parseJwk(badUse));
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void setsFindByKidAndSkipUnknownKeyTypes(Jose jose) {
        Jwk a = jose.generateEc(EcCurve.P_256).toBuilder().kid("a").build();
        Jwk b = jose.generateOkp(OkpCurve.ED25519).toBuilder().kid("b").build();
        String json = "{\"keys\":[" + a.toPublicJson() + ",{\"kty\":\"PQC\",\"kid\":\"future\",\"pub\":\"AAAA\"}," + b.toPublicJson() + "]}";
        JwkSet set = jose.parseJwkSet(json);
        assertEquals(2, set.size());
        assertEquals(jose.thumbprint(b), jose.thumbprint(set.byKid("b").orElseThrow()));
        assertTrue(set.byKid("future").isEmpty());
        assertEquals(1, jose.parseJwkSet(a.toJson()).size());
        assertThrows(MalformedJoseException.class, () -> jose.parseJwk(json));
        assertThrows(JoseKeyException.class, () -> jose.parseJwk("{\"kty\":\"PQC\"}"));
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void pemRoundTripsForEveryAsymmetricKind(Jose jose) {
        for (Jwk k : everyKind(jose)) {
            String thumb = jose.thumbprint(k);
            Jwk fromPrivatePem = jose.fromPem(jose.toPem(k));
            assertTrue(fromPrivatePem.isPrivate());
            assertEquals(thumb, jose.thumbprint(fromPrivatePem));
            String publicPem = jose.toPem(k.toPublic());
            assertTrue(publicPem.contains("BEGIN PUBLIC KEY"), publicPem);
            Jwk fromPublicPem = jose.readKeys(publicPem).keys().get(0);
            assertFalse(fromPublicPem.isPrivate());
            assertEquals(thumb, jose.thumbprint(fromPublicPem));
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void certificatePemGivesPublicKeyWithX5c(Jose jose) {
        Jwk k = jose.generateEc(EcCurve.P_256);
        X509Certificate cert = jose.backend().x509().selfSigned(CertificateTemplate.builder("CN=jose test").dnsName("localhost").build(), k.elements());
        String pem;
        try {
            pem = jose.backend().x509().pem("CERTIFICATE", cert.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new AssertionError(e);
        }
        Jwk fromCert = jose.fromPem("some text before\n" + pem);
        assertEquals(jose.thumbprint(k), jose.thumbprint(fromCert));
        assertEquals(1, fromCert.x5c().size());
        // the x5c survives JSON and is checked against the key on parsing
        Jwk back = jose.parseJwk(fromCert.toJson());
        assertEquals(1, back.x5c().size());
        Jwk other = jose.generateEc(EcCurve.P_256);
        String mismatched = other.toPublic().toBuilder().x5c(fromCert.x5c()).build().toJson();
        assertThrows(JoseKeyException.class, () -> jose.parseJwk(mismatched));
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void okpPrivateKeyMustMatchItsPublicKey(Jose jose) {
        JsonObject a1 = Backends.vectors("rfc8037-appendix-a.json").optObject("A.1");
        String wrongX = a1.toJson().replace(a1.string("x"), jose.generateOkp(OkpCurve.ED25519).toPublic().toJson().split("\"x\":\"")[1].split("\"")[0]);
        assertThrows(JoseKeyException.class, () -> jose.parseJwk(wrongX));
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void standaloneFindsABackendByName(Jose jose) {
        assertEquals(jose.backend().name(), Jose.standalone(jose.backend().name()).backend().name());
        assertThrows(JoseException.class, () -> Jose.standalone("no-such-backend"));
        assertInstanceOf(Jose.class, Jose.standalone());
    }
}
