package org.lightwire.it.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.InvalidPointException;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.OkpCurve;

/** RFC 7748 X25519 and RFC 8032 Ed25519. */
class OkpConformanceTest {

    static Stream<Arguments> x25519() {
        return Backends.withVectors("x25519.txt");
    }

    static Stream<Arguments> ed25519() {
        return Backends.withVectors("ed25519.txt");
    }

    static Stream<CryptoBackend> backends() {
        return Backends.each();
    }

    static Stream<Arguments> pairs() {
        return Backends.pairs();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("x25519")
    void x25519MatchesRfc7748(CryptoBackend backend, Vectors.Vector v) {
        KeyElements priv = backend.x25519().fromPrivate(v.hex("scalar"));
        if (v.has("public")) {
            assertArrayEquals(v.hex("public"), priv.element(KeyElements.OKP_X));
        }
        KeyElements peer = KeyElements.okp(OkpCurve.X25519, v.hex("u"), null);
        assertArrayEquals(v.hex("result"), backend.x25519().agree(priv, peer));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void x25519RefusesSmallOrderPeers(CryptoBackend backend) {
        KeyElements priv = backend.x25519().generate();
        byte[] one = new byte[32];
        one[0] = 1;
        for (byte[] u : new byte[][] {new byte[32], one}) {
            KeyElements peer = KeyElements.okp(OkpCurve.X25519, u, null);
            assertThrows(InvalidPointException.class, () -> backend.x25519().agree(priv, peer));
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("ed25519")
    void ed25519MatchesRfc8032(CryptoBackend backend, Vectors.Vector v) {
        KeyElements key = backend.ed25519().fromPrivate(v.hex("secret"));
        assertArrayEquals(v.hex("public"), key.element(KeyElements.OKP_X));
        assertArrayEquals(v.hex("signature"), backend.ed25519().sign(key, v.hex("message")), "Ed25519 is deterministic");
        KeyElements pub = KeyElements.okp(OkpCurve.ED25519, v.hex("public"), null);
        assertTrue(backend.ed25519().verify(pub, v.hex("message"), v.hex("signature")));
        byte[] bad = v.hex("signature");
        bad[10] ^= 4;
        assertFalse(backend.ed25519().verify(pub, v.hex("message"), bad));
        assertFalse(backend.ed25519().verify(pub, v.hex("message"), new byte[63]));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("ed25519")
    void ed25519RefusesNonCanonicalS(CryptoBackend backend, Vectors.Vector v) {
        // S + L is the same scalar mod L: RFC 8032 section 5.1.7 requires S < L
        BigInteger l = BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));
        byte[] sig = v.hex("signature");
        byte[] sLe = java.util.Arrays.copyOfRange(sig, 32, 64);
        BigInteger s = new BigInteger(1, reverse(sLe)).add(l);
        byte[] sPlusL = reverse(toFixed(s, 32));
        System.arraycopy(sPlusL, 0, sig, 32, 32);
        KeyElements pub = KeyElements.okp(OkpCurve.ED25519, v.hex("public"), null);
        assertFalse(backend.ed25519().verify(pub, v.hex("message"), sig));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void ed25519PublicKeyOffTheCurveIsAnInvalidPoint(CryptoBackend backend) {
        // y = 2 gives x^2 = 3/(4d+1), a non-residue mod p: no point has this encoding
        byte[] y2 = new byte[32];
        y2[0] = 2;
        KeyElements pub = KeyElements.okp(OkpCurve.ED25519, y2, null);
        assertThrows(InvalidPointException.class, () -> backend.ed25519().verify(pub, new byte[1], new byte[64]));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void keysAndSignaturesWorkAcrossBackends(CryptoBackend a, CryptoBackend b) {
        KeyElements ed = a.ed25519().generate();
        byte[] msg = "cross".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(b.ed25519().verify(ed.publicKey(), msg, a.ed25519().sign(ed, msg)));
        KeyElements x1 = a.x25519().generate();
        KeyElements x2 = b.x25519().generate();
        assertArrayEquals(a.x25519().agree(x1, x2.publicKey()), b.x25519().agree(x2, x1.publicKey()));
    }

    static byte[] reverse(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[in.length - 1 - i];
        }
        return out;
    }

    static byte[] toFixed(BigInteger v, int len) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[len];
        int n = Math.min(len, b.length);
        System.arraycopy(b, b.length - n, out, len - n, n);
        return out;
    }
}
