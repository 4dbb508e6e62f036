package org.lightwire.jose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.AESDecrypter;
import com.nimbusds.jose.crypto.AESEncrypter;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.X25519Decrypter;
import com.nimbusds.jose.crypto.X25519Encrypter;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.OkpCurve;

/**
 * Every alg × enc produced here decrypts in nimbus-jose-jwt (an independent JOSE library on
 * the JDK's providers) and every one nimbus produces decrypts here, on every backend, in
 * the compact serialisation. ECDH-ES with an X25519 key (RFC 8037 section 3.2, OKP
 * {@code epk}) is cross-checked the same way; nimbus does X25519 through Google Tink,
 * which the pom puts on the test class path.
 */
class JweNimbusCrossCheckTest {

    private static final byte[] PLAINTEXT = "Cross-checked with an independent implementation \u2713".getBytes(StandardCharsets.UTF_8);
    private static final Map<String, Jwk> KEYS = new HashMap<>();

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (CryptoBackend b : JweBackends.all()) {
            for (JweAlgorithm alg : JweAlgorithm.values()) {
                for (EncryptionMethod enc : EncryptionMethod.values()) {
                    out.add(Arguments.of(b, alg, enc));
                }
            }
        }
        return out.stream();
    }

    static Stream<Arguments> x25519Cases() {
        List<Arguments> out = new ArrayList<>();
        for (CryptoBackend b : JweBackends.all()) {
            for (JweAlgorithm alg : JweAlgorithm.values()) {
                if (alg.family() == JweAlgorithm.Family.ECDH_ES || alg.family() == JweAlgorithm.Family.ECDH_ES_KW) {
                    for (EncryptionMethod enc : EncryptionMethod.values()) {
                        out.add(Arguments.of(b, alg, enc));
                    }
                }
            }
        }
        return out.stream();
    }

    private static synchronized Jwk x25519Key(Jose jose) {
        return KEYS.computeIfAbsent(jose.backend().name() + "x25519", k -> jose.generateOkp(OkpCurve.X25519));
    }

    @ParameterizedTest(name = "X25519 {1} {2} on {0}")
    @MethodSource("x25519Cases")
    void oursX25519DecryptsInNimbus(CryptoBackend backend, JweAlgorithm alg, EncryptionMethod enc) throws Exception {
        Jose jose = Jose.with(backend);
        Jwk key = x25519Key(jose);
        String compact = jose.jwe(PLAINTEXT, enc).recipient(alg, key).compact();
        JWEObject parsed = JWEObject.parse(compact);
        assertEquals("OKP", parsed.getHeader().getEphemeralPublicKey().getKeyType().getValue());
        parsed.decrypt(new X25519Decrypter((OctetKeyPair) JWK.parse(key.toJson())));
        assertArrayEquals(PLAINTEXT, parsed.getPayload().toBytes());
    }

    @ParameterizedTest(name = "X25519 {1} {2} on {0}")
    @MethodSource("x25519Cases")
    void nimbusX25519DecryptsHere(CryptoBackend backend, JweAlgorithm alg, EncryptionMethod enc) throws Exception {
        Jose jose = Jose.with(backend);
        Jwk key = x25519Key(jose);
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(com.nimbusds.jose.JWEAlgorithm.parse(alg.jwaName()),
                com.nimbusds.jose.EncryptionMethod.parse(enc.jwaName())).build(), new Payload(PLAINTEXT));
        jwe.encrypt(new X25519Encrypter(((OctetKeyPair) JWK.parse(key.toJson())).toPublicJWK()));
        String compact = jwe.serialize();
        JosePolicy policy = JosePolicy.allowing(alg, enc);
        JweDecrypted d = jose.jweDecrypter(policy, key).decrypt(compact);
        assertArrayEquals(PLAINTEXT, d.plaintext());
        // a different X25519 key derives a different shared secret: decryption must fail
        Jwk other = jose.generateOkp(OkpCurve.X25519);
        assertThrows(JweDecryptionException.class, () -> jose.jweDecrypter(policy, other).decrypt(compact));
    }

    /** One key per backend and kind, made once: RSA generation is slow. */
    private static synchronized Jwk key(Jose jose, JweAlgorithm alg, EncryptionMethod enc) {
        String kind = switch (alg.family()) {
            case RSA -> "rsa";
            case ECDH_ES, ECDH_ES_KW -> "ec" + (alg.ordinal() % 3);
            case DIRECT -> "oct" + enc.cekLength();
            default -> "oct" + alg.wrapKeyLength();
        };
        return KEYS.computeIfAbsent(jose.backend().name() + kind, k -> switch (alg.family()) {
            case RSA -> jose.generateRsa(2048);
            case ECDH_ES, ECDH_ES_KW -> jose.generateEc(EcCurve.values()[alg.ordinal() % 3]);
            case DIRECT -> jose.generateOct(enc.cekLength() * 8);
            default -> jose.generateOct(alg.wrapKeyLength() * 8);
        });
    }

    @ParameterizedTest(name = "{1} {2} on {0}")
    @MethodSource("cases")
    void oursDecryptsInNimbus(CryptoBackend backend, JweAlgorithm alg, EncryptionMethod enc) throws Exception {
        Jose jose = Jose.with(backend);
        Jwk key = key(jose, alg, enc);
        String compact = jose.jwe(PLAINTEXT, enc).recipient(alg, key).compact();
        JWEObject parsed = JWEObject.parse(compact);
        parsed.decrypt(nimbusDecrypter(alg, JWK.parse(key.toJson())));
        assertArrayEquals(PLAINTEXT, parsed.getPayload().toBytes());
    }

    @ParameterizedTest(name = "{1} {2} on {0}")
    @MethodSource("cases")
    void nimbusDecryptsHere(CryptoBackend backend, JweAlgorithm alg, EncryptionMethod enc) throws Exception {
        Jose jose = Jose.with(backend);
        Jwk key = key(jose, alg, enc);
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(com.nimbusds.jose.JWEAlgorithm.parse(alg.jwaName()),
                com.nimbusds.jose.EncryptionMethod.parse(enc.jwaName())).build(), new Payload(PLAINTEXT));
        jwe.encrypt(nimbusEncrypter(alg, JWK.parse(key.toJson())));
        JosePolicy policy = JosePolicy.allowing(alg, enc);
        assertArrayEquals(PLAINTEXT, jose.jweDecrypter(policy, key).decrypt(jwe.serialize()).plaintext());
    }

    private static JWEEncrypter nimbusEncrypter(JweAlgorithm alg, JWK key) throws Exception {
        return switch (alg.family()) {
            case RSA -> new RSAEncrypter(((RSAKey) key).toRSAPublicKey());
            case AES_KW, AES_GCM_KW -> new AESEncrypter(((OctetSequenceKey) key).toByteArray());
            case DIRECT -> new DirectEncrypter(((OctetSequenceKey) key).toByteArray());
            case ECDH_ES, ECDH_ES_KW -> new ECDHEncrypter(((ECKey) key).toECPublicKey());
        };
    }

    private static JWEDecrypter nimbusDecrypter(JweAlgorithm alg, JWK key) throws Exception {
        return switch (alg.family()) {
            case RSA -> new RSADecrypter(((RSAKey) key).toRSAPrivateKey());
            case AES_KW, AES_GCM_KW -> new AESDecrypter(((OctetSequenceKey) key).toByteArray());
            case DIRECT -> new DirectDecrypter(((OctetSequenceKey) key).toByteArray());
            case ECDH_ES, ECDH_ES_KW -> new ECDHDecrypter((ECKey) key);
        };
    }
}
