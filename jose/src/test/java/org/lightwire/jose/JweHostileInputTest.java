package org.lightwire.jose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.InvalidPointException;
import org.lightwire.api.crypto.OkpCurve;
import org.lightwire.jose.internal.Base64Url;

/** Every way a hostile JWE can be wrong is refused with a typed error, on every backend. */
class JweHostileInputTest {

    private static final byte[] PLAINTEXT = "attack at dawn".getBytes(StandardCharsets.UTF_8);

    static Stream<CryptoBackend> backends() {
        return JweBackends.all().stream();
    }

    private static String[] parts(String compact) {
        return compact.split("\\.", -1);
    }

    private static String join(String... p) {
        return String.join(".", p);
    }

    private static String withHeader(String compact, String headerJson) {
        String[] p = parts(compact);
        p[0] = Base64Url.encode(headerJson.getBytes(StandardCharsets.UTF_8));
        return join(p);
    }

    private static String header(String compact) {
        return new String(Base64Url.decode(parts(compact)[0], "h"), StandardCharsets.UTF_8);
    }

    private static JweDecrypter decrypter(Jose jose, Jwk key) {
        return jose.jweDecrypter(JweBackends.allJwe(), key);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void malformedBase64urlInEveryPartIsMalformed(CryptoBackend b) {
        Jose jose = Jose.with(b);
        Jwk key = jose.generateOct(128);
        String[] p = parts(jose.jwe(PLAINTEXT, EncryptionMethod.A128GCM).recipient(JweAlgorithm.A128KW, key).compact());
        for (int i = 0; i < 5; i++) {
            for (String bad : List.of("a+b", "ab==", "a/bc", "abcde", "a b")) {
                String[] q = p.clone();
                q[i] = bad;
                assertThrows(MalformedJoseException.class, () -> decrypter(jose, key).decrypt(join(q)), "part " + i + " = " + bad);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aJweHasExactlyFiveParts(CryptoBackend b) {
        Jose jose = Jose.with(b);
        Jwk key = jose.generateOct(128);
        String c = jose.jwe(PLAINTEXT, EncryptionMethod.A128GCM).recipient(JweAlgorithm.A128KW, key).compact();
        String[] p = parts(c);
        for (String bad : List.of(join(p[0], p[1], p[2]), join(p[0], p[1], p[2], p[3]), c + ".AAAA", c + ".", "", p[0])) {
            assertThrows(MalformedJoseException.class, () -> jose.parseJwe(bad), bad);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void oversizedHeadersAreRefusedBeforeDecoding(CryptoBackend b) {
        Jose jose = Jose.with(b);
        Jwk key = jose.generateOct(128);
        String c = jose.jwe(PLAINTEXT, EncryptionMethod.A128GCM).recipient(JweAlgorithm.A128KW, key).compact();
        String big = "{\"alg\":\"A128KW\",\"enc\":\"A128GCM\",\"x\":\"" + "a".repeat(JoseLimits.DEFAULT_MAX_HEADER_BYTES) + "\"}";
        assertThrows(JoseLimitException.class, () -> jose.parseJwe(withHeader(c, big)));
        String bigShared = "{\"protected\":\"" + parts(c)[0] + "\",\"unprotected\":{\"x\":\"" + "a".repeat(JoseLimits.DEFAULT_MAX_HEADER_BYTES)
                + "\"},\"encrypted_key\":\"" + parts(c)[1] + "\",\"iv\":\"" + parts(c)[2] + "\",\"ciphertext\":\"" + parts(c)[3]
                + "\",\"tag\":\"" + parts(c)[4] + "\"}";
        assertThrows(JoseLimitException.class, () -> jose.parseJwe(bigShared));
        Jose small = jose.withLimits(JoseLimits.builder().maxObjectChars(100).build());
        assertThrows(JoseLimitException.class, () -> small.parseJwe(c));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void offCurveEphemeralKeysAreRefusedBeforeUse(CryptoBackend b) {
        Jose jose = Jose.with(b);
        for (EcCurve curve : EcCurve.values()) {
            Jwk key = jose.generateEc(curve);
            String c = jose.jwe(PLAINTEXT, EncryptionMethod.A128GCM).recipient(JweAlgorithm.ECDH_ES_A128KW, key).compact();
            String h = header(c);
            // move y by one: the point leaves the curve (the invalid-curve attack's first step)
            String y = h.replaceAll(".*\"y\":\"([^\"]+)\".*", "$1");
            byte[] yb = Base64Url.decode(y, "y");
            yb[yb.length - 1] ^= 1;
            String bad = withHeader(c, h.replace(y, Base64Url.encode(yb)));
            JoseKeyException e = assertThrows(JoseKeyException.class, () -> decrypter(jose, key).decrypt(bad), curve.jwkName());
            assertInstanceOf(InvalidPointException.class, e.getCause(), e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void smallOrderX25519EphemeralKeysAreRefused(CryptoBackend b) {
        Jose jose = Jose.with(b);
        Jwk key = jose.generateOkp(OkpCurve.X25519);
        String c = jose.jwe(PLAINTEXT, EncryptionMethod.A256GCM).recipient(JweAlgorithm.ECDH_ES, key).compact();
        String h = header(c);
        String x = h.replaceAll(".*\"x\":\"([^\"]+)\".*", "$1");
        byte[] zero = new byte[32];
        byte[] one = new byte[32];
        one[0] = 1;
        for (byte[] point : List.of(zero, one)) {
            String bad = withHeader(c, h.replace(x, Base64Url.encode(point)));
            JoseKeyException e = assertThrows(JoseKeyException.class, () -> decrypter(jose, key).decrypt(bad));
            assertInstanceOf(InvalidPointException.class, e.getCause(), e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void ephemeralKeyOnAnotherCurveIsRefused(CryptoBackend b) {
        Jose jose = Jose.with(b);
        Jwk p256 = jose.generateEc(EcCurve.P_256);
        Jwk p384 = jose.generateEc(EcCurve.P_384);
        String c = jose.jwe(PLAINTEXT, EncryptionMethod.A128GCM).recipient(JweAlgorithm.ECDH_ES, p384).compact();
        // a P-384 epk presented to a P-256 key
        assertThrows(JoseKeyException.class, () -> decrypter(jose, p256).decrypt(c));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void rsa15FailuresLookLikeTagFailures(CryptoBackend b) {
        Jose jose = Jose.with(b);
        Jwk key = jose.generateRsa(2048);
        String c = jose.jwe(PLAINTEXT, EncryptionMethod.A128CBC_HS256).recipient(JweAlgorithm.RSA1_5, key).compact();
        String[] p = parts(c);
        byte[] ek = Base64Url.decode(p[1], "ek");
        List<String> messages = new ArrayList<>();
        // garbage key ciphertext (bad padding), a zero one, a short one, and a valid key with a bad tag
        byte[] garbled = ek.clone();
        garbled[10] ^= 0x55;
        byte[] tag = Base64Url.decode(p[4], "tag");
        tag[0] ^= 1;
        for (String bad : List.of(join(p[0], Base64Url.encode(garbled), p[2], p[3], p[4]),
                join(p[0], Base64Url.encode(new byte[ek.length]), p[2], p[3], p[4]),
                join(p[0], Base64Url.encode(Arrays.copyOf(ek, 16)), p[2], p[3], p[4]),
                join(p[0], p[1], p[2], p[3], Base64Url.encode(tag)))) {
            JweDecryptionException e = assertThrows(JweDecryptionException.class, () -> decrypter(jose, key).decrypt(bad));
            messages.add(e.getMessage());
            assertEquals(null, e.getCause());
        }
        assertEquals(1, messages.stream().distinct().count(), "one message whatever failed: " + messages);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void truncatedExtendedAndWrongTagsFail(CryptoBackend b) {
        Jose jose = Jose.with(b);
        for (EncryptionMethod enc : EncryptionMethod.values()) {
            Jwk key = jose.generateOct(enc.cekLength() * 8);
            String[] p = parts(jose.jwe(PLAINTEXT, enc).recipient(JweAlgorithm.DIR, key).compact());
            byte[] tag = Base64Url.decode(p[4], "tag");
            List<byte[]> bad = List.of(Arrays.copyOf(tag, tag.length - 1), Arrays.copyOf(tag, tag.length / 2), Arrays.copyOf(tag, tag.length + 1),
                    new byte[0], flip(tag, tag.length - 1));
            for (byte[] t : bad) {
                assertThrows(JweDecryptionException.class, () -> decrypter(jose, key).decrypt(join(p[0], p[1], p[2], p[3], Base64Url.encode(t))),
                        enc + " tag of " + t.length);
            }
            byte[] ct = Base64Url.decode(p[3], "ct");
            assertThrows(JweDecryptionException.class,
                    () -> decrypter(jose, key).decrypt(join(p[0], p[1], p[2], Base64Url.encode(flip(ct, 0)), p[4])), enc + " ciphertext");
            byte[] iv = Base64Url.decode(p[2], "iv");
            assertThrows(JweDecryptionException.class,
                    () -> decrypter(jose, key).decrypt(join(p[0], p[1], Base64Url.encode(flip(iv, 0)), p[3], p[4])), enc + " IV");
            assertThrows(JweDecryptionException.class,
                    () -> decrypter(jose, key).decrypt(join(p[0], p[1], Base64Url.encode(Arrays.copyOf(iv, 8)), p[3], p[4])), enc + " short IV");
        }
    }

    private static byte[] flip(byte[] b, int i) {
        byte[] c = b.clone();
        c[i] ^= 1;
        return c;
    }

    @ParameterizedTest
    @MethodSource("backends")
    void zipBombsStopAtTheLimit(CryptoBackend b) {
        Jose jose = Jose.with(b);
        Jwk key = jose.generateOct(128);
        byte[] bomb = new byte[8 * 1024 * 1024];
        Jwe jwe = jose.jwe(bomb, EncryptionMethod.A128GCM).recipient(JweAlgorithm.A128KW, key).compress().encrypt();
        String c = jwe.compact();
        JweDecrypter d = decrypter(jose, key);
        assertEquals(JoseLimits.DEFAULT_MAX_PAYLOAD_BYTES, d.maxDecompressedBytes());
        assertThrows(JoseLimitException.class, () -> d.decrypt(c));
        assertThrows(JoseLimitException.class, () -> d.maxDecompressedBytes(bomb.length - 1).decrypt(c));
        assertArrayEquals(bomb, d.maxDecompressedBytes(bomb.length).decrypt(c).plaintext());
        // the limit also follows JoseLimits (config key jose.max-payload-bytes)
        Jose tight = jose.withLimits(JoseLimits.builder().maxPayloadBytes(1000).build());
        assertThrows(JoseLimitException.class, () -> tight.jweDecrypter(JweBackends.allJwe(), key).decrypt(
                jose.jwe(new byte[1001], EncryptionMethod.A128GCM).recipient(JweAlgorithm.A128KW, key).compress().compact()));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void dirWithAKeyOfTheWrongLengthIsRefused(CryptoBackend b) {
        Jose jose = Jose.with(b);
        Jwk k128 = jose.generateOct(128);
        Jwk k256 = jose.generateOct(256);
        assertThrows(AlgorithmRejectedException.class,
                () -> jose.jwe(PLAINTEXT, EncryptionMethod.A256GCM).recipient(JweAlgorithm.DIR, k128));
        String c = jose.jwe(PLAINTEXT, EncryptionMethod.A128GCM).recipient(JweAlgorithm.DIR, k128).compact();
        assertThrows(AlgorithmRejectedException.class, () -> decrypter(jose, k256).decrypt(c));
        // the header lies about enc: A256GCM with the 128-bit key
        String lie = withHeader(c, header(c).replace("A128GCM", "A256GCM"));
        assertThrows(AlgorithmRejectedException.class, () -> decrypter(jose, k128).decrypt(lie));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void keyWrapKeysMustMatchTheAlgorithm(CryptoBackend b) {
        Jose jose = Jose.with(b);
        Jwk k256 = jose.generateOct(256);
        assertThrows(AlgorithmRejectedException.class, () -> jose.jwe(PLAINTEXT, EncryptionMethod.A128GCM).recipient(JweAlgorithm.A128KW, k256));
        Jwk k128 = jose.generateOct(128);
        String c = jose.jwe(PLAINTEXT, EncryptionMethod.A128GCM).recipient(JweAlgorithm.A128KW, k128).compact();
        assertThrows(AlgorithmRejectedException.class, () -> decrypter(jose, k256).decrypt(c));
        Jwk rsa = jose.generateRsa(2048);
        assertThrows(AlgorithmRejectedException.class, () -> decrypter(jose, rsa).decrypt(c));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void unknownCriticalExtensionsAreRefused(CryptoBackend b) {
        Jose jose = Jose.with(b);
        Jwk key = jose.generateOct(128);
        String c = jose.jwe(PLAINTEXT, EncryptionMethod.A128GCM).recipient(JweAlgorithm.A128KW, key)
                .protectedParameter("exp", 1234).protectedParameter("crit", List.of("exp")).compact();
        assertThrows(CriticalHeaderException.class, () -> decrypter(jose, key).decrypt(c));
        assertArrayEquals(PLAINTEXT, decrypter(jose, key).understanding("exp").decrypt(c).plaintext());
        String registered = jose.jwe(PLAINTEXT, EncryptionMethod.A128GCM).recipient(JweAlgorithm.A128KW, key)
                .protectedParameter("crit", List.of("kid")).compact();
        assertThrows(CriticalHeaderException.class, () -> decrypter(jose, key).understanding("kid").decrypt(registered));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void onlyAlgorithmsThePolicyAllowsAreUsed(CryptoBackend b) {
        Jose jose = Jose.with(b);
        Jwk key = jose.generateOct(128);
        String c = jose.jwe(PLAINTEXT, EncryptionMethod.A128GCM).recipient(JweAlgorithm.A128KW, key).compact();
        assertThrows(AlgorithmRejectedException.class,
                () -> jose.jweDecrypter(JosePolicy.allowing(JweAlgorithm.A128KW), key).decrypt(c));
        assertThrows(AlgorithmRejectedException.class,
                () -> jose.jweDecrypter(JosePolicy.allowing(EncryptionMethod.A128GCM, JweAlgorithm.A256KW), key).decrypt(c));
        assertArrayEquals(PLAINTEXT,
                jose.jweDecrypter(JosePolicy.allowing(JweAlgorithm.A128KW, EncryptionMethod.A128GCM), key).decrypt(c).plaintext());
        assertThrows(AlgorithmRejectedException.class, () -> decrypter(jose, key).decrypt(withHeader(c, header(c).replace("A128KW", "PBES2-HS256+A128KW"))));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void headerRulesOfTheJsonSerialisations(CryptoBackend b) {
        Jose jose = Jose.with(b);
        Jwk key = jose.generateOct(128);
        Jwe jwe = jose.jwe(PLAINTEXT, EncryptionMethod.A128GCM).recipient(JweAlgorithm.A128KW, key)
                .protection(JweBuilder.Protection.RECIPIENT_UNPROTECTED).sharedParameter("cty", "text/plain").encrypt();
        String flat = jwe.flattened();
        // the same member in two parts
        String dup = flat.replace("\"unprotected\":{", "\"unprotected\":{\"alg\":\"A128KW\",");
        assertThrows(MalformedJoseException.class, () -> decrypter(jose, key).decrypt(dup));
        // zip outside the protected header
        String zip = flat.replace("\"unprotected\":{", "\"unprotected\":{\"zip\":\"DEF\",");
        assertThrows(MalformedJoseException.class, () -> decrypter(jose, key).decrypt(zip));
        assertThrows(MalformedJoseException.class, () -> jose.parseJwe(flat.replace("\"ciphertext\"", "\"cipher\"")));
        assertThrows(MalformedJoseException.class, () -> jose.parseJwe("{\"recipients\":[],\"iv\":\"\",\"ciphertext\":\"\",\"tag\":\"\"}"));
        StringBuilder many = new StringBuilder("{\"protected\":\"eyJlbmMiOiJBMTI4R0NNIn0\",\"recipients\":[");
        for (int i = 0; i <= JoseLimits.DEFAULT_MAX_SIGNATURES; i++) {
            many.append(i == 0 ? "" : ",").append("{\"header\":{\"alg\":\"A128KW\"},\"encrypted_key\":\"AAAA\"}");
        }
        many.append("],\"iv\":\"AAAA\",\"ciphertext\":\"AAAA\",\"tag\":\"AAAA\"}");
        assertThrows(JoseLimitException.class, () -> jose.parseJwe(many.toString()));
        assertThrows(IllegalStateException.class, jwe::compact);
        assertArrayEquals(PLAINTEXT, decrypter(jose, key).decrypt(flat).plaintext());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void producedHeadersReadLikeParsedOnes(CryptoBackend b) {
        Jose jose = Jose.with(b);
        Jwe ecdh = jose.jwe(PLAINTEXT, EncryptionMethod.A128GCM).recipient(JweAlgorithm.ECDH_ES, jose.generateEc(EcCurve.P_256)).encrypt();
        assertEquals(jose.parseJwe(ecdh.compact()).header(0).toJson(), ecdh.header(0).toJson());
        Jwe gcmkw = jose.jwe(PLAINTEXT, EncryptionMethod.A128GCM).recipient(JweAlgorithm.A128GCMKW, jose.generateOct(128)).encrypt();
        assertEquals(16, Base64Url.decode(gcmkw.header(0).string("tag"), "tag").length);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void publicKeysCannotDecrypt(CryptoBackend b) {
        Jose jose = Jose.with(b);
        Jwk key = jose.generateEc(EcCurve.P_256);
        String c = jose.jwe(PLAINTEXT, EncryptionMethod.A128GCM).recipient(JweAlgorithm.ECDH_ES, key.toPublic()).compact();
        assertThrows(AlgorithmRejectedException.class, () -> decrypter(jose, key.toPublic()).decrypt(c));
        assertArrayEquals(PLAINTEXT, decrypter(jose, key).decrypt(c).plaintext());
    }
}
