package org.lightwire.crypto.jca;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.CryptoException;
import org.lightwire.api.crypto.Ed25519;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.KeyType;
import org.lightwire.api.crypto.OkpCurve;
import org.lightwire.crypto.jca.ossl.NativeKey;
import org.lightwire.crypto.jca.ossl.OpenSsl;

/** Ed25519 on OpenSSL where {@link OpenSsl#available()}, else on SunEC's EdDSA. */
final class JcaEd25519 implements Ed25519 {

    private final SecureRandom random;

    JcaEd25519(SecureRandom random) {
        this.random = random;
    }

    @Override
    public KeyElements generate() {
        if (OpenSsl.available()) {
            return JdkKeyCache.seedNative(OpenSsl.generateOkp(OkpCurve.ED25519));
        }
        KeyPairGenerator g = Jdk.keyPairGenerator("Ed25519", Jdk.SUN_EC);
        try {
            g.initialize(NamedParameterSpec.ED25519, random);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("Ed25519: " + e.getMessage(), e);
        }
        KeyPair kp = g.generateKeyPair();
        return JdkKeys.fromEdEc((EdECPublicKey) kp.getPublic(), (EdECPrivateKey) kp.getPrivate());
    }

    @Override
    public KeyElements fromPrivate(byte[] seed) {
        if (seed == null || seed.length != 32) {
            throw new BadKeyException("Ed25519: seed must be 32 bytes, got " + (seed == null ? "none" : seed.length));
        }
        if (OpenSsl.available()) {
            return JdkKeyCache.seedNative(OpenSsl.completeOkp(OkpCurve.ED25519, seed));
        }
        // SunEC's generator takes the seed from its random source (RFC 8032 section 5.1.5):
        // feeding it ours derives the public key with the JDK's own code
        KeyPairGenerator g = Jdk.keyPairGenerator("Ed25519", Jdk.SUN_EC);
        SeedSource source = new SeedSource(seed);
        try {
            g.initialize(NamedParameterSpec.ED25519, source);
            KeyPair kp = g.generateKeyPair();
            KeyElements k = JdkKeys.fromEdEc((EdECPublicKey) kp.getPublic(), (EdECPrivateKey) kp.getPrivate());
            if (!Arrays.equals(k.element(KeyElements.OKP_D), seed)) {
                throw new CryptoException("Ed25519: the JDK generator did not use the given seed");
            }
            return k;
        } catch (GeneralSecurityException e) {
            throw new CryptoException("Ed25519: " + e.getMessage(), e);
        } finally {
            source.wipe();
        }
    }

    @Override
    public byte[] sign(KeyElements privateKey, byte[] message) {
        check(privateKey);
        NativeKey nk = NativeKeys.okpPrivate(privateKey);
        if (nk != null) {
            return OpenSsl.ed25519Sign(nk, message);
        }
        try {
            Signature s = Jdk.signature("Ed25519", Jdk.SUN_EC);
            s.initSign(JdkKeys.okpPrivate(privateKey));
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new BadKeyException("Ed25519: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean verify(KeyElements publicKey, byte[] message, byte[] signature) {
        check(publicKey);
        NativeKey nk = NativeKeys.okpPublic(publicKey);
        if (nk != null) {
            return OpenSsl.ed25519Verify(nk, message, signature);
        }
        KeyElements pub = publicKey.isPrivate() ? publicKey.publicKey() : publicKey;
        java.security.PublicKey key = JdkKeys.okpPublic(pub);
        if (signature == null || signature.length != 64) {
            return false;
        }
        try {
            Signature s = Jdk.signature("Ed25519", Jdk.SUN_EC);
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new BadKeyException("Ed25519: " + e.getMessage(), e);
        }
    }

    private static void check(KeyElements key) {
        JdkKeys.requireType(key, KeyType.OKP, "Ed25519");
        if (key.okpCurve() != OkpCurve.ED25519) {
            throw new BadKeyException("Ed25519: needs an Ed25519 key, got " + key.okpCurve().jwkName());
        }
    }

    /** A "random" source that yields one given seed: how SunEC is made to derive a key from it. */
    private static final class SeedSource extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] seed;
        private boolean used;

        SeedSource(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (used || bytes.length != seed.length) {
                throw new IllegalStateException("Ed25519 seed source asked for " + bytes.length + " bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
            used = true;
        }

        void wipe() {
            Arrays.fill(seed, (byte) 0);
        }
    }
}
