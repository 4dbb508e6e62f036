package org.lightwire.jose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.jose.internal.Base64Url;
import org.lightwire.jose.internal.Deflate;
import org.lightwire.jose.internal.JsonObject;
import org.lightwire.jose.internal.JsonReader;
import org.lightwire.jose.internal.JsonWriter;

/**
 * The published JWE examples on every backend: RFC 7520 (JOSE cookbook) section 5 and RFC
 * 7516 appendix A, in {@code vectors/jwe/} (each file names its section). Every published
 * serialisation decrypts with every recipient key; where the RFC gives the CEK and IV (and
 * the ephemeral key, the key-wrap IV), encrypting again reproduces the protected header,
 * the ciphertext, the tag and every deterministic encrypted key.
 */
class JweVectorsTest {

    private static final String[] FILES = {"5_1", "5_2", "5_4", "5_5", "5_6", "5_7", "5_8", "5_9", "5_10", "5_11", "5_12", "5_13",
        "A_1", "A_2", "A_3", "A_4", "A_5"};

    static Stream<Arguments> vectors() {
        List<Arguments> out = new ArrayList<>();
        for (CryptoBackend b : JweBackends.all()) {
            for (String f : FILES) {
                out.add(Arguments.of(b, f));
            }
        }
        return out.stream();
    }

    static JsonObject load(String name) {
        try (InputStream in = JweVectorsTest.class.getResourceAsStream("/vectors/jwe/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing vector " + name);
            }
            return JsonReader.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8), name, 1 << 20, 16);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Jwk> keys(Jose jose, JsonObject v) {
        List<Jwk> keys = new ArrayList<>();
        if (v.has("key")) {
            keys.add(jose.parseJwk(JsonWriter.write(v.optObject("key"))));
        } else {
            for (JsonObject k : v.optObjectArray("keys")) {
                keys.add(jose.parseJwk(JsonWriter.write(k)));
            }
        }
        return keys;
    }

    private static List<String> published(JsonObject v) {
        List<String> forms = new ArrayList<>();
        if (v.has("compact")) {
            forms.add(v.string("compact"));
        }
        if (v.has("json")) {
            forms.add(JsonWriter.write(v.optObject("json")));
        }
        if (v.has("json_flat")) {
            forms.add(JsonWriter.write(v.optObject("json_flat")));
        }
        return forms;
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("vectors")
    void publishedOutputDecryptsWithEveryRecipientKey(CryptoBackend backend, String file) {
        Jose jose = Jose.with(backend);
        JsonObject v = load(file);
        byte[] plaintext = v.string("plaintext").getBytes(StandardCharsets.UTF_8);
        for (String form : published(v)) {
            Jwe jwe = jose.parseJwe(form);
            List<String> reserialised = new ArrayList<>(List.of(form, jwe.general()));
            if (jwe.recipientCount() == 1) {
                reserialised.add(jwe.flattened());
            }
            for (Jwk key : keys(jose, v)) {
                for (String text : reserialised) {
                    JweDecrypted d = jose.jweDecrypter(JweBackends.allJwe(), key).decrypt(text);
                    assertArrayEquals(plaintext, d.plaintext(), file + " with " + key + " from " + text);
                }
            }
        }
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("vectors")
    void encryptionWithThePublishedCekAndIvReproducesTheOutput(CryptoBackend backend, String file) {
        Jose jose = Jose.with(backend);
        JsonObject v = load(file);
        Jwe expected = jose.parseJwe(published(v).get(0));
        EncryptionMethod enc = EncryptionMethod.ofJwaName(v.string("enc"));
        JweBuilder b = jose.jwe(v.string("plaintext").getBytes(StandardCharsets.UTF_8), enc);
        List<Jwk> keys = keys(jose, v);
        List<String> algs = v.has("algs") ? v.optStringArray("algs") : List.of(v.string("alg"));
        for (int i = 0; i < keys.size(); i++) {
            b.recipient(JweAlgorithm.ofJwaName(algs.get(i)), keys.get(i));
        }
        if (v.has("zip")) {
            b.compress();
            assertArrayEquals(Base64Url.decode(v.string("compressed"), "compressed"),
                    Deflate.compress(v.string("plaintext").getBytes(StandardCharsets.UTF_8)), "RFC 7520 5.9 DEFLATE output");
        }
        if (v.has("aad")) {
            b.aad(Base64Url.decode(v.string("aad"), "aad"));
        }
        if (v.has("protection")) {
            b.protection(JweBuilder.Protection.valueOf(v.string("protection")));
        }
        JsonObject shared = v.optObject("shared");
        if (shared != null) {
            shared.members().forEach(b::sharedParameter);
        }
        KeyElements epk = null;
        if (v.has("epk")) {
            epk = Jose.with(backend).parseJwk(JsonWriter.write(v.optObject("epk"))).elements();
        }
        b.fixedForTest(v.has("cek") ? Base64Url.decode(v.string("cek"), "cek") : null, Base64Url.decode(v.string("iv"), "iv"), epk,
                v.has("kwiv") ? Base64Url.decode(v.string("kwiv"), "kwiv") : null);
        Jwe produced = b.encrypt();

        assertEquals(expected.header(0).encodedProtected(), produced.header(0).encodedProtected(), file + ": protected header");
        assertArrayEquals(expected.iv(), produced.iv(), file + ": IV");
        assertArrayEquals(expected.ciphertext(), produced.ciphertext(), file + ": ciphertext");
        assertArrayEquals(expected.tag(), produced.tag(), file + ": tag");
        assertEquals(expected.recipientCount(), produced.recipientCount());
        for (int i = 0; i < expected.recipientCount(); i++) {
            JweAlgorithm alg = produced.header(i).algorithm();
            if (alg.family() != JweAlgorithm.Family.RSA) {
                // RSA padding is random; everything else is fixed by the CEK, epk and wrap IV
                assertArrayEquals(expected.encryptedKey(i), produced.encryptedKey(i), file + ": encrypted key " + i);
                // same members whichever part holds them (RFC 7520 5.12 puts all in "unprotected")
                assertEquals(JsonReader.parseObject(expected.header(i).toJson(), "expected", 1 << 16, 8).members(),
                        JsonReader.parseObject(produced.header(i).toJson(), "produced", 1 << 16, 8).members(), file + ": header " + i);
            }
        }
        if (produced.isCompactable() && v.has("compact") && keys.get(0).keyType() != org.lightwire.api.crypto.KeyType.RSA) {
            assertEquals(v.string("compact"), produced.compact(), file + ": compact serialisation");
        }
        // and what we produced decrypts with every key
        for (Jwk key : keys) {
            assertArrayEquals(v.string("plaintext").getBytes(StandardCharsets.UTF_8),
                    jose.jweDecrypter(JweBackends.allJwe(), key).decrypt(produced.general()).plaintext());
        }
    }
}
