package org.lightwire.crypto.bc;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.SecureRandom;
import java.util.jar.Manifest;
import org.lightwire.api.crypto.AesCipher;
import org.lightwire.api.crypto.AesParameters;
import org.lightwire.api.crypto.Aead;
import org.lightwire.api.crypto.CipherDirection;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.Ec;
import org.lightwire.api.crypto.Ed25519;
import org.lightwire.api.crypto.Hash;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.Hmac;
import org.lightwire.api.crypto.Poly1305;
import org.lightwire.api.crypto.Rsa;
import org.lightwire.api.crypto.StreamCipher;
import org.lightwire.api.crypto.TlsContextFactory;
import org.lightwire.api.crypto.X25519;
import org.lightwire.api.crypto.X509;

/**
 * The "bc" crypto backend: the generic crypto layer on BouncyCastle, lws' mbedTLS build
 * to the JDK backend's OpenSSL. Pure Java end to end — no JDK provider is involved — so it
 * behaves the same on every JVM, at a cost in speed that {@code it/benchmarks/run-crypto.sh}
 * measures. Ranks below the JDK backend: it is used when configured
 * ({@code "crypto-backend": "bc"}) or when it is the only backend installed.
 */
public final class BcCryptoBackend implements CryptoBackend {

    /** Below the JDK backend's 100, as lws defaults to OpenSSL. */
    public static final int RANKING = 50;

    private static final String VERSION = bcVersion();

    private final SecureRandom random = DrbgRandom.create();
    private final BcProviders providers = new BcProviders();
    private final BcRsa rsa = new BcRsa(random);
    private final BcEc ec = new BcEc(random);
    private final BcX25519 x25519 = new BcX25519(random);
    private final BcEd25519 ed25519 = new BcEd25519(random);
    private final BcChaCha20Poly1305 chacha20Poly1305 = new BcChaCha20Poly1305();
    private final BcX509 x509 = new BcX509(providers, random);
    private final BcTlsContextFactory tls = new BcTlsContextFactory(providers, x509, random);

    /** For ServiceLoader and the OSGi registry. */
    public BcCryptoBackend() {
    }

    @Override
    public String name() {
        return "bc";
    }

    @Override
    public String description() {
        return "BouncyCastle " + VERSION + " lightweight API, BCJSSE for TLS";
    }

    /**
     * The BouncyCastle version inside this jar, from its manifest's BouncyCastle-Version
     * header (the build writes it). The manifest is found next to this class, which works
     * for jar: URLs (class and module path), Felix's bundle: URLs and a classes directory.
     */
    private static String bcVersion() {
        String self = BcCryptoBackend.class.getName().replace('.', '/') + ".class";
        URL clazz = BcCryptoBackend.class.getResource("/" + self);
        if (clazz != null && clazz.toString().endsWith(self)) {
            String root = clazz.toString().substring(0, clazz.toString().length() - self.length());
            try (InputStream in = new URL(root + "META-INF/MANIFEST.MF").openStream()) {
                String v = new Manifest(in).getMainAttributes().getValue("BouncyCastle-Version");
                if (v != null) {
                    return v;
                }
            } catch (IOException | RuntimeException e) {
                // only a log line loses its version
            }
        }
        return "(version unknown)";
    }

    @Override
    public int ranking() {
        return RANKING;
    }

    @Override
    public Hash hash(HashAlgorithm algorithm) {
        return new BcHash(algorithm);
    }

    @Override
    public Hmac hmac(HashAlgorithm algorithm, byte[] key) {
        return new BcHmac(algorithm, key);
    }

    @Override
    public AesCipher aes(CipherDirection direction, byte[] key, AesParameters parameters) {
        return new BcAesCipher(direction, key, parameters);
    }

    @Override
    public Rsa rsa() {
        return rsa;
    }

    @Override
    public Ec ec() {
        return ec;
    }

    @Override
    public X25519 x25519() {
        return x25519;
    }

    @Override
    public Ed25519 ed25519() {
        return ed25519;
    }

    @Override
    public StreamCipher chacha20(byte[] key, byte[] nonce, long initialCounter) {
        return new BcChaCha20(key, nonce, initialCounter);
    }

    @Override
    public Poly1305 poly1305(byte[] key) {
        return new BcPoly1305(key);
    }

    @Override
    public Aead chacha20Poly1305() {
        return chacha20Poly1305;
    }

    @Override
    public SecureRandom secureRandom() {
        return random;
    }

    @Override
    public X509 x509() {
        return x509;
    }

    @Override
    public TlsContextFactory tls() {
        return tls;
    }

    @Override
    public String toString() {
        return "crypto backend " + name();
    }
}
