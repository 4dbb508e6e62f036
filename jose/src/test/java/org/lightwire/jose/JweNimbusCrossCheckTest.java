package org.lightwire.jose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

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
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
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

/**
 * Every alg × enc produced here decrypts in nimbus-jose-jwt (an independent JOSE library on
 * the JDK's providers) and every one nimbus produces decrypts here, on every backend, in
 * the compact serialisation. X25519 ECDH-ES is left out: nimbus needs Google Tink for it
 * (the X25519 path is covered by the hostile-input and round-trip tests instead).
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
