package org.lightwire.crypto.bc;

import java.math.BigInteger;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.util.BigIntegers;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.KeyType;
import org.lightwire.api.crypto.Rsa;

/** RSA {@link KeyElements} to and from BC key parameters, with the checks every use makes. */
final class RsaKeys {

    private RsaKeys() {
    }

    static RSAKeyParameters publicParameters(KeyElements key) {
        checkType(key);
        BigInteger n = key.bigInteger(KeyElements.RSA_N);
        BigInteger e = key.bigInteger(KeyElements.RSA_E);
        checkSizes(n, e);
        return construct(() -> new RSAKeyParameters(false, n, e));
    }

    /** CRT parameters when the key has them (BC then blinds and uses the CRT), else the plain exponent. */
    static RSAKeyParameters privateParameters(KeyElements key) {
        checkType(key);
        if (!key.has(KeyElements.RSA_D)) {
            throw new BadKeyException("RSA: a private key is needed, this one has no D");
        }
        BigInteger n = key.bigInteger(KeyElements.RSA_N);
        BigInteger e = key.bigInteger(KeyElements.RSA_E);
        checkSizes(n, e);
        BigInteger d = key.bigInteger(KeyElements.RSA_D);
        if (d.compareTo(n) >= 0) {
            throw new BadKeyException("RSA: D is not below N");
        }
        if (!key.has(KeyElements.RSA_P)) {
            return construct(() -> new RSAKeyParameters(true, n, d));
        }
        return construct(() -> new RSAPrivateCrtKeyParameters(n, e, d, key.bigInteger(KeyElements.RSA_P),
                key.bigInteger(KeyElements.RSA_Q), key.bigInteger(KeyElements.RSA_DP), key.bigInteger(KeyElements.RSA_DQ),
                key.bigInteger(KeyElements.RSA_QI)));
    }

    static KeyElements elements(RSAPrivateCrtKeyParameters k) {
        return KeyElements.rsa(unsigned(k.getModulus()), unsigned(k.getPublicExponent()), unsigned(k.getExponent()),
                unsigned(k.getP()), unsigned(k.getQ()), unsigned(k.getDP()), unsigned(k.getDQ()), unsigned(k.getQInv()));
    }

    static KeyElements publicElements(RSAKeyParameters k) {
        return KeyElements.rsaPublic(unsigned(k.getModulus()), unsigned(k.getExponent()));
    }

    /** Modulus size in bytes, k of RFC 8017. */
    static int modulusBytes(RSAKeyParameters k) {
        return (k.getModulus().bitLength() + 7) / 8;
    }

    private static void checkType(KeyElements key) {
        if (key.type() != KeyType.RSA) {
            throw new BadKeyException("RSA: expected an RSA key, got " + key.type().jwkName());
        }
    }

    private static void checkSizes(BigInteger n, BigInteger e) {
        int bits = n.bitLength();
        if (bits < Rsa.MIN_BITS || bits > Rsa.MAX_BITS) {
            throw new BadKeyException("RSA: modulus of " + bits + " bits is outside " + Rsa.MIN_BITS + ".." + Rsa.MAX_BITS);
        }
        if (!e.testBit(0) || e.compareTo(BigInteger.valueOf(3)) < 0) {
            throw new BadKeyException("RSA: public exponent must be odd and at least 3");
        }
        if (e.compareTo(n) >= 0) {
            throw new BadKeyException("RSA: public exponent is not below the modulus");
        }
    }

    private interface Construction<T> {
        T make();
    }

    /** BC refuses even moduli, small factors and primes in its constructors: say so as a key problem. */
    private static <T> T construct(Construction<T> c) {
        try {
            return c.make();
        } catch (IllegalArgumentException e) {
            throw new BadKeyException("RSA: " + e.getMessage(), e);
        }
    }

    private static byte[] unsigned(BigInteger v) {
        return BigIntegers.asUnsignedByteArray(v);
    }
}
