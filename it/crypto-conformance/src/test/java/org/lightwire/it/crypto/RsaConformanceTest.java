package org.lightwire.it.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightwire.api.crypto.BadInputException;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.DecryptionFailedException;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.RsaEncryption;
import org.lightwire.api.crypto.RsaSignatureScheme;

/**
 * RSA (RFC 8017) across backends, with Wycheproof-style negative cases: altered,
 * truncated, zero, out-of-range and padded signatures; ciphertexts that must all fail the
 * same way; implicit rejection.
 */
class RsaConformanceTest {

    /** One 2048-bit key per backend, generated once: key generation is slow. */
    private static final Map<String, KeyElements> KEYS = new ConcurrentHashMap<>();

    static KeyElements key(CryptoBackend b) {
        return KEYS.computeIfAbsent(b.name(), n -> b.rsa().generate(2048));
    }

    static Stream<CryptoBackend> backends() {
        return Backends.each();
    }

    static Stream<Arguments> pairs() {
        return Backends.pairs();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void signaturesVerifyOnTheOtherBackend(CryptoBackend a, CryptoBackend b) {
        KeyElements k = key(a);
        byte[] msg = "RFC 8017 section 8".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (RsaSignatureScheme scheme : RsaSignatureScheme.values()) {
            for (HashAlgorithm h : HashAlgorithm.values()) {
                byte[] sig = a.rsa().sign(scheme, h, k, msg);
                assertTrue(b.rsa().verify(scheme, h, k.publicKey(), msg, sig), scheme + " " + h);
                assertFalse(b.rsa().verify(scheme, h, k.publicKey(), "other".getBytes(), sig), scheme + " " + h + " other message");
            }
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void encryptionDecryptsOnTheOtherBackend(CryptoBackend a, CryptoBackend b) {
        KeyElements k = key(b);
        byte[] msg = new byte[32];
        Arrays.fill(msg, (byte) 0x5a);
        for (RsaEncryption scheme : RsaEncryption.values()) {
            byte[] ct = a.rsa().encrypt(scheme, k.publicKey(), msg);
            assertArrayEquals(msg, b.rsa().decrypt(scheme, k, ct), scheme.name());
        }
        byte[] ct = a.rsa().encrypt(RsaEncryption.PKCS1_V1_5, k.publicKey(), msg);
        assertArrayEquals(msg, b.rsa().decryptImplicitRejection(k, ct, 32));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void wycheproofStyleBadSignaturesAreFalse(CryptoBackend backend) {
        KeyElements k = key(backend);
        byte[] msg = {1, 2, 3};
        BigInteger n = k.bigInteger(KeyElements.RSA_N);
        for (RsaSignatureScheme scheme : RsaSignatureScheme.values()) {
            byte[] sig = backend.rsa().sign(scheme, HashAlgorithm.SHA_256, k, msg);
            List<byte[]> bad = new ArrayList<>();
            for (int i : new int[] {0, 1, sig.length / 2, sig.length - 1}) {
                byte[] b = sig.clone();
                b[i] ^= 0x01;
                bad.add(b);
            }
            bad.add(Arrays.copyOf(sig, sig.length - 1));
            bad.add(new byte[sig.length]);
            bad.add(fixed(n, sig.length));
            bad.add(fixed(n.add(new BigInteger(1, sig)), sig.length + 1));
            byte[] leadingZero = new byte[sig.length + 1];
            System.arraycopy(sig, 0, leadingZero, 1, sig.length);
            bad.add(leadingZero);
            bad.add(new byte[0]);
            for (byte[] b : bad) {
                assertFalse(backend.rsa().verify(scheme, HashAlgorithm.SHA_256, k.publicKey(), msg, b), scheme.name());
            }
            assertFalse(backend.rsa().verify(scheme, HashAlgorithm.SHA_384, k.publicKey(), msg, sig), "wrong hash");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void everyPkcs1DecryptionFailureLooksTheSame(CryptoBackend backend) {
        KeyElements k = key(backend);
        byte[] ct = backend.rsa().encrypt(RsaEncryption.PKCS1_V1_5, k.publicKey(), new byte[16]);
        BigInteger n = k.bigInteger(KeyElements.RSA_N);
        BigInteger e = k.bigInteger(KeyElements.RSA_E);
        int len = ct.length;
        List<byte[]> bad = new ArrayList<>();
        // encryption blocks with each kind of padding error, encrypted raw so they decrypt to exactly that
        byte[] wrongType = validBlock(len, 16);
        wrongType[1] = 1;
        byte[] noSeparator = validBlock(len, 16);
        Arrays.fill(noSeparator, 2, len, (byte) 7);
        byte[] shortPs = validBlock(len, 16);
        shortPs[5] = 0;
        byte[] nonZeroFirst = validBlock(len, 16);
        nonZeroFirst[0] = 1;
        for (byte[] block : new byte[][] {wrongType, noSeparator, shortPs, nonZeroFirst}) {
            BigInteger m = new BigInteger(1, block);
            if (m.compareTo(n) < 0) {
                bad.add(fixed(m.modPow(e, n), len));
            }
        }
        bad.add(Arrays.copyOf(ct, len - 1));
        bad.add(Arrays.copyOf(ct, len + 1));
        bad.add(fixed(n, len));
        bad.add(new byte[len]);
        for (byte[] c : bad) {
            DecryptionFailedException x = assertThrows(DecryptionFailedException.class,
                    () -> backend.rsa().decrypt(RsaEncryption.PKCS1_V1_5, k, c));
            assertEquals(DecryptionFailedException.MESSAGE, x.getMessage());
            assertNull(x.getCause(), "no cause that could tell failures apart");
        }
        for (RsaEncryption oaep : new RsaEncryption[] {RsaEncryption.OAEP_SHA1, RsaEncryption.OAEP_SHA256}) {
            byte[] o = backend.rsa().encrypt(oaep, k.publicKey(), new byte[16]);
            o[10] ^= 1;
            DecryptionFailedException x = assertThrows(DecryptionFailedException.class, () -> backend.rsa().decrypt(oaep, k, o));
            assertEquals(DecryptionFailedException.MESSAGE, x.getMessage());
        }
        byte[] sha1 = backend.rsa().encrypt(RsaEncryption.OAEP_SHA1, k.publicKey(), new byte[16]);
        assertThrows(DecryptionFailedException.class, () -> backend.rsa().decrypt(RsaEncryption.OAEP_SHA256, k, sha1),
                "OAEP with the wrong hash");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void implicitRejectionReturnsAStableSyntheticMessage(CryptoBackend backend) {
        KeyElements k = key(backend);
        byte[] ct = backend.rsa().encrypt(RsaEncryption.PKCS1_V1_5, k.publicKey(), new byte[16]);
        byte[] wrongLength = backend.rsa().decryptImplicitRejection(k, ct, 32);
        assertEquals(32, wrongLength.length);
        assertArrayEquals(wrongLength, backend.rsa().decryptImplicitRejection(k, ct, 32), "deterministic");
        byte[] altered = ct.clone();
        altered[7] ^= 1;
        byte[] r1 = backend.rsa().decryptImplicitRejection(k, altered, 16);
        assertEquals(16, r1.length);
        assertArrayEquals(r1, backend.rsa().decryptImplicitRejection(k, altered, 16));
        assertNotEquals(Arrays.toString(new byte[16]), Arrays.toString(r1));
        assertEquals(16, backend.rsa().decryptImplicitRejection(k, new byte[3], 16).length, "wrong ciphertext length");
        assertThrows(BadParameterException.class, () -> backend.rsa().decryptImplicitRejection(k, ct, 250));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void badKeysAndSizesAreTyped(CryptoBackend backend) {
        KeyElements k = key(backend);
        assertThrows(BadInputException.class, () -> backend.rsa().encrypt(RsaEncryption.PKCS1_V1_5, k, new byte[246]));
        assertThrows(BadInputException.class, () -> backend.rsa().encrypt(RsaEncryption.OAEP_SHA256, k, new byte[191]));
        assertThrows(BadParameterException.class, () -> backend.rsa().generate(1024));
        assertThrows(BadParameterException.class, () -> backend.rsa().generate(2049));
        assertThrows(BadKeyException.class, () -> backend.rsa().sign(RsaSignatureScheme.PSS, HashAlgorithm.SHA_256, k.publicKey(), new byte[1]));
        KeyElements small = KeyElements.rsaPublic(BigInteger.valueOf(3233).toByteArray(), BigInteger.valueOf(17).toByteArray());
        assertThrows(BadKeyException.class, () -> backend.rsa().encrypt(RsaEncryption.OAEP_SHA1, small, new byte[1]));
        KeyElements evenE = KeyElements.rsaPublic(k.element(KeyElements.RSA_N), new byte[] {1, 0, 0});
        assertThrows(BadKeyException.class, () -> backend.rsa().check(evenE));
        backend.rsa().check(k);
        KeyElements badCrt = KeyElements.rsa(k.element(KeyElements.RSA_N), k.element(KeyElements.RSA_E), k.element(KeyElements.RSA_D),
                k.element(KeyElements.RSA_P), k.element(KeyElements.RSA_Q), k.element(KeyElements.RSA_DQ),
                k.element(KeyElements.RSA_DP), k.element(KeyElements.RSA_QI));
        assertThrows(BadKeyException.class, () -> backend.rsa().check(badCrt));
    }

    /** 00 02 PS 00 M with a non-zero PS and an {@code m}-byte message. */
    private static byte[] validBlock(int len, int m) {
        byte[] b = new byte[len];
        b[1] = 2;
        Arrays.fill(b, 2, len - m - 1, (byte) 0x33);
        return b;
    }

    private static byte[] fixed(BigInteger v, int len) {
        return OkpConformanceTest.toFixed(v, len);
    }
}
