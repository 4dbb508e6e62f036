package org.lightwire.crypto.jca;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.function.Supplier;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.InvalidPointException;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.KeyType;
import org.lightwire.api.crypto.OkpCurve;
import org.lightwire.crypto.jca.ossl.NativeKey;
import org.lightwire.crypto.jca.ossl.OpenSsl;

/**
 * OpenSSL's copies of keys, each checked as the JDK path checks it and imported once per
 * {@link KeyElements} instance, kept in {@link JdkKeyCache} beside its JDK keys. Every
 * method answers null when OpenSSL is not used, and the caller takes the JDK path.
 */
final class NativeKeys {

    private NativeKeys() {
    }

    /** An RSA key's public part (of a public or private key). */
    static NativeKey rsaPublic(KeyElements key) {
        if (!OpenSsl.available()) {
            return null;
        }
        JdkKeys.rsaPublic(key);
        return cached(key, false, () -> {
            try {
                return OpenSsl.rsaPublic(key);
            } catch (IllegalArgumentException e) {
                throw new BadKeyException("RSA public key rejected: " + e.getMessage(), e);
            }
        });
    }

    /** An RSA private key; null also when it lacks the CRT elements (the JDK does the work). */
    static NativeKey rsaPrivate(KeyElements key) {
        if (!OpenSsl.available()) {
            return null;
        }
        JdkKeys.rsaPrivate(key);
        if (!key.has(KeyElements.RSA_P)) {
            return null;
        }
        return cached(key, true, () -> {
            try {
                return OpenSsl.rsaPrivate(key);
            } catch (IllegalArgumentException e) {
                throw new BadKeyException("RSA private key rejected: " + e.getMessage(), e);
            }
        });
    }

    /** An EC private key, its scalar checked. */
    static NativeKey ecPrivate(KeyElements key) {
        if (!OpenSsl.available()) {
            return null;
        }
        JdkKeys.requirePrivate(key, KeyType.EC, "EC");
        return cached(key, true, () -> {
            EcCurve curve = key.ecCurve();
            BigInteger d = key.bigInteger(KeyElements.EC_D);
            JdkKeys.checkScalar(curve, d);
            return importEc(key, JdkKeys.fixed(d, curve.fieldLength()));
        });
    }

    /** An EC key's public point (of a public or private key), validated. */
    static NativeKey ecPublic(KeyElements key) {
        if (!OpenSsl.available()) {
            return null;
        }
        JdkKeys.requireType(key, KeyType.EC, "EC");
        return cached(key, false, () -> {
            JdkKeys.validatePoint(key.ecCurve(), key.bigInteger(KeyElements.EC_X), key.bigInteger(KeyElements.EC_Y));
            return importEc(key, null);
        });
    }

    /** An X25519 or Ed25519 private key (scalar or seed; OpenSSL derives the public key from it). */
    static NativeKey okpPrivate(KeyElements key) {
        if (!OpenSsl.available()) {
            return null;
        }
        JdkKeys.requirePrivate(key, KeyType.OKP, "OKP");
        return cached(key, true, () -> {
            OkpCurve curve = key.okpCurve();
            byte[] d = key.element(KeyElements.OKP_D);
            try {
                return OpenSsl.okpPrivate(curve, d);
            } catch (IllegalArgumentException e) {
                throw new BadKeyException(curve.jwkName() + ": private key rejected: " + e.getMessage(), e);
            } finally {
                Arrays.fill(d, (byte) 0);
            }
        });
    }

    /**
     * An X25519 or Ed25519 key's public key X (of a public or private key); an Ed25519
     * point is decoded here as the JDK path decodes it, since OpenSSL does not on import.
     */
    static NativeKey okpPublic(KeyElements key) {
        if (!OpenSsl.available()) {
            return null;
        }
        JdkKeys.requireType(key, KeyType.OKP, "OKP");
        return cached(key, false, () -> {
            OkpCurve curve = key.okpCurve();
            byte[] x = key.element(KeyElements.OKP_X);
            if (curve == OkpCurve.ED25519) {
                JdkKeys.ed25519Point(x);
            }
            try {
                return OpenSsl.okpPublic(curve, x);
            } catch (IllegalArgumentException e) {
                throw new InvalidPointException(curve.jwkName() + ": public key rejected: " + e.getMessage(), e);
            }
        });
    }

    private static NativeKey cached(KeyElements key, boolean privatePart, Supplier<NativeKey> importer) {
        JdkKeyCache.Entry c = JdkKeyCache.of(key);
        NativeKey k = privatePart ? c.nativePrivate : c.nativePublic;
        if (k == null) {
            k = importer.get();
            if (privatePart) {
                c.nativePrivate = k;
            } else {
                c.nativePublic = k;
            }
        }
        return k;
    }

    private static NativeKey importEc(KeyElements key, byte[] d) {
        EcCurve curve = key.ecCurve();
        int len = curve.fieldLength();
        try {
            return OpenSsl.ec(curve, JdkKeys.fixed(key.bigInteger(KeyElements.EC_X), len),
                    JdkKeys.fixed(key.bigInteger(KeyElements.EC_Y), len), d);
        } catch (IllegalArgumentException e) {
            throw d == null ? new InvalidPointException("EC " + curve.jwkName() + ": public key rejected: " + e.getMessage(), e)
                    : new BadKeyException("EC " + curve.jwkName() + ": private key rejected: " + e.getMessage(), e);
        } finally {
            if (d != null) {
                Arrays.fill(d, (byte) 0);
            }
        }
    }
}
