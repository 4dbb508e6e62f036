package org.lightwire.crypto.bc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.lightwire.api.crypto.AesCipher;
import org.lightwire.api.crypto.AesPadding;
import org.lightwire.api.crypto.AesParameters;
import org.lightwire.api.crypto.AuthenticationFailedException;
import org.lightwire.api.crypto.BadInputException;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.CipherDirection;
import org.lightwire.api.crypto.InvalidPaddingException;

/**
 * AES modes on BC: published vectors, agreement with the JDK's SunJCE for the SP 800-38A
 * modes, and the failure rules (typed, no plaintext released, single use).
 */
class AesCipherTest {

    private static final byte[] KEY128 = Hex.decode("2b7e151628aed2a6abf7158809cf4f3c");
    private static final byte[] IV = Hex.decode("000102030405060708090a0b0c0d0e0f");

    private static AesCipher enc(byte[] key, AesParameters p) {
        return new BcAesCipher(CipherDirection.ENCRYPT, key, p);
    }

    private static AesCipher dec(byte[] key, AesParameters p) {
        return new BcAesCipher(CipherDirection.DECRYPT, key, p);
    }

    @Test
    void sp80038aF11EcbFirstBlock() {
        byte[] plain = Hex.decode("6bc1bee22e409f96e93d7e117393172a");
        assertArrayEquals(Hex.decode("3ad77bb40d7a3660a89ecaf32466ef97"), enc(KEY128, AesParameters.ecb(AesPadding.NONE)).doFinal(plain));
    }

    @Test
    void sp80038aF21CbcFirstBlock() {
        byte[] plain = Hex.decode("6bc1bee22e409f96e93d7e117393172a");
        assertArrayEquals(Hex.decode("7649abac8119b246cee98e9b12e9197d"),
                enc(KEY128, AesParameters.cbc(IV, AesPadding.NONE)).doFinal(plain));
    }

    @Test
    void streamingModesMatchSunJceForEveryLengthAndSplit() throws Exception {
        Random r = new Random(38);
        for (int keyLength : new int[] {16, 24, 32}) {
            byte[] key = new byte[keyLength];
            r.nextBytes(key);
            for (int n : new int[] {0, 1, 15, 16, 17, 100}) {
                byte[] plain = new byte[n];
                r.nextBytes(plain);
                check("AES/CFB/NoPadding", AesParameters.cfb128(IV), key, plain);
                check("AES/CFB8/NoPadding", AesParameters.cfb8(IV), key, plain);
                check("AES/OFB/NoPadding", AesParameters.ofb(IV), key, plain);
                check("AES/CTR/NoPadding", AesParameters.ctr(IV), key, plain);
                check("AES/CBC/PKCS5Padding", AesParameters.cbc(IV, AesPadding.PKCS7), key, plain);
                check("AES/ECB/PKCS5Padding", AesParameters.ecb(AesPadding.PKCS7), key, plain);
            }
        }
    }

    private static void check(String jdkName, AesParameters p, byte[] key, byte[] plain) throws Exception {
        Cipher jdk = Cipher.getInstance(jdkName);
        if (p.iv().isPresent()) {
            jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(p.iv().get()));
        } else {
            jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        }
        byte[] expected = jdk.doFinal(plain);
        // split in two at an odd place: update then doFinal
        AesCipher c = enc(key, p);
        int split = plain.length / 3;
        byte[] first = c.update(Arrays.copyOf(plain, split));
        byte[] rest = c.doFinal(Arrays.copyOfRange(plain, split, plain.length));
        byte[] actual = concat(first, rest);
        assertArrayEquals(expected, actual, jdkName + " " + key.length * 8 + " bits, " + plain.length + " bytes");
        assertArrayEquals(plain, dec(key, p).doFinal(actual), jdkName + " decrypts back");
    }

    @Test
    void ctrCounterBlockWrapsAllOneHundredTwentyEightBits() throws Exception {
        byte[] allOnes = Hex.decode("ffffffffffffffffffffffffffffffff");
        check("AES/CTR/NoPadding", AesParameters.ctr(allOnes), KEY128, new byte[48]);
    }

    @Test
    void gcmSpecTestCase2() {
        AesParameters p = AesParameters.gcm(new byte[12]);
        byte[] out = enc(new byte[16], p).doFinal(new byte[16]);
        assertArrayEquals(Hex.decode("0388dace60b6a392f328c2b971b2fe78" + "ab6e47d42cec13bdf53a67b21257bddf"), out);
        assertArrayEquals(new byte[16], dec(new byte[16], p).doFinal(out));
    }

    @Test
    void gcmWithAadMatchesSunJce() throws Exception {
        byte[] key = new byte[32];
        byte[] nonce = Hex.decode("cafebabefacedbaddecaf888");
        byte[] aad = "header".getBytes();
        byte[] plain = new byte[1000];
        new Random(7).nextBytes(plain);
        Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
        jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new javax.crypto.spec.GCMParameterSpec(128, nonce));
        jdk.updateAAD(aad);
        byte[] expected = jdk.doFinal(plain);
        AesCipher c = enc(key, AesParameters.gcm(nonce));
        c.updateAad(aad);
        assertArrayEquals(expected, concat(c.update(Arrays.copyOf(plain, 333)), c.doFinal(Arrays.copyOfRange(plain, 333, 1000))));
        AesCipher d = dec(key, AesParameters.gcm(nonce));
        d.updateAad(aad);
        assertEquals(0, d.update(Arrays.copyOf(expected, 500)).length, "GCM decryption holds plaintext until the tag verified");
        assertArrayEquals(plain, d.doFinal(Arrays.copyOfRange(expected, 500, expected.length)));
    }

    @Test
    void gcmTagMismatchReleasesNothing() {
        AesParameters p = AesParameters.gcm(new byte[12]);
        byte[] sealed = enc(new byte[16], p).doFinal(new byte[40]);
        sealed[3] ^= 1;
        AesCipher d = dec(new byte[16], p);
        byte[] out = new byte[64];
        Arrays.fill(out, (byte) 0x55);
        assertEquals(0, d.update(sealed, 0, 30, out, 0));
        assertThrows(AuthenticationFailedException.class, () -> d.doFinal(sealed, 30, sealed.length - 30, out, 0));
        for (byte b : out) {
            assertEquals(0x55, b & 0xff, "no plaintext written on a bad tag");
        }
        assertThrows(IllegalStateException.class, () -> d.update(new byte[1]));
    }

    @Test
    void gcmCiphertextShorterThanTagIsBadInput() {
        assertThrows(BadInputException.class, () -> dec(new byte[16], AesParameters.gcm(new byte[12])).doFinal(new byte[15]));
    }

    @Test
    void cbcBadPaddingReleasesNoPlaintext() {
        AesParameters p = AesParameters.cbc(IV, AesPadding.PKCS7);
        byte[] sealed = enc(KEY128, p).doFinal(new byte[40]);
        sealed[sealed.length - 1] ^= 0x7f;
        byte[] out = new byte[64];
        Arrays.fill(out, (byte) 0x55);
        assertThrows(InvalidPaddingException.class, () -> dec(KEY128, p).doFinal(sealed, 0, sealed.length, out, 0));
        for (byte b : out) {
            assertEquals(0x55, b & 0xff, "no block of a message with bad padding is released");
        }
    }

    @Test
    void lengthsThatAreNotWholeBlocksAreBadInput() {
        assertThrows(BadInputException.class, () -> enc(KEY128, AesParameters.cbc(IV, AesPadding.NONE)).doFinal(new byte[17]));
        assertThrows(BadInputException.class, () -> dec(KEY128, AesParameters.cbc(IV, AesPadding.PKCS7)).doFinal(new byte[17]));
        assertThrows(BadInputException.class, () -> dec(KEY128, AesParameters.ecb(AesPadding.PKCS7)).doFinal(new byte[0]));
    }

    @Test
    void rfc3394Section41KeyWrap() {
        byte[] kek = Hex.decode("000102030405060708090a0b0c0d0e0f");
        byte[] keyData = Hex.decode("00112233445566778899aabbccddeeff");
        byte[] wrapped = enc(kek, AesParameters.kw()).doFinal(keyData);
        assertArrayEquals(Hex.decode("1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5"), wrapped);
        assertArrayEquals(keyData, dec(kek, AesParameters.kw()).doFinal(wrapped));
        wrapped[5] ^= 1;
        assertThrows(AuthenticationFailedException.class, () -> dec(kek, AesParameters.kw()).doFinal(wrapped));
        assertThrows(BadInputException.class, () -> dec(kek, AesParameters.kw()).doFinal(new byte[20]));
        assertThrows(BadInputException.class, () -> enc(kek, AesParameters.kw()).doFinal(new byte[8]));
    }

    @Test
    void xtsThroughTheCipherInterface() {
        byte[] key = Hex.decode("11111111111111111111111111111111" + "22222222222222222222222222222222");
        AesParameters p = AesParameters.xts(Hex.decode("33333333330000000000000000000000"));
        AesCipher c = enc(key, p);
        assertEquals(0, c.update(new byte[] {0x44, 0x44}).length);
        byte[] rest = new byte[30];
        Arrays.fill(rest, (byte) 0x44);
        assertArrayEquals(Hex.decode("c454185e6a16936e39334038acef838bfb186fff7480adc4289382ecd6d394f0"), c.doFinal(rest));
        assertThrows(BadKeyException.class, () -> enc(new byte[64], p), "equal XTS key halves");
        assertThrows(BadInputException.class, () -> enc(key, p).doFinal(new byte[15]));
        AesCipher big = enc(key, p);
        assertThrows(BadInputException.class, () -> big.update(new byte[BcAesCipher.MAX_XTS_UNIT + 1]));
    }

    @Test
    void keyLengthsAreCheckedPerMode() {
        assertThrows(BadKeyException.class, () -> enc(new byte[20], AesParameters.ecb(AesPadding.NONE)));
        assertThrows(BadKeyException.class, () -> enc(new byte[16], AesParameters.xts(new byte[16])));
        assertThrows(BadKeyException.class, () -> enc(new byte[48], AesParameters.xts(new byte[16])));
    }

    @Test
    void aadRules() {
        assertThrows(BadParameterException.class, () -> enc(KEY128, AesParameters.cbc(IV, AesPadding.PKCS7)).updateAad(new byte[1]));
        AesCipher gcm = enc(KEY128, AesParameters.gcm(new byte[12]));
        gcm.update(new byte[1]);
        assertThrows(IllegalStateException.class, () -> gcm.updateAad(new byte[1]));
    }

    @Test
    void singleUse() {
        AesCipher c = enc(KEY128, AesParameters.gcm(new byte[12]));
        c.doFinal(new byte[1]);
        assertThrows(IllegalStateException.class, () -> c.doFinal(new byte[1]));
        assertThrows(IllegalStateException.class, () -> c.update(new byte[1]));
    }

    @Test
    void outputArrayTooSmallIsABadParameter() {
        AesCipher c = enc(KEY128, AesParameters.ctr(IV));
        assertThrows(BadParameterException.class, () -> c.update(new byte[32], 0, 32, new byte[16], 0));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
