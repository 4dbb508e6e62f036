package org.lightwire.crypto.jca;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import org.lightwire.api.crypto.CryptoException;

/**
 * Lookups of JDK algorithms in the named JDK provider only, never "first provider that has
 * it": with BouncyCastle (or anything else) added to the JVM-wide list, this backend still
 * runs on the JDK's code, so the two backends stay two.
 */
final class Jdk {

    static final String SUN = "SUN";
    static final String SUN_JCE = "SunJCE";
    static final String SUN_EC = "SunEC";
    static final String SUN_RSA_SIGN = "SunRsaSign";
    static final String SUN_JSSE = "SunJSSE";

    /**
     * Per-thread engines (Signature, Cipher, KeyAgreement) by kind, provider and algorithm:
     * a JCA lookup walks the provider's services and instantiates by reflection on every
     * call, while an engine is reusable once re-initialised. Engines are not thread-safe,
     * hence one set per thread; every use starts with {@code init*}, which drops all state
     * of the previous use (including one that failed half-way). The map holds JDK objects
     * only, so a thread that outlives this bundle pins no class of ours.
     */
    private static final ThreadLocal<Map<String, Object>> ENGINES = ThreadLocal.withInitial(HashMap::new);

    private Jdk() {
    }

    /** This thread's {@link Signature} for {@code algorithm}; call {@code initSign}/{@code initVerify} before use. */
    static Signature threadSignature(String algorithm, String provider) {
        Map<String, Object> m = ENGINES.get();
        String key = "S/" + provider + "/" + algorithm;
        Signature s = (Signature) m.get(key);
        if (s == null) {
            s = signature(algorithm, provider);
            m.put(key, s);
        }
        return s;
    }

    /** This thread's {@link Cipher} for {@code transformation}; call {@code init} before use. */
    static Cipher threadCipher(String transformation, String provider) {
        Map<String, Object> m = ENGINES.get();
        String key = "C/" + provider + "/" + transformation;
        Cipher c = (Cipher) m.get(key);
        if (c == null) {
            c = cipher(transformation, provider);
            m.put(key, c);
        }
        return c;
    }

    /** This thread's {@link KeyAgreement} for {@code algorithm}; call {@code init} before use. */
    static KeyAgreement threadKeyAgreement(String algorithm, String provider) {
        Map<String, Object> m = ENGINES.get();
        String key = "K/" + provider + "/" + algorithm;
        KeyAgreement k = (KeyAgreement) m.get(key);
        if (k == null) {
            k = keyAgreement(algorithm, provider);
            m.put(key, k);
        }
        return k;
    }

    static Provider provider(String name) {
        Provider p = Security.getProvider(name);
        if (p == null) {
            throw new CryptoException("JDK provider " + name + " is not installed in this JVM (java.security was changed?)");
        }
        return p;
    }

    static MessageDigest messageDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm, provider(SUN));
        } catch (GeneralSecurityException e) {
            throw missing(algorithm, SUN, e);
        }
    }

    static Cipher cipher(String transformation, String provider) {
        try {
            return Cipher.getInstance(transformation, provider(provider));
        } catch (GeneralSecurityException e) {
            throw missing(transformation, provider, e);
        }
    }

    static Mac mac(String algorithm) {
        try {
            return Mac.getInstance(algorithm, provider(SUN_JCE));
        } catch (GeneralSecurityException e) {
            throw missing(algorithm, SUN_JCE, e);
        }
    }

    static Signature signature(String algorithm, String provider) {
        try {
            return Signature.getInstance(algorithm, provider(provider));
        } catch (GeneralSecurityException e) {
            throw missing(algorithm, provider, e);
        }
    }

    static KeyFactory keyFactory(String algorithm, String provider) {
        try {
            return KeyFactory.getInstance(algorithm, provider(provider));
        } catch (GeneralSecurityException e) {
            throw missing(algorithm, provider, e);
        }
    }

    static KeyPairGenerator keyPairGenerator(String algorithm, String provider) {
        try {
            return KeyPairGenerator.getInstance(algorithm, provider(provider));
        } catch (GeneralSecurityException e) {
            throw missing(algorithm, provider, e);
        }
    }

    static KeyAgreement keyAgreement(String algorithm, String provider) {
        try {
            return KeyAgreement.getInstance(algorithm, provider(provider));
        } catch (GeneralSecurityException e) {
            throw missing(algorithm, provider, e);
        }
    }

    static CryptoException missing(String algorithm, String provider, Exception e) {
        return new CryptoException("JDK provider " + provider + " has no " + algorithm + ": " + e.getMessage(), e);
    }
}
