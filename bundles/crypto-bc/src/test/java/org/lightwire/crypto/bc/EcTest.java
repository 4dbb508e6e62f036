package org.lightwire.crypto.bc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.EcdsaFormat;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.InvalidPointException;
import org.lightwire.api.crypto.KeyElements;

/** ECDSA and ECDH on BC, with the point validation that stops invalid-curve attacks. */
class EcTest {

    private static final BcEc EC = new BcEc(new SecureRandom());

    /** RFC 6979 appendix A.2.5: P-256, SHA-256, message "sample". */
    @Test
    void rfc6979DeterministicSignature() {
        KeyElements k = KeyElements.ec(EcCurve.P_256,
                Hex.decode("60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6"),
                Hex.decode("7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299"),
                Hex.decode("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721"));
        EC.check(k);
        byte[] sig = EC.sign(HashAlgorithm.SHA_256, k, "sample".getBytes(StandardCharsets.US_ASCII), EcdsaFormat.CONCATENATED);
        assertArrayEquals(Hex.decode("EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716"
                + "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8"), sig);
    }

    @Test
    void signAndVerifyOnEveryCurveInBothFormats() throws Exception {
        byte[] msg = "hello".getBytes();
        for (EcCurve curve : EcCurve.values()) {
            KeyElements k = EC.generate(curve);
            EC.check(k);
            for (EcdsaFormat f : EcdsaFormat.values()) {
                byte[] sig = EC.sign(curve.naturalHash(), k, msg, f);
                if (f == EcdsaFormat.CONCATENATED) {
                    assertEquals(2 * curve.fieldLength(), sig.length);
                }
                assertTrue(EC.verify(curve.naturalHash(), k.publicKey(), msg, sig, f), curve + " " + f);
                assertFalse(EC.verify(curve.naturalHash(), k.publicKey(), "hellO".getBytes(), sig, f));
                assertFalse(EC.verify(curve.naturalHash(), k.publicKey(), msg, Arrays.copyOf(sig, sig.length - 1), f));
                assertFalse(EC.verify(curve.naturalHash(), k.publicKey(), msg, new byte[0], f));
            }
            // the JDK accepts our DER signatures
            java.security.Signature jdk = java.security.Signature.getInstance(curve.naturalHash().standardName().replace("-", "")
                    + "withECDSA");
            java.security.KeyFactory kf = java.security.KeyFactory.getInstance("EC");
            java.security.AlgorithmParameters ap = java.security.AlgorithmParameters.getInstance("EC");
            ap.init(new java.security.spec.ECGenParameterSpec(curve.secName()));
            java.security.spec.ECParameterSpec spec = ap.getParameterSpec(java.security.spec.ECParameterSpec.class);
            jdk.initVerify(kf.generatePublic(new java.security.spec.ECPublicKeySpec(new java.security.spec.ECPoint(
                    k.bigInteger(KeyElements.EC_X), k.bigInteger(KeyElements.EC_Y)), spec)));
            jdk.update(msg);
            assertTrue(jdk.verify(EC.sign(curve.naturalHash(), k, msg, EcdsaFormat.DER)), curve + " JDK verifies");
        }
    }

    @Test
    void zeroOrOversizedSignatureValuesAreFalse() {
        KeyElements k = EC.generate(EcCurve.P_256);
        assertFalse(EC.verify(HashAlgorithm.SHA_256, k, new byte[1], new byte[64], EcdsaFormat.CONCATENATED));
        byte[] ff = new byte[64];
        Arrays.fill(ff, (byte) 0xff);
        assertFalse(EC.verify(HashAlgorithm.SHA_256, k, new byte[1], ff, EcdsaFormat.CONCATENATED));
        // DER with a superfluous leading zero in R is not strict DER
        byte[] der = EC.sign(HashAlgorithm.SHA_256, k, new byte[1], EcdsaFormat.DER);
        byte[] loose = new byte[der.length + 1];
        loose[0] = 0x30;
        loose[1] = (byte) (der[1] + 1);
        loose[2] = 0x02;
        loose[3] = (byte) (der[3] + 1);
        loose[4] = 0;
        System.arraycopy(der, 4, loose, 5, der.length - 4);
        assertFalse(EC.verify(HashAlgorithm.SHA_256, k, new byte[1], loose, EcdsaFormat.DER));
    }

    @Test
    void ecdhAgreesBothWays() {
        for (EcCurve curve : EcCurve.values()) {
            KeyElements a = EC.generate(curve);
            KeyElements b = EC.generate(curve);
            byte[] ab = EC.agree(a, b.publicKey());
            assertEquals(curve.fieldLength(), ab.length);
            assertArrayEquals(ab, EC.agree(b, a.publicKey()));
        }
    }

    @Test
    void offCurvePointIsRefusedOnEveryUse() {
        KeyElements good = EC.generate(EcCurve.P_256);
        byte[] y = good.element(KeyElements.EC_Y);
        y[31] ^= 1;
        KeyElements offCurve = KeyElements.ec(EcCurve.P_256, good.element(KeyElements.EC_X), y, null);
        assertThrows(InvalidPointException.class, () -> EC.agree(good, offCurve));
        assertThrows(InvalidPointException.class, () -> EC.verify(HashAlgorithm.SHA_256, offCurve, new byte[1], new byte[64],
                EcdsaFormat.CONCATENATED));
        assertThrows(InvalidPointException.class, () -> EC.check(offCurve));
    }

    @Test
    void coordinatesNotBelowTheFieldPrimeAreRefused() {
        byte[] p = Hex.decode("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff");
        KeyElements k = KeyElements.ec(EcCurve.P_256, p, new byte[32], null);
        assertThrows(InvalidPointException.class, () -> EC.agree(EC.generate(EcCurve.P_256), k));
        // (0, 0) stands for infinity in some encodings: not a point here
        KeyElements zero = KeyElements.ec(EcCurve.P_256, new byte[32], new byte[32], null);
        assertThrows(InvalidPointException.class, () -> EC.agree(EC.generate(EcCurve.P_256), zero));
    }

    @Test
    void curveMismatchAndInconsistentKeysAreBadKeys() {
        KeyElements a = EC.generate(EcCurve.P_256);
        KeyElements b = EC.generate(EcCurve.P_384);
        assertThrows(BadKeyException.class, () -> EC.agree(a, b.publicKey()));
        KeyElements other = EC.generate(EcCurve.P_256);
        KeyElements mixed = KeyElements.ec(EcCurve.P_256, other.element(KeyElements.EC_X), other.element(KeyElements.EC_Y),
                a.element(KeyElements.EC_D));
        assertThrows(BadKeyException.class, () -> EC.check(mixed));
        byte[] n = Hex.decode("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
        KeyElements scalarTooBig = KeyElements.ec(EcCurve.P_256, a.element(KeyElements.EC_X), a.element(KeyElements.EC_Y), n);
        assertThrows(BadKeyException.class, () -> EC.sign(HashAlgorithm.SHA_256, scalarTooBig, new byte[1], EcdsaFormat.DER));
        assertThrows(BadKeyException.class, () -> EC.sign(HashAlgorithm.SHA_256, a.publicKey(), new byte[1], EcdsaFormat.DER));
    }
}
