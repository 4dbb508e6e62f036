package org.lightwire.it.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.CipherDirection;
import org.lightwire.api.crypto.CryptoBackend;

/**
 * {@link AesCipher#reset} (SPI 1.1): a cipher re-initialised with a new IV per message must
 * give exactly what a fresh cipher with that IV gives, on every backend; GCM with a nonce per
 * message (OpenSSH's aes-gcm invocation counter) against the one-cipher-per-message path.
 */
class AesResetConformanceTest {

    static Stream<Arguments> sp80038a() {
        return Backends.withVectors("aes-sp800-38a.txt");
    }

    static Stream<Arguments> gcm() {
        return Backends.withVectors("aes-gcm.txt");
    }

    static Stream<CryptoBackend> backends() {
        return Backends.each();
    }

    static Stream<Arguments> pairs() {
        return Backends.pairs();
    }

    private static AesParameters params(AesMode mode, byte[] iv) {
        switch (mode) {
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
                throw new IllegalArgumentException(mode.toString());
        }
    }

    private static byte[] otherIv(byte[] iv) {
        if (iv == null) {
            return null;
        }
        byte[] o = iv.clone();
        o[0] ^= (byte) 0xa5;
        return o;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("sp80038a")
    void sp80038aVectorsHoldAcrossResets(CryptoBackend backend, Vectors.Vector v) {
        AesMode mode = AesMode.valueOf(v.get("mode"));
        byte[] iv = v.has("iv") ? v.hex("iv") : null;
        for (CipherDirection d : CipherDirection.values()) {
            byte[] in = v.hex(d == CipherDirection.ENCRYPT ? "plaintext" : "ciphertext");
            byte[] expected = v.hex(d == CipherDirection.ENCRYPT ? "ciphertext" : "plaintext");
            AesCipher c = backend.aes(d, v.hex("key"), params(mode, otherIv(iv)));
            c.doFinal(in);
            c.reset(iv); // after a finished message
            assertArrayEquals(expected, AesConformanceTest.piecewise(c, in), d + " after doFinal");
            c.reset(otherIv(iv));
            c.update(in, 0, 5, new byte[c.outputSize(5)], 0);
            c.reset(iv); // abandoning a message half-way
            assertArrayEquals(expected, c.doFinal(in), d + " after an abandoned message");
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("gcm")
    void gcmVectorsHoldAcrossResetsAndFailures(CryptoBackend backend, Vectors.Vector v) {
        byte[] iv = v.hex("iv");
        byte[] sealed = concat(v.hex("ciphertext"), v.hex("tag"));
        AesCipher enc = backend.aes(CipherDirection.ENCRYPT, v.hex("key"), AesParameters.gcm(otherIv(iv)));
        enc.updateAad(v.hex("aad"));
        enc.doFinal(v.hex("plaintext"));
        enc.reset(iv);
        enc.updateAad(v.hex("aad"));
        assertArrayEquals(sealed, AesConformanceTest.piecewise(enc, v.hex("plaintext")));

        AesCipher dec = backend.aes(CipherDirection.DECRYPT, v.hex("key"), AesParameters.gcm(iv));
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;
        dec.updateAad(v.hex("aad"));
        assertThrows(AuthenticationFailedException.class, () -> dec.doFinal(altered));
        dec.reset(iv); // decryption may repeat a nonce: it is the same message again
        dec.updateAad(v.hex("aad"));
        assertArrayEquals(v.hex("plaintext"), AesConformanceTest.piecewise(dec, sealed), "after a failed tag");
        dec.reset(iv);
        dec.updateAad(v.hex("aad"));
        byte[] out = new byte[dec.outputSize(sealed.length)];
        int n = dec.doFinal(sealed, 0, sealed.length, out, 0);
        assertArrayEquals(v.hex("plaintext"), java.util.Arrays.copyOf(out, n), "array form");
    }

    /** OpenSSH aes-gcm: fixed 4 bytes, 64-bit counter incremented per packet, length as AAD. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void gcmNoncePerMessageMatchesOneCipherPerMessage(CryptoBackend backend) {
        Random r = new Random(5647);
        for (int keyLength : new int[] {16, 32}) {
            byte[] key = new byte[keyLength];
            r.nextBytes(key);
            byte[] iv = new byte[12];
            r.nextBytes(iv);
            iv[11] = (byte) 0xfe; // the counter carries into the next byte within the run
            AesCipher sealer = backend.aes(CipherDirection.ENCRYPT, key, AesParameters.gcm(iv));
            AesCipher opener = backend.aes(CipherDirection.DECRYPT, key, AesParameters.gcm(iv));
            byte[] buf = new byte[2048];
            for (int packet = 0; packet < 12; packet++) {
                if (packet > 0) {
                    sealer.reset(iv);
                    opener.reset(iv);
                }
                byte[] aad = new byte[4];
                r.nextBytes(aad);
                byte[] plain = new byte[16 * r.nextInt(60)];
                r.nextBytes(plain);
                AesCipher fresh = backend.aes(CipherDirection.ENCRYPT, key, AesParameters.gcm(iv));
                fresh.updateAad(aad);
                byte[] expected = fresh.doFinal(plain);

                sealer.updateAad(aad, 0, 4);
                int n = sealer.doFinal(plain, 0, plain.length, buf, 0);
                assertArrayEquals(expected, java.util.Arrays.copyOf(buf, n), "packet " + packet);
                opener.updateAad(aad, 0, 4);
                int m = opener.doFinal(buf, 0, n, buf, 0); // in place, as ssh-base does
                assertArrayEquals(plain, java.util.Arrays.copyOf(buf, m), "packet " + packet);
                for (int i = 11; i >= 4 && ++iv[i] == 0; i--) {
                    // RFC 5647 7.1: increment the 64-bit invocation counter
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void gcmEncryptionRefusesTheNonceItJustUsed(CryptoBackend backend) {
        byte[] key = new byte[16];
        byte[] nonce = new byte[12];
        AesCipher enc = backend.aes(CipherDirection.ENCRYPT, key, AesParameters.gcm(nonce));
        byte[] first = enc.doFinal(new byte[32]);
        assertThrows(BadParameterException.class, () -> enc.reset(nonce), "a repeated GCM nonce would reveal the hash key");
        assertThrows(IllegalStateException.class, () -> enc.doFinal(new byte[1]), "finished after a refused reset");
        byte[] next = nonce.clone();
        next[11] = 1;
        enc.reset(next);
        AesCipher fresh = backend.aes(CipherDirection.ENCRYPT, key, AesParameters.gcm(next));
        assertArrayEquals(fresh.doFinal(new byte[32]), enc.doFinal(new byte[32]));
        assertTrue(first.length == 48);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void hostileResetIsATypedError(CryptoBackend backend) {
        byte[] key = new byte[16];
        AesCipher gcm = backend.aes(CipherDirection.DECRYPT, key, AesParameters.gcm(new byte[12]));
        assertThrows(BadParameterException.class, () -> gcm.reset(null));
        assertThrows(BadParameterException.class, () -> gcm.reset(new byte[0]));
        assertThrows(BadParameterException.class, () -> gcm.reset(new byte[1025]));
        AesCipher ctr = backend.aes(CipherDirection.ENCRYPT, key, AesParameters.ctr(new byte[16]));
        assertThrows(BadParameterException.class, () -> ctr.reset(new byte[12]));
        assertThrows(BadParameterException.class, () -> ctr.reset(null));
        AesCipher cbc = backend.aes(CipherDirection.DECRYPT, key, AesParameters.cbc(new byte[16], AesPadding.PKCS7));
        assertThrows(BadParameterException.class, () -> cbc.reset(new byte[17]));
        AesCipher ecb = backend.aes(CipherDirection.ENCRYPT, key, AesParameters.ecb(AesPadding.NONE));
        assertThrows(BadParameterException.class, () -> ecb.reset(new byte[16]), "ECB has no IV");
        byte[] xtsKey = new byte[32];
        xtsKey[31] = 1; // the halves must differ
        AesCipher xts = backend.aes(CipherDirection.ENCRYPT, xtsKey, AesParameters.xts(new byte[16]));
        assertThrows(BadParameterException.class, () -> xts.reset(new byte[16]), "XTS is not re-initialisable");
        AesCipher kw = backend.aes(CipherDirection.ENCRYPT, key, AesParameters.kw());
        assertThrows(BadParameterException.class, () -> kw.reset(null), "key wrap is not re-initialisable");
        // a refused reset finishes the cipher; a valid one revives it
        assertThrows(IllegalStateException.class, () -> ctr.update(new byte[1]));
        ctr.reset(new byte[16]);
        assertArrayEquals(backend.aes(CipherDirection.ENCRYPT, key, AesParameters.ctr(new byte[16])).doFinal(new byte[40]),
                ctr.doFinal(new byte[40]));
    }

    /**
     * Reused GCM ciphers of one backend against fresh ones of another over odd shapes: nonce
     * lengths other than 12 (GHASH-derived J0), AAD and data ending mid-block, data fed in
     * pieces, 12-byte tags.
     */
    @ParameterizedTest(name = "{0} seals, {1} opens")
    @MethodSource("pairs")
    void gcmResetAgreesAcrossBackendsOnOddShapes(CryptoBackend sealer, CryptoBackend opener) {
        Random r = new Random(38);
        byte[] key = new byte[24];
        r.nextBytes(key);
        int tagLength = 12;
        AesCipher enc = sealer.aes(CipherDirection.ENCRYPT, key, AesParameters.gcm(new byte[1], tagLength));
        AesCipher dec = opener.aes(CipherDirection.DECRYPT, key, AesParameters.gcm(new byte[1], tagLength));
        for (int message = 0; message < 40; message++) {
            byte[] nonce = new byte[1 + r.nextInt(40)];
            r.nextBytes(nonce);
            byte[] aad = new byte[r.nextInt(50)];
            r.nextBytes(aad);
            byte[] plain = new byte[r.nextInt(100)];
            r.nextBytes(plain);
            enc.reset(nonce);
            enc.updateAad(aad);
            byte[] sealed = AesConformanceTest.piecewise(enc, plain);
            AesCipher fresh = opener.aes(CipherDirection.ENCRYPT, key, AesParameters.gcm(nonce, tagLength));
            fresh.updateAad(aad);
            assertArrayEquals(fresh.doFinal(plain), sealed, "message " + message);
            dec.reset(nonce);
            dec.updateAad(aad);
            assertArrayEquals(plain, AesConformanceTest.piecewise(dec, sealed), "message " + message);
        }
    }
}
