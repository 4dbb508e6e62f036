package org.lightwire.crypto.jca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.lightwire.api.crypto.AesParameters;
import org.lightwire.api.crypto.BadInputException;
import org.lightwire.api.crypto.CipherDirection;
import org.lightwire.tls.verify.HostnameMatcher;

/**
 * The primitives this bundle implements itself (the JDK lacks them), checked against
 * independent references: RFC vectors, and the JDK's own ChaCha20 and ChaCha20-Poly1305,
 * whose internals use the same algorithms.
 */
class OwnPrimitivesTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void poly1305MatchesRfc8439Section252() {
        Poly1305Mac p = new Poly1305Mac(hex("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b"));
        p.update("Cryptographic Forum Research Group".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertArrayEquals(hex("a8061dc1305136c6c22b8baf0c0127a9"), p.tag());
    }

    /**
     * RFC 8439 section 2.8: the AEAD tag is Poly1305 over aad|pad|ct|pad|lengths with the
     * one-time key from ChaCha20 block 0; the JDK's AEAD thus checks our Poly1305 on random data.
     */
    @Test
    void poly1305AgreesWithTheJdkAeadOnRandomInputs() throws Exception {
        Random r = new Random(1305);
        for (int round = 0; round < 200; round++) {
            byte[] key = new byte[32];
            byte[] nonce = new byte[12];
            byte[] aad = new byte[r.nextInt(40)];
            byte[] plain = new byte[r.nextInt(300)];
            r.nextBytes(key);
            r.nextBytes(nonce);
            r.nextBytes(aad);
            r.nextBytes(plain);
            Cipher aead = Cipher.getInstance("ChaCha20-Poly1305", "SunJCE");
            aead.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
            aead.updateAAD(aad);
            byte[] sealed = aead.doFinal(plain);
            byte[] ct = Arrays.copyOf(sealed, plain.length);
            byte[] tag = Arrays.copyOfRange(sealed, plain.length, sealed.length);

            Cipher block0 = Cipher.getInstance("ChaCha20", "SunJCE");
            block0.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new ChaCha20ParameterSpec(nonce, 0));
            byte[] otk = Arrays.copyOf(block0.update(new byte[64]), 32);
            Poly1305Mac p = new Poly1305Mac(otk);
            // fed in uneven pieces to exercise the partial-block buffer
            feed(p, aad, r);
            p.update(new byte[(16 - aad.length % 16) % 16]);
            feed(p, ct, r);
            p.update(new byte[(16 - ct.length % 16) % 16]);
            byte[] lengths = new byte[16];
            lengths[0] = (byte) aad.length;
            lengths[8] = (byte) ct.length;
            lengths[9] = (byte) (ct.length >>> 8);
            p.update(lengths);
            assertArrayEquals(tag, p.tag(), "round " + round);
        }
    }

    private static void feed(Poly1305Mac p, byte[] data, Random r) {
        int at = 0;
        while (at < data.length) {
            int n = Math.min(data.length - at, 1 + r.nextInt(33));
            p.update(data, at, n);
            at += n;
        }
    }

    @Test
    void poly1305IsOneTime() {
        Poly1305Mac p = new Poly1305Mac(new byte[32]);
        p.tag();
        assertThrows(IllegalStateException.class, () -> p.update(new byte[1]));
        Poly1305Mac q = new Poly1305Mac(new byte[32]);
        assertFalse(q.verify(null));
    }

    /** The 8-byte-nonce layout equals the JDK's RFC 8439 cipher with the counter's high word as nonce word 0. */
    @Test
    void chacha20OpenSshLayoutAgreesWithTheJdk() throws Exception {
        Random r = new Random(20);
        for (int round = 0; round < 50; round++) {
            byte[] key = new byte[32];
            byte[] nonce8 = new byte[8];
            r.nextBytes(key);
            r.nextBytes(nonce8);
            int high = r.nextInt(4);
            int low = r.nextInt(1000);
            byte[] data = new byte[r.nextInt(500)];
            r.nextBytes(data);
            byte[] n12 = new byte[12];
            n12[0] = (byte) high;
            System.arraycopy(nonce8, 0, n12, 4, 8);
            Cipher jdk = Cipher.getInstance("ChaCha20", "SunJCE");
            jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new ChaCha20ParameterSpec(n12, low));
            byte[] expected = jdk.doFinal(data);
            ChaCha20Djb ours = new ChaCha20Djb(key, nonce8, ((long) high << 32) | low);
            byte[] out = new byte[data.length];
            int at = 0;
            while (at < data.length) {
                int n = Math.min(data.length - at, 1 + r.nextInt(100));
                ours.update(data, at, n, out, at);
                at += n;
            }
            assertArrayEquals(expected, out, "round " + round);
        }
    }

    @Test
    void chacha20OpenSshLayoutRefusesToWrapItsCounter() {
        ChaCha20Djb c = new ChaCha20Djb(new byte[32], new byte[8], -1L);
        c.update(new byte[64], 0, 64, new byte[64], 0);
        assertThrows(BadInputException.class, () -> c.update(new byte[1], 0, 1, new byte[1], 0));
    }

    @Test
    void xtsTweakMultiplicationFoldsTheCarry() {
        byte[] t = new byte[16];
        t[15] = (byte) 0x80;
        XtsCipher.multiplyByAlpha(t);
        byte[] expected = new byte[16];
        expected[0] = (byte) 0x87;
        assertArrayEquals(expected, t);
        byte[] u = new byte[16];
        u[0] = 0x40;
        XtsCipher.multiplyByAlpha(u);
        assertEquals((byte) 0x80, u[0]);
    }

    @Test
    void xtsMatchesIeee1619Vector2AndRoundTripsEveryLength() {
        byte[] key = hex("1111111111111111111111111111111122222222222222222222222222222222");
        byte[] tweak = hex("33333333330000000000000000000000");
        byte[] plain = new byte[32];
        Arrays.fill(plain, (byte) 0x44);
        XtsCipher enc = new XtsCipher(CipherDirection.ENCRYPT, key, AesParameters.xts(tweak));
        assertArrayEquals(hex("c454185e6a16936e39334038acef838bfb186fff7480adc4289382ecd6d394f0"), enc.doFinal(plain));
        Random r = new Random(1619);
        for (int len = 16; len < 80; len++) {
            byte[] data = new byte[len];
            r.nextBytes(data);
            byte[] ct = new XtsCipher(CipherDirection.ENCRYPT, key, AesParameters.xts(tweak)).doFinal(data);
            assertEquals(len, ct.length);
            assertArrayEquals(data, new XtsCipher(CipherDirection.DECRYPT, key, AesParameters.xts(tweak)).doFinal(ct), "length " + len);
        }
    }

    @Test
    void xtsRefusesADataUnitBeyondIeee1619sLimit() {
        byte[] key = new byte[32];
        key[0] = 1;
        XtsCipher c = new XtsCipher(CipherDirection.ENCRYPT, key, AesParameters.xts(new byte[16]));
        c.update(new byte[XtsCipher.MAX_UNIT]);
        assertThrows(BadInputException.class, () -> c.update(new byte[1]));
    }

    @Test
    void pkcs1IndexFindsTheMessageOnlyInWellFormedBlocks() {
        byte[] good = new byte[64];
        good[1] = 2;
        Arrays.fill(good, 2, 50, (byte) 9);
        assertEquals(51, JcaRsa.pkcs1MessageIndex(good));
        byte[] shortPs = good.clone();
        shortPs[9] = 0;
        assertEquals(-1, JcaRsa.pkcs1MessageIndex(shortPs), "PS of 7 bytes");
        byte[] ps8 = good.clone();
        ps8[10] = 0;
        assertEquals(11, JcaRsa.pkcs1MessageIndex(ps8), "PS of exactly 8 bytes");
        byte[] type1 = good.clone();
        type1[1] = 1;
        assertEquals(-1, JcaRsa.pkcs1MessageIndex(type1));
        byte[] noZero = good.clone();
        Arrays.fill(noZero, 2, 64, (byte) 1);
        assertEquals(-1, JcaRsa.pkcs1MessageIndex(noZero));
        byte[] lead = good.clone();
        lead[0] = 1;
        assertEquals(-1, JcaRsa.pkcs1MessageIndex(lead));
    }

    @Test
    void hostnamesMatchAsRfc6125Says() {
        assertTrue(HostnameMatcher.dnsMatches("*.example.com", "www.example.com"));
        assertTrue(HostnameMatcher.dnsMatches("WWW.Example.com.", "www.example.COM"));
        assertFalse(HostnameMatcher.dnsMatches("*.example.com", "a.b.example.com"), "one label only");
        assertFalse(HostnameMatcher.dnsMatches("*.example.com", "example.com"));
        assertFalse(HostnameMatcher.dnsMatches("*.com", "example.com"), "too broad");
        assertFalse(HostnameMatcher.dnsMatches("w*.example.com", "www.example.com"), "partial wildcards refused");
        assertFalse(HostnameMatcher.dnsMatches("", "x"));
        assertArrayEquals(new byte[] {127, 0, 0, 1}, HostnameMatcher.ipLiteral("127.0.0.1"));
        assertEquals(16, HostnameMatcher.ipLiteral("[::1]").length);
        assertEquals(null, HostnameMatcher.ipLiteral("localhost"));
        assertEquals(null, HostnameMatcher.ipLiteral("999.1.1.1"));
    }
}
