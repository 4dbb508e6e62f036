package org.lightwire.jose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.OkpCurve;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * nimbus-jose-jwt as an independent implementation: every JWS algorithm signed here verifies
 * there and the other way round, and JWKs round-trip between the two with equal RFC 7638
 * thumbprints — on every backend.
 */
class NimbusCrossCheckTest {

    private static final String BACKENDS = "org.lightwire.jose.Backends#jose";
    private static final byte[] PAYLOAD = "{\"iss\":\"lightwire\",\"n\":42,\"s\":\"é\"}".getBytes(StandardCharsets.UTF_8);

    private static Map<JwsAlgorithm, Jwk> keys(Jose jose) {
        Map<JwsAlgorithm, Jwk> m = new EnumMap<>(JwsAlgorithm.class);
        Jwk rsa = jose.generateRsa(2048);
        Jwk oct = jose.generateOct(512);
        for (JwsAlgorithm a : JwsAlgorithm.values()) {
            switch (a.family()) {
                case HMAC -> m.put(a, oct);
                case RSA_PKCS1, RSA_PSS -> m.put(a, rsa);
                case ECDSA -> m.put(a, jose.generateEc(a.curve()));
                case EDDSA -> m.put(a, jose.generateOkp(OkpCurve.ED25519));
                default -> {
                }
            }
        }
        return m;
    }

    private static JWSSigner nimbusSigner(JWK k) throws Exception {
        if (k instanceof RSAKey r) {
            return new RSASSASigner(r);
        }
        if (k instanceof ECKey e) {
            return new ECDSASigner(e);
        }
        if (k instanceof OctetKeyPair o) {
            return new Ed25519Signer(o);
        }
        return new MACSigner((OctetSequenceKey) k);
    }

    private static JWSVerifier nimbusVerifier(JWK k) throws Exception {
        if (k instanceof RSAKey r) {
            return new RSASSAVerifier(r.toPublicJWK());
        }
        if (k instanceof ECKey e) {
            return new ECDSAVerifier(e.toPublicJWK());
        }
        if (k instanceof OctetKeyPair o) {
            return new Ed25519Verifier(o.toPublicJWK());
        }
        return new MACVerifier((OctetSequenceKey) k);
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void everyAlgorithmSignedHereVerifiesInNimbus(Jose jose) throws Exception {
        for (Map.Entry<JwsAlgorithm, Jwk> e : keys(jose).entrySet()) {
            String jws = jose.signer(e.getValue(), e.getKey()).signCompact(PAYLOAD);
            JWSObject parsed = JWSObject.parse(jws);
            assertTrue(parsed.verify(nimbusVerifier(JWK.parse(e.getValue().toJson()))), e.getKey().jwaName());
            assertArrayEquals(PAYLOAD, parsed.getPayload().toBytes());
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void everyAlgorithmSignedInNimbusVerifiesHere(Jose jose) throws Exception {
        for (Map.Entry<JwsAlgorithm, Jwk> e : keys(jose).entrySet()) {
            JWK nk = JWK.parse(e.getValue().toJson());
            JWSObject obj = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.parse(e.getKey().jwaName())).keyID("n1").build(), new Payload(PAYLOAD));
            obj.sign(nimbusSigner(nk));
            Jwk verifyKey = e.getKey().family() == JwsAlgorithm.Family.HMAC ? e.getValue() : e.getValue().toPublic();
            JwsVerifier v = jose.verifier(JosePolicy.allowing(e.getKey()), verifyKey.toBuilder().kid("n1").build());
            VerifiedJws r = v.verify(obj.serialize());
            assertArrayEquals(PAYLOAD, r.payload(), e.getKey().jwaName());
            assertEquals(e.getKey(), r.algorithm());
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void jwksRoundTripWithNimbus(Jose jose) throws Exception {
        Jwk[] all = {jose.generateRsa(2048), jose.generateEc(EcCurve.P_256), jose.generateEc(EcCurve.P_384), jose.generateEc(EcCurve.P_521),
            jose.generateOkp(OkpCurve.ED25519), jose.generateOkp(OkpCurve.X25519), jose.generateOct(256)};
        for (Jwk k : all) {
            Jwk meta = k.toBuilder().kid("kid-1").use(KeyUse.SIGNATURE).build();
            JWK nimbus = JWK.parse(meta.toJson());
            assertEquals(jose.thumbprint(meta), nimbus.computeThumbprint().toString(), k.toString());
            assertEquals("kid-1", nimbus.getKeyID());
            assertEquals(meta.isPrivate(), nimbus.isPrivate());
            Jwk back = jose.parseJwk(nimbus.toJSONString());
            assertEquals(meta.toJson(), back.toJson(), "private round trip " + k);
            if (k.keyType() != org.lightwire.api.crypto.KeyType.OCT) {
                Jwk pub = jose.parseJwk(nimbus.toPublicJWK().toJSONString());
                assertEquals(meta.toPublicJson(), pub.toJson(), "public round trip " + k);
                assertEquals(nimbus.toPublicJWK().computeThumbprint().toString(), jose.thumbprint(pub));
            }
        }
    }

    @ParameterizedTest
    @MethodSource(BACKENDS)
    void jsonSerialisationsAreReadByNimbus(Jose jose) throws Exception {
        Jwk ec = jose.generateEc(EcCurve.P_256);
        Jwk oct = jose.generateOct(256);
        String general = jose.jws(PAYLOAD).sign(jose.signer(ec, JwsAlgorithm.ES256)).sign(jose.signer(oct, JwsAlgorithm.HS256)).general();
        com.nimbusds.jose.JWSObjectJSON parsed = com.nimbusds.jose.JWSObjectJSON.parse(general);
        assertEquals(2, parsed.getSignatures().size());
        assertTrue(parsed.getSignatures().get(0).verify(nimbusVerifier(JWK.parse(ec.toJson()))));
        assertTrue(parsed.getSignatures().get(1).verify(nimbusVerifier(JWK.parse(oct.toJson()))));
    }
}
