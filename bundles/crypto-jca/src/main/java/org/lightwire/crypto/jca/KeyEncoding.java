package org.lightwire.crypto.jca;

import java.math.BigInteger;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.OkpCurve;
import org.lightwire.crypto.jca.der.Der;
import org.lightwire.crypto.jca.der.DerReader;

/**
 * Key structures in DER: PKCS#1 RSAPrivateKey (RFC 8017 A.1.2), SEC 1 ECPrivateKey
 * (RFC 5915), PKCS#8 PrivateKeyInfo / OneAsymmetricKey (RFC 5208, 5958, 8410) and X.509
 * SubjectPublicKeyInfo (RFC 5280, 5480, 8410). Parsing is strict and names the structure
 * in errors; nothing here trusts lengths it has not checked.
 */
final class KeyEncoding {

    static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
    static final String RSASSA_PSS = "1.2.840.113549.1.1.10";
    static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";
    static final String X25519 = "1.3.101.110";
    static final String ED25519 = "1.3.101.112";

    private final JcaEc ec;
    private final JcaX25519 x25519;
    private final JcaEd25519 ed25519;

    KeyEncoding(JcaEc ec, JcaX25519 x25519, JcaEd25519 ed25519) {
        this.ec = ec;
        this.x25519 = x25519;
        this.ed25519 = ed25519;
    }

    static String curveOid(EcCurve c) {
        switch (c) {
            case P_256:
                return "1.2.840.10045.3.1.7";
            case P_384:
                return "1.3.132.0.34";
            default:
                return "1.3.132.0.35";
        }
    }

    static EcCurve curveOfOid(String oid, DerReader where) {
        for (EcCurve c : EcCurve.values()) {
            if (curveOid(c).equals(oid)) {
                return c;
            }
        }
        throw where.fail("unsupported EC curve OID " + oid + " (supported: P-256, P-384, P-521)");
    }

    // ---- private keys ----

    /** A PKCS#8, PKCS#1 or SEC 1 private key in DER, told apart by their first fields. */
    KeyElements privateKeyDer(byte[] der, String what) {
        DerReader outer = new DerReader(der, what);
        DerReader seq = outer.sequence();
        outer.end();
        seq.integer();
        int next = seq.peekTag();
        if (next == DerReader.SEQUENCE) {
            return pkcs8(der, what);
        }
        if (next == DerReader.INTEGER) {
            return pkcs1(der, what);
        }
        if (next == DerReader.OCTET_STRING) {
            return sec1(der, what, null);
        }
        throw seq.fail("not a PKCS#8, PKCS#1 or SEC 1 private key");
    }

    KeyElements pkcs1(byte[] der, String what) {
        DerReader outer = new DerReader(der, what + " (PKCS#1 RSAPrivateKey)");
        DerReader seq = outer.sequence();
        outer.end();
        int version = seq.smallInteger();
        if (version != 0) {
            throw seq.fail("version " + version + " (multi-prime RSA) is not supported");
        }
        BigInteger[] v = new BigInteger[8];
        for (int i = 0; i < 8; i++) {
            v[i] = seq.positiveOrZero();
        }
        seq.end();
        return KeyElements.rsa(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    /** SEC 1 ECPrivateKey; {@code curveFromAlgorithm} is the curve a PKCS#8 wrapper named, if any. */
    KeyElements sec1(byte[] der, String what, EcCurve curveFromAlgorithm) {
        DerReader outer = new DerReader(der, what + " (SEC 1 ECPrivateKey)");
        DerReader seq = outer.sequence();
        outer.end();
        if (seq.smallInteger() != 1) {
            throw seq.fail("ECPrivateKey version must be 1");
        }
        byte[] d = seq.octetString();
        EcCurve curve = curveFromAlgorithm;
        byte[] point = null;
        if (seq.nextIsExplicit(0)) {
            DerReader params = seq.explicit(0);
            EcCurve named = curveOfOid(params.oid(), params);
            params.end();
            if (curve != null && curve != named) {
                throw seq.fail("curve in ECPrivateKey differs from the algorithm identifier's");
            }
            curve = named;
        }
        if (seq.nextIsExplicit(1)) {
            DerReader pub = seq.explicit(1);
            point = pub.bitString();
            pub.end();
        }
        seq.end();
        if (curve == null) {
            throw seq.fail("no curve named (neither in the key nor around it)");
        }
        if (d.length == 0 || d.length > curve.fieldLength()) {
            throw seq.fail("private scalar of " + d.length + " bytes does not fit " + curve.jwkName());
        }
        byte[] dFixed = new byte[curve.fieldLength()];
        System.arraycopy(d, 0, dFixed, dFixed.length - d.length, d.length);
        Arrays.fill(d, (byte) 0);
        BigInteger scalar = new BigInteger(1, dFixed);
        if (point == null) {
            return ec.completePrivate(curve, scalar);
        }
        byte[][] xy = decodePoint(curve, point, seq);
        KeyElements k = KeyElements.ec(curve, xy[0], xy[1], dFixed);
        Arrays.fill(dFixed, (byte) 0);
        ec.check(k);
        return k;
    }

    KeyElements pkcs8(byte[] der, String what) {
        DerReader outer = new DerReader(der, what + " (PKCS#8)");
        DerReader seq = outer.sequence();
        outer.end();
        int version = seq.smallInteger();
        if (version != 0 && version != 1) {
            throw seq.fail("PrivateKeyInfo version " + version + " is not 0 or 1");
        }
        DerReader alg = seq.sequence();
        String oid = alg.oid();
        byte[] inner = seq.octetString();
        // attributes [0] and publicKey [1] (v2) are optional; the public key is derived anyway
        while (seq.hasMore()) {
            int tag = seq.peekTag();
            if (tag != 0xa0 && tag != 0x81 && tag != 0xa1) {
                throw seq.fail("unexpected element 0x" + Integer.toHexString(tag) + " in PrivateKeyInfo");
            }
            seq.skip();
        }
        switch (oid) {
            case RSA_ENCRYPTION:
            case RSASSA_PSS:
                if (alg.hasMore()) {
                    alg.skip();
                }
                return pkcs1(inner, what);
            case EC_PUBLIC_KEY: {
                EcCurve curve = curveOfOid(alg.oid(), alg);
                alg.end();
                return sec1(inner, what, curve);
            }
            case X25519:
            case ED25519: {
                alg.end();
                DerReader r = new DerReader(inner, what + " (CurvePrivateKey)");
                byte[] seed = r.octetString();
                r.end();
                if (seed.length != 32) {
                    throw r.fail("curve private key must be 32 bytes, got " + seed.length);
                }
                try {
                    return oid.equals(X25519) ? x25519.fromPrivate(seed) : ed25519.fromPrivate(seed);
                } finally {
                    Arrays.fill(seed, (byte) 0);
                }
            }
            default:
                throw alg.fail("unsupported private key algorithm " + oid + " (supported: RSA, EC, X25519, Ed25519)");
        }
    }

    /** PKCS#8 DER of a private key (RSA needs its CRT elements; EC carries its public point). */
    byte[] encodePkcs8(KeyElements key) {
        if (!key.isPrivate()) {
            throw new BadKeyException("PKCS#8: needs a private key, got a public " + key.type().jwkName() + " key");
        }
        switch (key.type()) {
            case RSA: {
                if (!key.has(KeyElements.RSA_P)) {
                    throw new BadKeyException("PKCS#8: RSA key lacks P, Q, DP, DQ, QI, which PKCS#1 requires");
                }
                int[] order = {KeyElements.RSA_N, KeyElements.RSA_E, KeyElements.RSA_D, KeyElements.RSA_P, KeyElements.RSA_Q,
                    KeyElements.RSA_DP, KeyElements.RSA_DQ, KeyElements.RSA_QI};
                byte[][] fields = new byte[9][];
                fields[0] = Der.integer(0);
                for (int i = 0; i < order.length; i++) {
                    fields[i + 1] = Der.integer(key.bigInteger(order[i]));
                }
                return Der.sequence(Der.integer(0), Der.sequence(Der.oid(RSA_ENCRYPTION), Der.nullValue()),
                        Der.octetString(Der.sequence(fields)));
            }
            case EC: {
                EcCurve c = key.ecCurve();
                byte[] sec1 = Der.sequence(Der.integer(1), Der.octetString(key.element(KeyElements.EC_D)),
                        Der.explicit(1, Der.bitString(uncompressedPoint(key))));
                return Der.sequence(Der.integer(0), Der.sequence(Der.oid(EC_PUBLIC_KEY), Der.oid(curveOid(c))),
                        Der.octetString(sec1));
            }
            case OKP: {
                String oid = key.okpCurve() == OkpCurve.X25519 ? X25519 : ED25519;
                return Der.sequence(Der.integer(0), Der.sequence(Der.oid(oid)),
                        Der.octetString(Der.octetString(key.element(KeyElements.OKP_D))));
            }
            default:
                throw new BadKeyException("PKCS#8: oct keys are not private keys of a key pair");
        }
    }

    // ---- public keys ----

    /** X.509 SubjectPublicKeyInfo DER of a key's public part. */
    static byte[] encodeSpki(KeyElements key) {
        switch (key.type()) {
            case RSA:
                return Der.sequence(Der.sequence(Der.oid(RSA_ENCRYPTION), Der.nullValue()),
                        Der.bitString(Der.sequence(Der.integer(key.bigInteger(KeyElements.RSA_N)),
                                Der.integer(key.bigInteger(KeyElements.RSA_E)))));
            case EC:
                return Der.sequence(Der.sequence(Der.oid(EC_PUBLIC_KEY), Der.oid(curveOid(key.ecCurve()))),
                        Der.bitString(uncompressedPoint(key)));
            case OKP:
                return Der.sequence(Der.sequence(Der.oid(key.okpCurve() == OkpCurve.X25519 ? X25519 : ED25519)),
                        Der.bitString(key.element(KeyElements.OKP_X)));
            default:
                throw new BadKeyException("oct keys have no public key");
        }
    }

    /** The public key in a SubjectPublicKeyInfo, validated. */
    KeyElements spki(byte[] der, String what) {
        DerReader outer = new DerReader(der, what + " (SubjectPublicKeyInfo)");
        DerReader seq = outer.sequence();
        outer.end();
        DerReader alg = seq.sequence();
        String oid = alg.oid();
        byte[] bits = seq.bitString();
        seq.end();
        switch (oid) {
            case RSA_ENCRYPTION:
            case RSASSA_PSS: {
                DerReader r = new DerReader(bits, what + " (RSAPublicKey)");
                DerReader k = r.sequence();
                r.end();
                BigInteger n = k.positiveOrZero();
                BigInteger e = k.positiveOrZero();
                k.end();
                KeyElements key = KeyElements.rsa(n, e, null, null, null, null, null, null);
                JdkKeys.checkRsa(n, e);
                return key;
            }
            case EC_PUBLIC_KEY: {
                EcCurve curve = curveOfOid(alg.oid(), alg);
                alg.end();
                byte[][] xy = decodePoint(curve, bits, seq);
                KeyElements key = KeyElements.ec(curve, xy[0], xy[1], null);
                JdkKeys.ecPublic(key);
                return key;
            }
            case X25519:
            case ED25519: {
                alg.end();
                if (bits.length != 32) {
                    throw seq.fail("curve public key must be 32 bytes, got " + bits.length);
                }
                KeyElements key = KeyElements.okp(oid.equals(X25519) ? OkpCurve.X25519 : OkpCurve.ED25519, bits, null);
                JdkKeys.okpPublic(key);
                return key;
            }
            default:
                throw alg.fail("unsupported public key algorithm " + oid + " (supported: RSA, EC, X25519, Ed25519)");
        }
    }

    static byte[] uncompressedPoint(KeyElements key) {
        byte[] x = key.element(KeyElements.EC_X);
        byte[] y = key.element(KeyElements.EC_Y);
        byte[] out = new byte[1 + x.length + y.length];
        out[0] = 4;
        System.arraycopy(x, 0, out, 1, x.length);
        System.arraycopy(y, 0, out, 1 + x.length, y.length);
        return out;
    }

    /** SEC 1 section 2.3.4: uncompressed 04||X||Y or compressed 02/03||X; X, Y fixed length. */
    static byte[][] decodePoint(EcCurve curve, byte[] point, DerReader where) {
        int len = curve.fieldLength();
        if (point.length == 1 + 2 * len && point[0] == 4) {
            return new byte[][] {Arrays.copyOfRange(point, 1, 1 + len), Arrays.copyOfRange(point, 1 + len, point.length)};
        }
        if (point.length == 1 + len && (point[0] == 2 || point[0] == 3)) {
            ECParameterSpec spec = JdkKeys.params(curve);
            BigInteger p = ((ECFieldFp) spec.getCurve().getField()).getP();
            BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, point.length));
            if (x.compareTo(p) >= 0) {
                throw new org.lightwire.api.crypto.InvalidPointException("EC " + curve.jwkName() + ": X is not below the field prime");
            }
            BigInteger rhs = x.pow(3).add(spec.getCurve().getA().multiply(x)).add(spec.getCurve().getB()).mod(p);
            BigInteger y = rhs.modPow(p.add(BigInteger.ONE).shiftRight(2), p);
            if (!y.multiply(y).mod(p).equals(rhs)) {
                throw new org.lightwire.api.crypto.InvalidPointException("EC " + curve.jwkName() + ": compressed point is not on the curve");
            }
            if (y.testBit(0) != (point[0] == 3)) {
                y = p.subtract(y);
            }
            return new byte[][] {JdkKeys.fixed(x, len), JdkKeys.fixed(y, len)};
        }
        throw where.fail("EC " + curve.jwkName() + ": point encoding of " + point.length
                + " bytes starting 0x" + (point.length == 0 ? "" : Integer.toHexString(point[0] & 0xff))
                + " is neither uncompressed nor compressed");
    }
}
