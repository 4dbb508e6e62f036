package org.lightwire.it.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.EcdsaFormat;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.InvalidPointException;
import org.lightwire.api.crypto.KeyElements;

/** ECDSA (RFC 6979 vectors) and ECDH (NIST CAVP) on P-256/384/521, with invalid points. */
class EcConformanceTest {

    static Stream<Arguments> ecdsa() {
        return Backends.withVectors("ecdsa.txt");
    }

    static Stream<Arguments> ecdh() {
        return Backends.withVectors("ecdh.txt");
    }

    static Stream<CryptoBackend> backends() {
        return Backends.each();
    }

    static Stream<Arguments> pairs() {
        return Backends.pairs();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("ecdsa")
    void rfc6979SignaturesVerifyInBothFormats(CryptoBackend backend, Vectors.Vector v) {
        EcCurve curve = EcCurve.ofJwkName(v.get("curve"));
        KeyElements pub = KeyElements.ec(curve, v.hex("x"), v.hex("y"), null);
        HashAlgorithm h = HashAlgorithm.valueOf(v.get("hash"));
        byte[] msg = v.get("message").getBytes(StandardCharsets.US_ASCII);
        byte[] rs = AesConformanceTest.concat(v.hex("r"), v.hex("s"));
        assertTrue(backend.ec().verify(h, pub, msg, rs, EcdsaFormat.CONCATENATED));
        assertTrue(backend.ec().verify(h, pub, msg, der(v.hex("r"), v.hex("s")), EcdsaFormat.DER));
        KeyElements priv = KeyElements.ec(curve, v.hex("x"), v.hex("y"), v.hex("d"));
        backend.ec().check(priv);
        assertTrue(backend.ec().verify(h, pub, msg, backend.ec().sign(h, priv, msg, EcdsaFormat.DER), EcdsaFormat.DER));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("ecdsa")
    void malformedOrMalleableSignaturesAreFalse(CryptoBackend backend, Vectors.Vector v) {
        EcCurve curve = EcCurve.ofJwkName(v.get("curve"));
        KeyElements pub = KeyElements.ec(curve, v.hex("x"), v.hex("y"), null);
        HashAlgorithm h = HashAlgorithm.valueOf(v.get("hash"));
        byte[] msg = v.get("message").getBytes(StandardCharsets.US_ASCII);
        byte[] r = v.hex("r");
        byte[] s = v.hex("s");
        BigInteger n = new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);
        byte[] good = der(r, s);
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        byte[] paddedR = derRaw(concat(new byte[] {0, 0}, r), s);
        byte[] sPlusN = der(r, new BigInteger(1, s).add(n).toByteArray());
        byte[] negS = AesConformanceTest.concat(r, OkpConformanceTest.toFixed(n.subtract(new BigInteger(1, s)), 32));
        for (byte[] bad : new byte[][] {trailing, paddedR, sPlusN, Arrays.copyOf(good, good.length - 1), new byte[0]}) {
            assertFalse(backend.ec().verify(h, pub, msg, bad, EcdsaFormat.DER));
        }
        assertFalse(backend.ec().verify(h, pub, msg, new byte[64], EcdsaFormat.CONCATENATED), "r = s = 0");
        assertFalse(backend.ec().verify(h, pub, msg, Arrays.copyOf(negS, 63), EcdsaFormat.CONCATENATED));
        assertFalse(backend.ec().verify(h, pub, "other".getBytes(), AesConformanceTest.concat(r, s), EcdsaFormat.CONCATENATED));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("ecdh")
    void ecdhMatchesCavp(CryptoBackend backend, Vectors.Vector v) {
        EcCurve curve = EcCurve.ofJwkName(v.get("curve"));
        KeyElements ours = KeyElements.ec(curve, v.hex("x"), v.hex("y"), v.hex("d"));
        KeyElements peer = KeyElements.ec(curve, v.hex("peerx"), v.hex("peery"), null);
        assertArrayEquals(v.hex("z"), backend.ec().agree(ours, peer));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("ecdh")
    void invalidPeerPointsAreRefused(CryptoBackend backend, Vectors.Vector v) {
        EcCurve curve = EcCurve.ofJwkName(v.get("curve"));
        KeyElements ours = KeyElements.ec(curve, v.hex("x"), v.hex("y"), v.hex("d"));
        byte[] x = v.hex("peerx");
        byte[] yPlusOne = OkpConformanceTest.toFixed(new BigInteger(1, v.hex("peery")).add(BigInteger.ONE), 32);
        BigInteger p = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE.shiftLeft(224)).add(BigInteger.ONE.shiftLeft(192))
                .add(BigInteger.ONE.shiftLeft(96)).subtract(BigInteger.ONE);
        // the same point with x + p: equal mod p, but not a canonical coordinate
        byte[][] xs = {x, new byte[32], new byte[32], OkpConformanceTest.toFixed(p, 32)};
        byte[][] ys = {yPlusOne, new byte[32], v.hex("peery"), v.hex("peery")};
        for (int i = 0; i < xs.length; i++) {
            KeyElements bad = KeyElements.ec(curve, xs[i], ys[i], null);
            assertThrows(InvalidPointException.class, () -> backend.ec().agree(ours, bad), "case " + i);
            assertThrows(InvalidPointException.class, () -> backend.ec().check(bad), "check case " + i);
            assertThrows(InvalidPointException.class,
                    () -> backend.ec().verify(HashAlgorithm.SHA_256, bad, new byte[1], new byte[64], EcdsaFormat.CONCATENATED));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void mismatchedOrMixedKeysAreBadKeys(CryptoBackend backend) {
        KeyElements a = backend.ec().generate(EcCurve.P_256);
        KeyElements b = backend.ec().generate(EcCurve.P_256);
        KeyElements mixed = KeyElements.ec(EcCurve.P_256, a.element(KeyElements.EC_X), a.element(KeyElements.EC_Y),
                b.element(KeyElements.EC_D));
        assertThrows(BadKeyException.class, () -> backend.ec().check(mixed));
        KeyElements other = backend.ec().generate(EcCurve.P_384);
        assertThrows(BadKeyException.class, () -> backend.ec().agree(a, other.publicKey()));
        byte[] n = OkpConformanceTest.toFixed(new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16), 32);
        KeyElements scalarN = KeyElements.ec(EcCurve.P_256, a.element(KeyElements.EC_X), a.element(KeyElements.EC_Y), n);
        assertThrows(BadKeyException.class, () -> backend.ec().sign(HashAlgorithm.SHA_256, scalarN, new byte[1], EcdsaFormat.DER));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void everyCurveWorksAcrossBackends(CryptoBackend a, CryptoBackend b) {
        byte[] msg = "SEC 1".getBytes(StandardCharsets.US_ASCII);
        for (EcCurve c : EcCurve.values()) {
            KeyElements ka = a.ec().generate(c);
            KeyElements kb = b.ec().generate(c);
            b.ec().check(ka);
            for (EcdsaFormat f : EcdsaFormat.values()) {
                byte[] sig = a.ec().sign(c.naturalHash(), ka, msg, f);
                assertTrue(b.ec().verify(c.naturalHash(), ka.publicKey(), msg, sig, f), c + " " + f);
            }
            assertArrayEquals(a.ec().agree(ka, kb.publicKey()), b.ec().agree(kb, ka.publicKey()), c.name());
            assertTrue(a.ec().agree(ka, kb.publicKey()).length == c.fieldLength());
        }
    }

    static byte[] der(byte[] r, byte[] s) {
        return derRaw(new BigInteger(1, r).toByteArray(), new BigInteger(1, s).toByteArray());
    }

    /** SEQUENCE { INTEGER r, INTEGER s } with the integer contents exactly as given. */
    static byte[] derRaw(byte[] r, byte[] s) {
        byte[] body = concat(new byte[] {2, (byte) r.length}, r, new byte[] {2, (byte) s.length}, s);
        return concat(new byte[] {0x30, (byte) body.length}, body);
    }

    static byte[] concat(byte[]... parts) {
        byte[] out = new byte[0];
        for (byte[] p : parts) {
            out = AesConformanceTest.concat(out, p);
        }
        return out;
    }
}
