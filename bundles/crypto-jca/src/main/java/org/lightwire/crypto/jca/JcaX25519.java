package org.lightwire.crypto.jca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.CryptoException;
import org.lightwire.api.crypto.InvalidPointException;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.KeyType;
import org.lightwire.api.crypto.OkpCurve;
import org.lightwire.api.crypto.X25519;
import org.lightwire.crypto.jca.ossl.NativeKey;
import org.lightwire.crypto.jca.ossl.OpenSsl;

/**
 * X25519 on OpenSSL where {@link OpenSsl#available()}, else on SunEC's XDH, where the
 * public key of a scalar is its agreement with the base point u = 9.
 */
final class JcaX25519 implements X25519 {

    private static final String SMALL_ORDER = "X25519: peer public key is a small-order point (all-zero shared secret)";

    private final SecureRandom random;

    JcaX25519(SecureRandom random) {
        this.random = random;
    }

    @Override
    public KeyElements generate() {
        if (OpenSsl.available()) {
            return JdkKeyCache.seedNative(OpenSsl.generateOkp(OkpCurve.X25519));
        }
        KeyPairGenerator g = Jdk.keyPairGenerator("X25519", Jdk.SUN_EC);
        g.initialize(255, random);
        KeyPair kp = g.generateKeyPair();
        return JdkKeys.fromXec((XECPublicKey) kp.getPublic(), (XECPrivateKey) kp.getPrivate());
    }

    @Override
    public KeyElements fromPrivate(byte[] scalar) {
        if (scalar == null || scalar.length != 32) {
            throw new BadKeyException("X25519: private scalar must be 32 bytes, got " + (scalar == null ? "none" : scalar.length));
        }
        if (OpenSsl.available()) {
            return JdkKeyCache.seedNative(OpenSsl.completeOkp(OkpCurve.X25519, scalar));
        }
        // any 32 bytes are a scalar; a placeholder X lets the elements exist before we know it
        KeyElements partial = KeyElements.okp(OkpCurve.X25519, new byte[32], scalar);
        try {
            PublicKey base = Jdk.keyFactory("XDH", Jdk.SUN_EC)
                    .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, BigInteger.valueOf(9)));
            byte[] u = agree(JdkKeys.okpPrivate(partial), base);
            return KeyElements.okp(OkpCurve.X25519, u, scalar);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("X25519: " + e.getMessage(), e);
        } finally {
            partial.destroy();
        }
    }

    @Override
    public byte[] agree(KeyElements privateKey, KeyElements peerPublicKey) {
        JdkKeys.requireType(privateKey, KeyType.OKP, "X25519");
        JdkKeys.requireType(peerPublicKey, KeyType.OKP, "X25519 peer");
        if (privateKey.okpCurve() != OkpCurve.X25519 || peerPublicKey.okpCurve() != OkpCurve.X25519) {
            throw new BadKeyException("X25519: both keys must be X25519 keys");
        }
        NativeKey nk = NativeKeys.okpPrivate(privateKey);
        if (nk != null) {
            byte[] secret = OpenSsl.x25519(nk, NativeKeys.okpPublic(peerPublicKey));
            if (secret == null) {
                throw new InvalidPointException(SMALL_ORDER);
            }
            return secret;
        }
        return agree(JdkKeys.okpPrivate(privateKey), JdkKeys.okpPublic(peerPublicKey));
    }

    private static byte[] agree(PrivateKey priv, PublicKey peer) {
        byte[] secret;
        try {
            KeyAgreement ka = Jdk.keyAgreement("XDH", Jdk.SUN_EC);
            ka.init(priv);
            ka.doPhase(peer, true);
            secret = ka.generateSecret();
        } catch (GeneralSecurityException e) {
            // SunEC refuses the all-zero result itself ("Point has small order")
            throw new InvalidPointException(SMALL_ORDER, e);
        }
        int acc = 0;
        for (byte b : secret) {
            acc |= b;
        }
        if (acc == 0) {
            throw new InvalidPointException(SMALL_ORDER);
        }
        return secret;
    }
}
