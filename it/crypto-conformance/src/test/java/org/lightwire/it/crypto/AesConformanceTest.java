package org.lightwire.it.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightwire.api.crypto.AesCipher;
import org.lightwire.api.crypto.AesMode;
import org.lightwire.api.crypto.AesPadding;
import org.lightwire.api.crypto.AesParameters;
import org.lightwire.api.crypto.AuthenticationFailedException;
import org.lightwire.api.crypto.BadInputException;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.CipherDirection;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.InvalidPaddingException;

/**
 * AES in every mode: SP 800-38A, IEEE 1619, GCM-spec and RFC 3394 vectors, incremental
 * processing, bad input, and each backend decrypting every other's output.
 */
class AesConformanceTest {

    private static final byte ENC = 0;

    static Stream<Arguments> sp80038a() {
        return Backends.withVectors("aes-sp800-38a.txt");
    }

    static Stream<Arguments> xts() {
        return Backends.withVectors("aes-xts.txt");
    }

    static Stream<Arguments> gcm() {
        return Backends.withVectors("aes-gcm.txt");
    }

    static Stream<Arguments> kw() {
        return Backends.withVectors("aes-kw.txt");
    }

    static Stream<CryptoBackend> backends() {
        return Backends.each();
    }

    static Stream<Arguments> pairs() {
        return Backends.pairs();
    }

    private static AesParameters params(String mode, byte[] iv) {
        switch (AesMode.valueOf(mode)) {
            case ECB:
                return AesParameters.ecb(AesPadding.NONE);
            case CBC:
                return AesParameters.cbc(iv, AesPadding.NONE);
            case CFB8:
                return AesParameters.cfb8(iv);
            case CFB128:
                return AesParameters.cfb128(iv);
            case OFB:
                return AesParameters.ofb(iv);
            case CTR:
                return AesParameters.ctr(iv);
            default:
                throw new IllegalArgumentException(mode);
        }
    }

    /** Feeds {@code in} in pieces of 1, 7, 16, 5, ... bytes, then finishes. */
    static byte[] piecewise(AesCipher c, byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] sizes = {1, 7, 16, 5, 33, 2};
        int at = 0;
        int i = 0;
        while (at < in.length) {
            int n = Math.min(sizes[i++ % sizes.length], in.length - at);
            out.writeBytes(c.update(Arrays.copyOfRange(in, at, at + n)));
            at += n;
        }
        out.writeBytes(c.doFinal());
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("sp80038a")
    void sp80038aEncryptAndDecrypt(CryptoBackend backend, Vectors.Vector v) {
        byte[] iv = v.has("iv") ? v.hex("iv") : null;
        AesParameters p = params(v.get("mode"), iv);
        assertArrayEquals(v.hex("ciphertext"), backend.aes(CipherDirection.ENCRYPT, v.hex("key"), p).doFinal(v.hex("plaintext")));
        assertArrayEquals(v.hex("plaintext"), backend.aes(CipherDirection.DECRYPT, v.hex("key"), p).doFinal(v.hex("ciphertext")));
        assertArrayEquals(v.hex("ciphertext"), piecewise(backend.aes(CipherDirection.ENCRYPT, v.hex("key"), p), v.hex("plaintext")),
                "incremental");
        assertArrayEquals(v.hex("plaintext"), piecewise(backend.aes(CipherDirection.DECRYPT, v.hex("key"), p), v.hex("ciphertext")),
                "incremental decrypt");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("xts")
    void xtsMatchesIeee1619(CryptoBackend backend, Vectors.Vector v) {
        AesParameters p = AesParameters.xts(v.hex("tweak"));
        assertArrayEquals(v.hex("ciphertext"), backend.aes(CipherDirection.ENCRYPT, v.hex("key"), p).doFinal(v.hex("plaintext")));
        assertArrayEquals(v.hex("plaintext"), piecewise(backend.aes(CipherDirection.DECRYPT, v.hex("key"), p), v.hex("ciphertext")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("gcm")
    void gcmMatchesSpec(CryptoBackend backend, Vectors.Vector v) {
        AesParameters p = AesParameters.gcm(v.hex("iv"), 16);
        byte[] sealed = concat(v.hex("ciphertext"), v.hex("tag"));
        AesCipher enc = backend.aes(CipherDirection.ENCRYPT, v.hex("key"), p);
        enc.updateAad(v.hex("aad"));
        assertArrayEquals(sealed, piecewise(enc, v.hex("plaintext")));
        AesCipher dec = backend.aes(CipherDirection.DECRYPT, v.hex("key"), p);
        dec.updateAad(v.hex("aad"));
        assertArrayEquals(v.hex("plaintext"), piecewise(dec, sealed));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("gcm")
    void gcmWithAlteredTagOrAadReleasesNothing(CryptoBackend backend, Vectors.Vector v) {
        AesParameters p = AesParameters.gcm(v.hex("iv"), 16);
        byte[] sealed = concat(v.hex("ciphertext"), v.hex("tag"));
        sealed[sealed.length - 1] ^= 1;
        AesCipher dec = backend.aes(CipherDirection.DECRYPT, v.hex("key"), p);
        dec.updateAad(v.hex("aad"));
        byte[] out = new byte[dec.outputSize(sealed.length)];
        assertEquals(0, dec.update(sealed, 0, sealed.length - 1, out, 0), "GCM decryption withholds plaintext");
        assertThrows(AuthenticationFailedException.class, () -> dec.doFinal(sealed, sealed.length - 1, 1, out, 0));
        assertTrue(allZero(out), "no plaintext in the output array");

        AesCipher wrongAad = backend.aes(CipherDirection.DECRYPT, v.hex("key"), p);
        wrongAad.updateAad(new byte[] {9});
        assertThrows(AuthenticationFailedException.class, () -> wrongAad.doFinal(concat(v.hex("ciphertext"), v.hex("tag"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void gcmCiphertextShorterThanTagIsTruncated(CryptoBackend backend) {
        AesCipher dec = backend.aes(CipherDirection.DECRYPT, new byte[16], AesParameters.gcm(new byte[12]));
        BadInputException e = assertThrows(BadInputException.class, () -> dec.doFinal(new byte[15]));
        assertTrue(e.getMessage().contains("tag"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("kw")
    void keyWrapMatchesRfc3394(CryptoBackend backend, Vectors.Vector v) {
        assertArrayEquals(v.hex("wrapped"), backend.aes(CipherDirection.ENCRYPT, v.hex("kek"), AesParameters.kw()).doFinal(v.hex("keydata")));
        assertArrayEquals(v.hex("keydata"), piecewise(backend.aes(CipherDirection.DECRYPT, v.hex("kek"), AesParameters.kw()), v.hex("wrapped")));
        byte[] altered = v.hex("wrapped");
        altered[3] ^= 0x40;
        AesCipher unwrap = backend.aes(CipherDirection.DECRYPT, v.hex("kek"), AesParameters.kw());
        assertThrows(AuthenticationFailedException.class, () -> unwrap.doFinal(altered));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void keyWrapRefusesBadLengths(CryptoBackend backend) {
        byte[] kek = new byte[16];
        assertThrows(BadInputException.class, () -> backend.aes(CipherDirection.ENCRYPT, kek, AesParameters.kw()).doFinal(new byte[8]));
        assertThrows(BadInputException.class, () -> backend.aes(CipherDirection.ENCRYPT, kek, AesParameters.kw()).doFinal(new byte[20]));
        assertThrows(BadInputException.class, () -> backend.aes(CipherDirection.DECRYPT, kek, AesParameters.kw()).doFinal(new byte[16]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void wrongKeySizesAreBadKeysForEveryMode(CryptoBackend backend) {
        byte[] iv = new byte[16];
        List<AesParameters> all = List.of(AesParameters.cbc(iv, AesPadding.PKCS7), AesParameters.ecb(AesPadding.NONE),
                AesParameters.cfb128(iv), AesParameters.cfb8(iv), AesParameters.ofb(iv), AesParameters.ctr(iv),
                AesParameters.gcm(new byte[12]), AesParameters.kw(), AesParameters.xts(iv));
        for (AesParameters p : all) {
            for (int len : new int[] {0, 8, 15, 17, 48, 65}) {
                assertThrows(BadKeyException.class, () -> backend.aes(CipherDirection.ENCRYPT, new byte[len], p), p + " key " + len);
            }
        }
        assertThrows(BadKeyException.class, () -> backend.aes(CipherDirection.ENCRYPT, new byte[24], AesParameters.xts(iv)),
                "no XTS-AES-192");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void xtsRefusesEqualKeyHalvesAndShortUnits(CryptoBackend backend) {
        byte[] tweak = new byte[16];
        assertThrows(BadKeyException.class, () -> backend.aes(CipherDirection.ENCRYPT, new byte[32], AesParameters.xts(tweak)));
        byte[] key = new byte[32];
        key[0] = 1;
        AesCipher c = backend.aes(CipherDirection.ENCRYPT, key, AesParameters.xts(tweak));
        assertThrows(BadInputException.class, () -> c.doFinal(new byte[15]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void wrongIvLengthsAreBadParameters(CryptoBackend backend) {
        assertThrows(BadParameterException.class, () -> AesParameters.cbc(new byte[15], AesPadding.NONE));
        assertThrows(BadParameterException.class, () -> AesParameters.ctr(new byte[8]));
        assertThrows(BadParameterException.class, () -> AesParameters.gcm(new byte[0]));
        assertThrows(BadParameterException.class, () -> AesParameters.gcm(new byte[12], 8));
        AesCipher cbc = backend.aes(CipherDirection.ENCRYPT, new byte[16], AesParameters.cbc(new byte[16], AesPadding.NONE));
        assertThrows(BadParameterException.class, () -> cbc.updateAad(new byte[1]), "AAD only for GCM");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void paddedCbcRoundTripsAndBadPaddingIsTyped(CryptoBackend backend) {
        byte[] key = new byte[16];
        byte[] iv = new byte[16];
        AesParameters p = AesParameters.cbc(iv, AesPadding.PKCS7);
        for (int len : new int[] {0, 1, 15, 16, 17, 100}) {
            byte[] plain = new byte[len];
            Arrays.fill(plain, (byte) len);
            byte[] ct = backend.aes(CipherDirection.ENCRYPT, key, p).doFinal(plain);
            assertEquals((len / 16 + 1) * 16, ct.length);
            assertArrayEquals(plain, piecewise(backend.aes(CipherDirection.DECRYPT, key, p), ct));
        }
        byte[] ct = backend.aes(CipherDirection.ENCRYPT, key, p).doFinal(new byte[20]);
        ct[ct.length - 1] ^= 0x55;
        AesCipher dec = backend.aes(CipherDirection.DECRYPT, key, p);
        byte[] out = new byte[dec.outputSize(ct.length)];
        assertThrows(InvalidPaddingException.class, () -> dec.doFinal(ct, 0, ct.length, out, 0));
        assertTrue(allZero(out), "no partial plaintext");
        assertThrows(BadInputException.class,
                () -> backend.aes(CipherDirection.DECRYPT, key, p).doFinal(Arrays.copyOf(ct, 31)), "truncated");
        assertThrows(BadInputException.class, () -> backend.aes(CipherDirection.DECRYPT, key, p).doFinal(new byte[0]));
        assertThrows(BadInputException.class, () -> backend.aes(CipherDirection.ENCRYPT, key,
                AesParameters.ecb(AesPadding.NONE)).doFinal(new byte[17]), "unpadded ECB needs whole blocks");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aCipherIsSingleUse(CryptoBackend backend) {
        AesCipher c = backend.aes(CipherDirection.ENCRYPT, new byte[16], AesParameters.gcm(new byte[12]));
        c.doFinal(new byte[3]);
        assertThrows(IllegalStateException.class, () -> c.doFinal(new byte[3]));
        assertThrows(IllegalStateException.class, () -> c.update(new byte[3]));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void everyModeDecryptsOnTheOtherBackend(CryptoBackend a, CryptoBackend b) {
        Random r = new Random(38);
        byte[] iv = new byte[16];
        r.nextBytes(iv);
        byte[] data = new byte[1000];
        r.nextBytes(data);
        List<AesParameters> modes = List.of(AesParameters.cbc(iv, AesPadding.PKCS7), AesParameters.ecb(AesPadding.PKCS7),
                AesParameters.cfb128(iv), AesParameters.cfb8(iv), AesParameters.ofb(iv), AesParameters.ctr(iv),
                AesParameters.gcm(Arrays.copyOf(iv, 12), 16), AesParameters.gcm(Arrays.copyOf(iv, 7), 12), AesParameters.xts(iv));
        for (AesParameters p : modes) {
            for (int keyLen : new int[] {16, 24, 32, 64}) {
                if (!p.allowsKeyLength(keyLen)) {
                    continue;
                }
                byte[] key = new byte[keyLen];
                r.nextBytes(key);
                AesCipher enc = a.aes(CipherDirection.ENCRYPT, key, p);
                AesCipher dec = b.aes(CipherDirection.DECRYPT, key, p);
                if (p.mode() == AesMode.GCM) {
                    enc.updateAad(iv);
                    dec.updateAad(iv);
                }
                assertArrayEquals(data, piecewise(dec, piecewise(enc, data)), p + " key " + keyLen);
            }
        }
        byte[] kek = new byte[32];
        r.nextBytes(kek);
        byte[] wrapped = a.aes(CipherDirection.ENCRYPT, kek, AesParameters.kw()).doFinal(Arrays.copyOf(data, 32));
        assertArrayEquals(Arrays.copyOf(data, 32), b.aes(CipherDirection.DECRYPT, kek, AesParameters.kw()).doFinal(wrapped));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
