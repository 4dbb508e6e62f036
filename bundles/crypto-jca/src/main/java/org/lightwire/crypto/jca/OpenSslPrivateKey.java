package org.lightwire.crypto.jca;

import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.crypto.jca.ossl.NativeKey;

/**
 * A JDK private key paired with OpenSSL's copy of it: the JDK key answers every getter, so
 * the JDK's own providers accept it when {@link OpenSslSignatures} is not registered, and
 * {@link OpenSslSignatures} signs with {@link #nativeKey()} when it is.
 */
abstract class OpenSslPrivateKey implements PrivateKey {

    private static final long serialVersionUID = 1L;

    final PrivateKey jdk;
    private final transient NativeKey nativeKey;

    OpenSslPrivateKey(PrivateKey jdk, NativeKey nativeKey) {
        this.jdk = jdk;
        this.nativeKey = nativeKey;
    }

    /** Ours for an RSA (with CRT elements) or EC private key when OpenSSL is used, else null. */
    static OpenSslPrivateKey of(KeyElements key) {
        switch (key.type()) {
            case RSA: {
                NativeKey k = NativeKeys.rsaPrivate(key);
                return k != null && JdkKeys.rsaPrivate(key) instanceof RSAPrivateCrtKey crt ? new OpenSslRsaPrivateKey(crt, k) : null;
            }
            case EC: {
                NativeKey k = NativeKeys.ecPrivate(key);
                return k == null ? null : new OpenSslEcPrivateKey(JdkKeys.ecPrivate(key), k);
            }
            default:
                return null;
        }
    }

    final NativeKey nativeKey() {
        return nativeKey;
    }

    /** Serialized as the plain JDK key: OpenSSL's copy does not travel. */
    final Object writeReplace() {
        return jdk;
    }

    @Override
    public final String getAlgorithm() {
        return jdk.getAlgorithm();
    }

    @Override
    public final String getFormat() {
        return jdk.getFormat();
    }

    @Override
    public final byte[] getEncoded() {
        return jdk.getEncoded();
    }
}
