package org.lightwire.crypto.jca;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.InvalidPointException;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.KeyType;
import org.lightwire.api.crypto.OkpCurve;
import org.lightwire.api.crypto.Rsa;

/**
 * Converts between {@link KeyElements} and JDK key objects, checking on the way in what the
 * JDK does not (RSA sizes and exponent, EC points on the curve, Ed25519 encodings that
 * decode to a point), so every primitive gets only sound keys.
 */
final class JdkKeys {

    /** 2^255 - 19, the field of Curve25519 and edwards25519. */
    static final BigInteger P25519 = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

    private static final Map<EcCurve, ECParameterSpec> CURVES = new EnumMap<>(EcCurve.class);

    static {
        try {
            for (EcCurve c : EcCurve.values()) {
                AlgorithmParameters p = AlgorithmParameters.getInstance("EC", Jdk.provider(Jdk.SUN_EC));
                p.init(new ECGenParameterSpec(c.secName()));
                CURVES.put(c, p.getParameterSpec(ECParameterSpec.class));
            }
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private JdkKeys() {
    }

    // ---- RSA ----

    /**
     * The JDK public key of an RSA key (public or private: only N and E are read), converted
     * and checked once per {@link KeyElements} instance ({@link JdkKeyCache}).
     */
    static RSAPublicKey rsaPublic(KeyElements key) {
        requireType(key, KeyType.RSA, "RSA");
        JdkKeyCache.Entry e = JdkKeyCache.of(key);
        if (e.publicKey instanceof RSAPublicKey) {
            return (RSAPublicKey) e.publicKey;
        }
        RSAPublicKey k = convertRsaPublic(key);
        e.publicKey = k;
        return k;
    }

    private static RSAPublicKey convertRsaPublic(KeyElements key) {
        BigInteger n = key.bigInteger(KeyElements.RSA_N);
        BigInteger e = key.bigInteger(KeyElements.RSA_E);
        checkRsa(n, e);
        try {
            return (RSAPublicKey) rsaFactory().generatePublic(new RSAPublicKeySpec(n, e));
        } catch (GeneralSecurityException ex) {
            throw new BadKeyException("RSA public key rejected: " + ex.getMessage(), ex);
        }
    }

    /** The JDK private key of an RSA private key, converted and checked once per instance. */
    static RSAPrivateKey rsaPrivate(KeyElements key) {
        requirePrivate(key, KeyType.RSA, "RSA");
        JdkKeyCache.Entry c = JdkKeyCache.of(key);
        if (c.privateKey instanceof RSAPrivateKey) {
            return (RSAPrivateKey) c.privateKey;
        }
        RSAPrivateKey k = convertRsaPrivate(key);
        c.privateKey = k;
        return k;
    }

    private static RSAPrivateKey convertRsaPrivate(KeyElements key) {
        BigInteger n = key.bigInteger(KeyElements.RSA_N);
        BigInteger e = key.bigInteger(KeyElements.RSA_E);
        checkRsa(n, e);
        BigInteger d = key.bigInteger(KeyElements.RSA_D);
        if (d.compareTo(n) >= 0) {
            throw new BadKeyException("RSA: D is not smaller than N");
        }
        try {
            if (key.has(KeyElements.RSA_P)) {
                return (RSAPrivateKey) rsaFactory().generatePrivate(new RSAPrivateCrtKeySpec(n, e, d,
                        key.bigInteger(KeyElements.RSA_P), key.bigInteger(KeyElements.RSA_Q),
                        key.bigInteger(KeyElements.RSA_DP), key.bigInteger(KeyElements.RSA_DQ),
                        key.bigInteger(KeyElements.RSA_QI)));
            }
            return (RSAPrivateKey) rsaFactory().generatePrivate(new RSAPrivateKeySpec(n, d));
        } catch (GeneralSecurityException ex) {
            throw new BadKeyException("RSA private key rejected: " + ex.getMessage(), ex);
        }
    }

    static void checkRsa(BigInteger n, BigInteger e) {
        int bits = n.bitLength();
        if (bits < Rsa.MIN_BITS || bits > Rsa.MAX_BITS) {
            throw new BadKeyException("RSA: modulus of " + bits + " bits is outside " + Rsa.MIN_BITS + ".." + Rsa.MAX_BITS);
        }
        if (!n.testBit(0)) {
            throw new BadKeyException("RSA: modulus is even");
        }
        if (!e.testBit(0) || e.compareTo(BigInteger.valueOf(3)) < 0 || e.compareTo(n) >= 0) {
            throw new BadKeyException("RSA: public exponent must be odd, at least 3 and below the modulus");
        }
    }

    static KeyElements fromRsa(RSAPublicKey pub, RSAPrivateKey priv) {
        if (priv instanceof RSAPrivateCrtKey) {
            RSAPrivateCrtKey k = (RSAPrivateCrtKey) priv;
            if (k.getPrimeP() != null && k.getPrimeP().signum() > 0) {
                return KeyElements.rsa(k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(), k.getPrimeP(),
                        k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(), k.getCrtCoefficient());
            }
        }
        if (priv != null) {
            if (pub == null) {
                throw new BadKeyException("RSA: private key without CRT elements and without a public exponent");
            }
            return KeyElements.rsa(priv.getModulus(), pub.getPublicExponent(), priv.getPrivateExponent(), null, null, null,
                    null, null);
        }
        return KeyElements.rsa(pub.getModulus(), pub.getPublicExponent(), null, null, null, null, null, null);
    }

    private static KeyFactory rsaFactory() {
        return Jdk.keyFactory("RSA", Jdk.SUN_RSA_SIGN);
    }

    // ---- EC ----

    static ECParameterSpec params(EcCurve curve) {
        return CURVES.get(curve);
    }

    /** The curve whose field and order match, or a {@link BadKeyException}. */
    static EcCurve curveOf(ECParameterSpec spec) {
        for (Map.Entry<EcCurve, ECParameterSpec> e : CURVES.entrySet()) {
            ECParameterSpec c = e.getValue();
            if (c.getCurve().equals(spec.getCurve()) && c.getOrder().equals(spec.getOrder())
                    && c.getGenerator().equals(spec.getGenerator())) {
                return e.getKey();
            }
        }
        throw new BadKeyException("EC: unsupported curve (supported: P-256, P-384, P-521)");
    }

    /**
     * SEC 1 section 3.2.2.1 public key validation, cofactor 1: coordinates in [0, p) and
     * y^2 = x^3 + ax + b. The point at infinity has no affine coordinates and fails the
     * equation in its conventional (0, 0) stand-in, as b is not 0 on these curves.
     */
    static void validatePoint(EcCurve curve, BigInteger x, BigInteger y) {
        ECParameterSpec spec = CURVES.get(curve);
        BigInteger p = ((ECFieldFp) spec.getCurve().getField()).getP();
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            throw new InvalidPointException("EC " + curve.jwkName() + ": public point coordinates are not below the field prime");
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.multiply(x).multiply(x).add(spec.getCurve().getA().multiply(x)).add(spec.getCurve().getB()).mod(p);
        if (!left.equals(right)) {
            throw new InvalidPointException("EC " + curve.jwkName() + ": public point is not on the curve"
                    + (x.signum() == 0 && y.signum() == 0 ? " (point at infinity)" : ""));
        }
    }

    /**
     * The JDK public key of an EC key (public or private: only CRV, X and Y are read), its
     * point validated and converted once per {@link KeyElements} instance.
     */
    static ECPublicKey ecPublic(KeyElements key) {
        requireType(key, KeyType.EC, "EC");
        JdkKeyCache.Entry c = JdkKeyCache.of(key);
        if (c.publicKey instanceof ECPublicKey) {
            return (ECPublicKey) c.publicKey;
        }
        ECPublicKey k = convertEcPublic(key);
        c.publicKey = k;
        return k;
    }

    private static ECPublicKey convertEcPublic(KeyElements key) {
        EcCurve curve = key.ecCurve();
        BigInteger x = key.bigInteger(KeyElements.EC_X);
        BigInteger y = key.bigInteger(KeyElements.EC_Y);
        validatePoint(curve, x, y);
        try {
            return (ECPublicKey) ecFactory().generatePublic(new ECPublicKeySpec(new ECPoint(x, y), CURVES.get(curve)));
        } catch (GeneralSecurityException e) {
            throw new InvalidPointException("EC " + curve.jwkName() + ": public key rejected: " + e.getMessage(), e);
        }
    }

    /** The JDK private key of an EC private key, its scalar checked and converted once per instance. */
    static ECPrivateKey ecPrivate(KeyElements key) {
        requirePrivate(key, KeyType.EC, "EC");
        JdkKeyCache.Entry c = JdkKeyCache.of(key);
        if (c.privateKey instanceof ECPrivateKey) {
            return (ECPrivateKey) c.privateKey;
        }
        ECPrivateKey k = convertEcPrivate(key);
        c.privateKey = k;
        return k;
    }

    private static ECPrivateKey convertEcPrivate(KeyElements key) {
        EcCurve curve = key.ecCurve();
        BigInteger d = key.bigInteger(KeyElements.EC_D);
        checkScalar(curve, d);
        try {
            return (ECPrivateKey) ecFactory().generatePrivate(new ECPrivateKeySpec(d, CURVES.get(curve)));
        } catch (GeneralSecurityException e) {
            throw new BadKeyException("EC " + curve.jwkName() + ": private key rejected: " + e.getMessage(), e);
        }
    }

    static void checkScalar(EcCurve curve, BigInteger d) {
        if (d.signum() <= 0 || d.compareTo(CURVES.get(curve).getOrder()) >= 0) {
            throw new BadKeyException("EC " + curve.jwkName() + ": private scalar D is not in 1..n-1");
        }
    }

    static KeyElements fromEc(EcCurve curve, ECPoint w, BigInteger d) {
        int len = curve.fieldLength();
        return KeyElements.ec(curve, fixed(w.getAffineX(), len), fixed(w.getAffineY(), len), d == null ? null : fixed(d, len));
    }

    private static KeyFactory ecFactory() {
        return Jdk.keyFactory("EC", Jdk.SUN_EC);
    }

    // ---- OKP ----

    static PublicKey okpPublic(KeyElements key) {
        requireType(key, KeyType.OKP, "OKP");
        OkpCurve curve = key.okpCurve();
        byte[] x = key.element(KeyElements.OKP_X);
        try {
            if (curve == OkpCurve.X25519) {
                return Jdk.keyFactory("XDH", Jdk.SUN_EC).generatePublic(
                        new XECPublicKeySpec(NamedParameterSpec.X25519, x25519U(x)));
            }
            return Jdk.keyFactory("Ed25519", Jdk.SUN_EC).generatePublic(
                    new EdECPublicKeySpec(NamedParameterSpec.ED25519, ed25519Point(x)));
        } catch (GeneralSecurityException e) {
            throw new InvalidPointException(curve.jwkName() + ": public key rejected: " + e.getMessage(), e);
        }
    }

    static PrivateKey okpPrivate(KeyElements key) {
        requireType(key, KeyType.OKP, "OKP");
        if (!key.isPrivate()) {
            throw new BadKeyException(key.okpCurve().jwkName() + ": a private key is needed, got a public key (no D)");
        }
        OkpCurve curve = key.okpCurve();
        byte[] d = key.element(KeyElements.OKP_D);
        try {
            if (curve == OkpCurve.X25519) {
                return Jdk.keyFactory("XDH", Jdk.SUN_EC).generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, d));
            }
            return Jdk.keyFactory("Ed25519", Jdk.SUN_EC).generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, d));
        } catch (GeneralSecurityException e) {
            throw new BadKeyException(curve.jwkName() + ": private key rejected: " + e.getMessage(), e);
        } finally {
            Arrays.fill(d, (byte) 0);
        }
    }

    /** RFC 7748 section 5: the u-coordinate, top bit masked, non-canonical values reduced. */
    static BigInteger x25519U(byte[] le) {
        byte[] be = reverse(le);
        be[0] &= 0x7f;
        return new BigInteger(1, be).mod(P25519);
    }

    static byte[] x25519Encode(BigInteger u) {
        return reverse(fixed(u.mod(P25519), 32));
    }

    /**
     * RFC 8032 section 5.1.3 decoding: y below p, and x^2 = (y^2-1)/(d y^2+1) must have a
     * root (and x = 0 must not come with the sign bit). Public data, so BigInteger is fine.
     */
    static EdECPoint ed25519Point(byte[] encoded) {
        byte[] be = reverse(encoded);
        boolean xOdd = (be[0] & 0x80) != 0;
        be[0] &= 0x7f;
        BigInteger y = new BigInteger(1, be);
        BigInteger p = P25519;
        if (y.compareTo(p) >= 0) {
            throw new InvalidPointException("Ed25519: public key y coordinate is not below the field prime");
        }
        BigInteger d = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(p)).mod(p);
        BigInteger y2 = y.multiply(y).mod(p);
        BigInteger u = y2.subtract(BigInteger.ONE).mod(p);
        BigInteger v = d.multiply(y2).add(BigInteger.ONE).mod(p);
        BigInteger x2 = u.multiply(v.modInverse(p)).mod(p);
        if (x2.signum() == 0) {
            if (xOdd) {
                throw new InvalidPointException("Ed25519: public key encodes x = 0 with the sign bit set");
            }
        } else if (!x2.modPow(p.subtract(BigInteger.ONE).shiftRight(1), p).equals(BigInteger.ONE)) {
            throw new InvalidPointException("Ed25519: public key does not decode to a curve point");
        }
        return new EdECPoint(xOdd, y);
    }

    static byte[] ed25519Encode(EdECPoint point) {
        byte[] le = reverse(fixed(point.getY(), 32));
        if (point.isXOdd()) {
            le[31] |= (byte) 0x80;
        }
        return le;
    }

    static KeyElements fromXec(XECPublicKey pub, XECPrivateKey priv) {
        byte[] d = priv == null ? null : priv.getScalar().orElseThrow(() -> new BadKeyException("X25519: private key has no scalar"));
        return KeyElements.okp(OkpCurve.X25519, x25519Encode(pub.getU()), d);
    }

    static KeyElements fromEdEc(EdECPublicKey pub, EdECPrivateKey priv) {
        byte[] d = priv == null ? null : priv.getBytes().orElseThrow(() -> new BadKeyException("Ed25519: private key has no seed"));
        return KeyElements.okp(OkpCurve.ED25519, ed25519Encode(pub.getPoint()), d);
    }

    // ---- any ----

    static PublicKey publicKey(KeyElements key) {
        switch (key.type()) {
            case RSA:
                return rsaPublic(key);
            case EC:
                return ecPublic(key);
            case OKP:
                return okpPublic(key);
            default:
                throw new BadKeyException("oct keys have no public key");
        }
    }

    static PrivateKey privateKey(KeyElements key) {
        switch (key.type()) {
            case RSA:
                return rsaPrivate(key);
            case EC:
                return ecPrivate(key);
            case OKP:
                return okpPrivate(key);
            default:
                throw new BadKeyException("oct keys are not private keys of a key pair");
        }
    }

    /** Elements of a JDK public key (RSA, EC, X25519, Ed25519). */
    static KeyElements fromPublic(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return fromRsa((RSAPublicKey) key, null);
        }
        if (key instanceof ECPublicKey) {
            ECPublicKey k = (ECPublicKey) key;
            EcCurve curve = curveOf(k.getParams());
            validatePoint(curve, k.getW().getAffineX(), k.getW().getAffineY());
            return fromEc(curve, k.getW(), null);
        }
        if (key instanceof XECPublicKey && isNamed(((XECPublicKey) key).getParams(), "X25519")) {
            return fromXec((XECPublicKey) key, null);
        }
        if (key instanceof EdECPublicKey && "Ed25519".equalsIgnoreCase(((EdECPublicKey) key).getParams().getName())) {
            return fromEdEc((EdECPublicKey) key, null);
        }
        throw new BadKeyException("unsupported public key algorithm " + key.getAlgorithm()
                + " (supported: RSA, EC P-256/384/521, X25519, Ed25519)");
    }

    private static boolean isNamed(java.security.spec.AlgorithmParameterSpec spec, String name) {
        return spec instanceof NamedParameterSpec && ((NamedParameterSpec) spec).getName().equalsIgnoreCase(name);
    }

    static void requirePrivate(KeyElements key, KeyType type, String what) {
        requireType(key, type, what);
        if (!key.isPrivate()) {
            throw new BadKeyException(what + ": a private key is needed, got a public key (no D)");
        }
    }

    static void requireType(KeyElements key, KeyType type, String what) {
        if (key == null) {
            throw new BadKeyException(what + ": no key given");
        }
        if (key.isDestroyed()) {
            // every use of a key starts here: the first use after destroy() also drops its JDK key
            JdkKeyCache.forget(key);
            throw new BadKeyException(what + ": " + key.type().jwkName() + " key was destroyed");
        }
        if (key.type() != type) {
            throw new BadKeyException(what + ": needs a " + type.jwkName() + " key, got " + key.type().jwkName());
        }
    }

    /** {@code v} big-endian in exactly {@code length} bytes. */
    static byte[] fixed(BigInteger v, int length) {
        byte[] b = v.toByteArray();
        if (b.length == length) {
            return b;
        }
        if (b.length == length + 1 && b[0] == 0) {
            return Arrays.copyOfRange(b, 1, b.length);
        }
        if (b.length > length) {
            throw new BadKeyException("value of " + v.bitLength() + " bits does not fit " + length + " bytes");
        }
        byte[] out = new byte[length];
        System.arraycopy(b, 0, out, length - b.length, b.length);
        return out;
    }

    static byte[] reverse(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[in.length - 1 - i];
        }
        return out;
    }
}
