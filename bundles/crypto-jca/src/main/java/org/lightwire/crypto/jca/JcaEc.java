package org.lightwire.crypto.jca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.util.Arrays;
import javax.crypto.KeyAgreement;
import org.lightwire.api.crypto.BadEncodingException;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.CryptoException;
import org.lightwire.api.crypto.Ec;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.EcdsaFormat;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.InvalidPointException;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.KeyType;
import org.lightwire.crypto.jca.der.Der;
import org.lightwire.crypto.jca.der.DerReader;
import org.lightwire.crypto.jca.ossl.NativeKey;
import org.lightwire.crypto.jca.ossl.OpenSsl;

/**
 * ECDSA and ECDH on SunEC, or on OpenSSL where {@link OpenSsl#available()}. Points are validated here (SunEC's own checks have varied by
 * release), DER signatures are parsed strictly here and handed to SunEC in the fixed
 * R||S form, so malleable encodings cannot slip through.
 */
final class JcaEc implements Ec {

    private final SecureRandom random;

    JcaEc(SecureRandom random) {
        this.random = random;
    }

    @Override
    public KeyElements generate(EcCurve curve) {
        if (OpenSsl.available()) {
            return JdkKeyCache.seedNative(OpenSsl.generateEc(curve));
        }
        KeyPairGenerator g = Jdk.keyPairGenerator("EC", Jdk.SUN_EC);
        try {
            g.initialize(new ECGenParameterSpec(curve.secName()), random);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("EC " + curve.jwkName() + ": " + e.getMessage(), e);
        }
        KeyPair kp = g.generateKeyPair();
        KeyElements key = JdkKeys.fromEc(curve, ((ECPublicKey) kp.getPublic()).getW(), ((ECPrivateKey) kp.getPrivate()).getS());
        // the JDK made these from the very numbers in key (an ECDH-ES ephemeral key is used at once)
        JdkKeyCache.seed(key, kp.getPublic(), kp.getPrivate());
        return key;
    }

    @Override
    public void check(KeyElements key) {
        JdkKeys.requireType(key, KeyType.EC, "EC");
        ECPublicKey pub = JdkKeys.ecPublic(key);
        if (key.isPrivate()) {
            ECPrivateKey priv = JdkKeys.ecPrivate(key);
            // D·G = Q, checked through the JDK's constant-time code: a signature by D must verify under Q
            byte[] probe = new byte[32];
            random.nextBytes(probe);
            HashAlgorithm h = key.ecCurve().naturalHash();
            if (!verifyP1363(h, pub, probe, signP1363(h, priv, probe, key.ecCurve()))) {
                throw new BadKeyException("EC " + key.ecCurve().jwkName() + ": X, Y are not D times the base point");
            }
        }
    }

    @Override
    public byte[] sign(HashAlgorithm hash, KeyElements privateKey, byte[] message, EcdsaFormat format) {
        NativeKey nk = NativeKeys.ecPrivate(privateKey);
        if (nk != null) {
            byte[] der = OpenSsl.ecdsaSign(nk, digest(hash, message));
            return format == EcdsaFormat.DER ? der : fromDer(der, privateKey.ecCurve());
        }
        ECPrivateKey key = JdkKeys.ecPrivate(privateKey);
        byte[] rs = signP1363(hash, key, message, privateKey.ecCurve());
        return format == EcdsaFormat.CONCATENATED ? rs : toDer(rs);
    }

    private byte[] signP1363(HashAlgorithm hash, ECPrivateKey key, byte[] message, EcCurve curve) {
        try {
            Signature s = Jdk.threadSignature(hash.standardName().replace("-", "") + "withECDSAinP1363Format", Jdk.SUN_EC);
            s.initSign(key, random);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new BadKeyException("ECDSA " + curve.jwkName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean verify(HashAlgorithm hash, KeyElements publicKey, byte[] message, byte[] signature, EcdsaFormat format) {
        NativeKey nk = NativeKeys.ecPublic(publicKey);
        ECPublicKey key = nk == null ? JdkKeys.ecPublic(publicKey) : null;
        EcCurve curve = publicKey.ecCurve();
        if (signature == null) {
            return false;
        }
        byte[] rs;
        if (format == EcdsaFormat.DER) {
            try {
                rs = fromDer(signature, curve);
            } catch (BadEncodingException e) {
                return false;
            }
        } else {
            rs = signature;
        }
        if (rs == null || rs.length != 2 * curve.fieldLength()) {
            return false;
        }
        // r and s must be in 1..n-1 (SEC 1 section 4.1.4 step 1)
        BigInteger n = JdkKeys.params(curve).getOrder();
        int half = curve.fieldLength();
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(rs, 0, half));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, half, 2 * half));
        if (r.signum() == 0 || s.signum() == 0 || r.compareTo(n) >= 0 || s.compareTo(n) >= 0) {
            return false;
        }
        if (nk != null) {
            return OpenSsl.ecdsaVerify(nk, digest(hash, message), Der.sequence(Der.integer(r), Der.integer(s)));
        }
        return verifyP1363(hash, key, message, rs);
    }

    private static boolean verifyP1363(HashAlgorithm hash, ECPublicKey key, byte[] message, byte[] rs) {
        try {
            Signature s = Jdk.threadSignature(hash.standardName().replace("-", "") + "withECDSAinP1363Format", Jdk.SUN_EC);
            s.initVerify(key);
            s.update(message);
            return s.verify(rs);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new BadKeyException("ECDSA: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] agree(KeyElements privateKey, KeyElements peerPublicKey) {
        JdkKeys.requireType(privateKey, KeyType.EC, "ECDH");
        JdkKeys.requireType(peerPublicKey, KeyType.EC, "ECDH peer");
        EcCurve curve = privateKey.ecCurve();
        if (peerPublicKey.ecCurve() != curve) {
            throw new BadKeyException("ECDH: peer key is on " + peerPublicKey.ecCurve().jwkName() + ", ours on " + curve.jwkName());
        }
        NativeKey nk = NativeKeys.ecPrivate(privateKey);
        if (nk != null) {
            return OpenSsl.ecdh(nk, NativeKeys.ecPublic(peerPublicKey));
        }
        ECPublicKey peer = JdkKeys.ecPublic(peerPublicKey);
        return agree(JdkKeys.ecPrivate(privateKey), peer, curve);
    }

    private static byte[] agree(ECPrivateKey priv, ECPublicKey peer, EcCurve curve) {
        try {
            KeyAgreement ka = Jdk.threadKeyAgreement("ECDH", Jdk.SUN_EC);
            ka.init(priv);
            ka.doPhase(peer, true);
            return ka.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new InvalidPointException("ECDH " + curve.jwkName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The public point of a private scalar, for key files that omit it (SEC 1 without the
     * optional publicKey, the JDK's own PKCS#8): X from ECDH with the base point (the JDK's
     * constant-time multiplication), Y as the square root of x^3+ax+b (p = 3 mod 4 on all
     * three curves), its sign chosen by a signature check.
     */
    KeyElements completePrivate(EcCurve curve, BigInteger d) {
        JdkKeys.checkScalar(curve, d);
        ECParameterSpec spec = JdkKeys.params(curve);
        BigInteger p = ((ECFieldFp) spec.getCurve().getField()).getP();
        int len = curve.fieldLength();
        KeyElements base = JdkKeys.fromEc(curve, spec.getGenerator(), null);
        ECPrivateKey priv = JdkKeys.ecPrivate(KeyElements.ec(curve, base.element(KeyElements.EC_X),
                base.element(KeyElements.EC_Y), JdkKeys.fixed(d, len)));
        BigInteger x = new BigInteger(1, agree(priv, JdkKeys.ecPublic(base), curve));
        BigInteger rhs = x.pow(3).add(spec.getCurve().getA().multiply(x)).add(spec.getCurve().getB()).mod(p);
        BigInteger y = rhs.modPow(p.add(BigInteger.ONE).shiftRight(2), p);
        byte[] probe = new byte[32];
        random.nextBytes(probe);
        HashAlgorithm h = curve.naturalHash();
        byte[] sig = signP1363(h, priv, probe, curve);
        for (BigInteger candidate : new BigInteger[] {y, p.subtract(y).mod(p)}) {
            KeyElements k = KeyElements.ec(curve, JdkKeys.fixed(x, len), JdkKeys.fixed(candidate, len), JdkKeys.fixed(d, len));
            if (verifyP1363(h, JdkKeys.ecPublic(k.publicKey()), probe, sig)) {
                return k;
            }
        }
        throw new CryptoException("EC " + curve.jwkName() + ": could not derive the public point");
    }

    private static byte[] digest(HashAlgorithm hash, byte[] message) {
        return Jdk.messageDigest(hash.standardName()).digest(message);
    }

    /** R||S to DER SEQUENCE { INTEGER r, INTEGER s }. */
    static byte[] toDer(byte[] rs) {
        int half = rs.length / 2;
        return Der.sequence(Der.integer(new BigInteger(1, Arrays.copyOfRange(rs, 0, half))),
                Der.integer(new BigInteger(1, Arrays.copyOfRange(rs, half, rs.length))));
    }

    /** Strict DER to R||S; null if r or s do not fit the curve. */
    static byte[] fromDer(byte[] der, EcCurve curve) {
        DerReader outer = new DerReader(der, "ECDSA signature");
        DerReader seq = outer.sequence();
        outer.end();
        BigInteger r = seq.integer();
        BigInteger s = seq.integer();
        seq.end();
        int len = curve.fieldLength();
        if (r.signum() <= 0 || s.signum() <= 0 || r.bitLength() > len * 8 || s.bitLength() > len * 8) {
            return null;
        }
        byte[] out = new byte[2 * len];
        System.arraycopy(JdkKeys.fixed(r, len), 0, out, 0, len);
        System.arraycopy(JdkKeys.fixed(s, len), 0, out, len, len);
        return out;
    }

    /** The ECPoint of a public key's elements (used by X.509 encoding). */
    static ECPoint point(KeyElements key) {
        return JdkKeys.ecPublic(key).getW();
    }
}
