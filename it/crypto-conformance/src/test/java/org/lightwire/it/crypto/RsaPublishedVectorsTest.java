package org.lightwire.it.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.DecryptionFailedException;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.RsaEncryption;
import org.lightwire.api.crypto.RsaSignatureScheme;

/**
 * RSA against published known answers (RFC 8017 / PKCS #1 v2.1 and NIST CAVP), on every
 * backend, with keys built from their published elements: RSAES-OAEP decryption of the
 * PKCS #1 v2.1 ciphertexts, RSASSA-PSS verification of the PKCS #1 v2.1 signatures, and
 * RSASSA-PKCS1-v1_5 signing (deterministic, so exact) and verification from CAVP SigGen15
 * and SigVer15. {@link RsaConformanceTest} covers generated keys and hostile input; this
 * class pins the arithmetic and encodings to values nobody here produced.
 */
class RsaPublishedVectorsTest {

    private static final RsaVectorKeys OAEP = RsaVectorKeys.load("rsa/pkcs1-oaep.txt");
    private static final RsaVectorKeys PSS = RsaVectorKeys.load("rsa/pkcs1-pss.txt");
    private static final RsaVectorKeys SIGGEN15 = RsaVectorKeys.load("rsa/siggen15-2048.txt");
    private static final RsaVectorKeys SIGVER15 = RsaVectorKeys.load("rsa/sigver15-2048.txt");

    static Stream<Arguments> oaepCases() {
        return each(OAEP.cases());
    }

    static Stream<Arguments> pssCases() {
        return each(PSS.cases());
    }

    static Stream<Arguments> sigGen15Cases() {
        return each(SIGGEN15.cases());
    }

    static Stream<Arguments> sigVer15Cases() {
        return each(SIGVER15.cases());
    }

    /** The SigVer15 cases whose S is valid: with the published d they are signing known answers. */
    static Stream<Arguments> sigVer15PassCases() {
        return each(SIGVER15.cases().stream().filter(v -> v.get("result").equals("P")).toList());
    }

    static Stream<Arguments> oaepKeyPairs() {
        return pairsWith(OAEP.keyRecords());
    }

    static Stream<Arguments> pssKeyPairs() {
        return pairsWith(PSS.keyRecords());
    }

    // ---- RSAES-OAEP (PKCS #1 v2.1 oaep-vect.txt) ----

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("oaepCases")
    void oaepDecryptsThePublishedCiphertext(CryptoBackend backend, Vectors.Vector v) {
        byte[] ct = v.hex("ciphertext");
        assertEquals(OAEP.modulusOctets(v), ct.length, "the file's ciphertext is k octets");
        KeyElements crt = OAEP.withCrt(v);
        backend.rsa().check(crt);
        assertArrayEquals(v.hex("message"), backend.rsa().decrypt(RsaEncryption.OAEP_SHA1, crt, ct), "with CRT elements");
        assertArrayEquals(v.hex("message"), backend.rsa().decrypt(RsaEncryption.OAEP_SHA1, OAEP.withoutCrt(v), ct), "with n, e, d only");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("oaepCases")
    void oaepRefusesThePublishedCiphertextAltered(CryptoBackend backend, Vectors.Vector v) {
        KeyElements key = OAEP.withCrt(v);
        byte[] ct = v.hex("ciphertext");
        List<byte[]> bad = new ArrayList<>();
        for (int i : new int[] {1, ct.length / 2, ct.length - 1}) {
            byte[] b = ct.clone();
            b[i] ^= 0x40;
            bad.add(b);
        }
        bad.add(Arrays.copyOf(ct, ct.length + 1));
        if (ct[0] == 0) {
            // RFC 8017 section 7.1.2 step 1b: C must be exactly k octets, even when its
            // leading octet is zero and dropping it leaves the same integer (Example 2.4)
            bad.add(Arrays.copyOfRange(ct, 1, ct.length));
        }
        for (byte[] c : bad) {
            DecryptionFailedException x = assertThrows(DecryptionFailedException.class,
                    () -> backend.rsa().decrypt(RsaEncryption.OAEP_SHA1, key, c), c.length + "-octet ciphertext");
            assertEquals(DecryptionFailedException.MESSAGE, x.getMessage());
        }
        assertThrows(DecryptionFailedException.class, () -> backend.rsa().decrypt(RsaEncryption.OAEP_SHA256, key, ct),
                "the SHA-1 ciphertext under OAEP-SHA-256");
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("oaepKeyPairs")
    void oaepToAPublishedKeyDecryptsOnEveryBackend(CryptoBackend a, CryptoBackend b, Vectors.Vector key) {
        for (Vectors.Vector v : OAEP.cases()) {
            if (!v.get("key").equals(key.get("key"))) {
                continue;
            }
            byte[] ct = a.rsa().encrypt(RsaEncryption.OAEP_SHA1, OAEP.publicKey(v), v.hex("message"));
            assertEquals(OAEP.modulusOctets(v), ct.length, v + ": k octets, leading zeros kept");
            assertFalse(Arrays.equals(v.hex("ciphertext"), ct), v + ": OAEP encryption draws a fresh seed");
            assertArrayEquals(v.hex("message"), b.rsa().decrypt(RsaEncryption.OAEP_SHA1, OAEP.withCrt(v), ct), v.toString());
            assertArrayEquals(v.hex("message"), b.rsa().decrypt(RsaEncryption.OAEP_SHA1, OAEP.withoutCrt(v), ct), v.toString());
        }
    }

    // ---- RSASSA-PSS (PKCS #1 v2.1 pss-vect.txt) ----

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("pssCases")
    void pssAcceptsThePublishedSignature(CryptoBackend backend, Vectors.Vector v) {
        byte[] sig = v.hex("signature");
        assertEquals(PSS.modulusOctets(v), sig.length, "the file's signature is k octets");
        assertEquals(HashAlgorithm.SHA_1.digestLength(), v.hex("salt").length, "the SPI's PSS salt is as long as the hash");
        assertTrue(backend.rsa().verify(RsaSignatureScheme.PSS, HashAlgorithm.SHA_1, PSS.publicKey(v), v.hex("message"), sig));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("pssCases")
    void pssRefusesThePublishedSignatureAltered(CryptoBackend backend, Vectors.Vector v) {
        KeyElements pub = PSS.publicKey(v);
        byte[] msg = v.hex("message");
        byte[] sig = v.hex("signature");
        RsaSignatureScheme pss = RsaSignatureScheme.PSS;
        byte[] otherMsg = msg.clone();
        otherMsg[0] ^= 1;
        assertFalse(backend.rsa().verify(pss, HashAlgorithm.SHA_1, pub, otherMsg, sig), "other message");
        for (int i : new int[] {1, sig.length / 2, sig.length - 1}) {
            byte[] b = sig.clone();
            b[i] ^= 0x10;
            assertFalse(backend.rsa().verify(pss, HashAlgorithm.SHA_1, pub, msg, b), "octet " + i + " altered");
        }
        assertFalse(backend.rsa().verify(pss, HashAlgorithm.SHA_256, pub, msg, sig), "verified as PSS-SHA-256");
        assertFalse(backend.rsa().verify(RsaSignatureScheme.PKCS1_V1_5, HashAlgorithm.SHA_1, pub, msg, sig), "verified as PKCS1-v1_5");
        if (sig[0] == 0) {
            // RFC 8017 section 8.1.2 step 1: S must be exactly k octets (Example 2.3)
            assertFalse(backend.rsa().verify(pss, HashAlgorithm.SHA_1, pub, msg, Arrays.copyOfRange(sig, 1, sig.length)),
                    "leading zero octet dropped");
        }
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("pssKeyPairs")
    void pssWithAPublishedKeyVerifiesOnEveryBackend(CryptoBackend a, CryptoBackend b, Vectors.Vector key) {
        for (Vectors.Vector v : PSS.cases()) {
            if (!v.get("key").equals(key.get("key"))) {
                continue;
            }
            byte[] msg = v.hex("message");
            for (KeyElements priv : new KeyElements[] {PSS.withCrt(v), PSS.withoutCrt(v)}) {
                byte[] sig = a.rsa().sign(RsaSignatureScheme.PSS, HashAlgorithm.SHA_1, priv, msg);
                assertEquals(PSS.modulusOctets(v), sig.length, v + ": k octets, leading zeros kept");
                assertTrue(b.rsa().verify(RsaSignatureScheme.PSS, HashAlgorithm.SHA_1, PSS.publicKey(v), msg, sig), v.toString());
            }
        }
    }

    // ---- RSASSA-PKCS1-v1_5 (NIST CAVP SigGen15 / SigVer15, FIPS 186-3) ----

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("sigGen15Cases")
    void pkcs1AcceptsTheCavpSigGenSignature(CryptoBackend backend, Vectors.Vector v) {
        HashAlgorithm hash = HashAlgorithm.valueOf(v.get("hash"));
        KeyElements pub = SIGGEN15.publicKey(v);
        byte[] msg = v.hex("message");
        byte[] sig = v.hex("S");
        assertEquals(SIGGEN15.modulusOctets(v), sig.length);
        assertTrue(backend.rsa().verify(RsaSignatureScheme.PKCS1_V1_5, hash, pub, msg, sig));
        byte[] otherMsg = msg.clone();
        otherMsg[msg.length - 1] ^= 1;
        assertFalse(backend.rsa().verify(RsaSignatureScheme.PKCS1_V1_5, hash, pub, otherMsg, sig), "other message");
        HashAlgorithm otherHash = hash == HashAlgorithm.SHA_256 ? HashAlgorithm.SHA_512 : HashAlgorithm.SHA_256;
        assertFalse(backend.rsa().verify(RsaSignatureScheme.PKCS1_V1_5, otherHash, pub, msg, sig), "verified as " + otherHash);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("sigVer15Cases")
    void pkcs1MatchesTheCavpSigVerVerdict(CryptoBackend backend, Vectors.Vector v) {
        HashAlgorithm hash = HashAlgorithm.valueOf(v.get("hash"));
        String result = v.get("result");
        assertTrue(result.equals("P") || result.startsWith("F ("), v + ": result is P or F (reason)");
        boolean pass = result.equals("P");
        assertEquals(pass, backend.rsa().verify(RsaSignatureScheme.PKCS1_V1_5, hash, SIGVER15.publicKey(v), v.hex("message"), v.hex("S")),
                "CAVP result " + v.get("result"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("sigVer15PassCases")
    void pkcs1SigningReproducesTheCavpSignature(CryptoBackend backend, Vectors.Vector v) {
        HashAlgorithm hash = HashAlgorithm.valueOf(v.get("hash"));
        KeyElements crt = SIGVER15.withCrt(v);
        backend.rsa().check(crt);
        byte[] msg = v.hex("message");
        assertArrayEquals(v.hex("S"), backend.rsa().sign(RsaSignatureScheme.PKCS1_V1_5, hash, crt, msg), "with CRT elements");
        assertArrayEquals(v.hex("S"), backend.rsa().sign(RsaSignatureScheme.PKCS1_V1_5, hash, SIGVER15.withoutCrt(v), msg),
                "with n, e, d only");
    }

    /** Every backend with every case. */
    private static Stream<Arguments> each(List<Vectors.Vector> cases) {
        return Backends.each().flatMap(b -> cases.stream().map(v -> Arguments.of(b, v)));
    }

    /** Every (producer, consumer) pair of backends, itself included, with every key. */
    private static Stream<Arguments> pairsWith(List<Vectors.Vector> keys) {
        return Backends.pairs().flatMap(p -> keys.stream().map(k -> Arguments.of(p.get()[0], p.get()[1], k)));
    }
}
