package org.lightwire.crypto.jca;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Objects;
import org.lightwire.api.crypto.Aead;
import org.lightwire.api.crypto.AesCipher;
import org.lightwire.api.crypto.AesMode;
import org.lightwire.api.crypto.AesParameters;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.CipherDirection;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.CryptoException;
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
import org.lightwire.crypto.jca.ossl.OpenSsl;

/**
 * The JDK crypto backend, {@code jca}: the lws generic crypto layer on the JDK's own
 * providers (the OpenSSL role: the platform's native, fast implementation). Ranks 100.
 */
public final class JcaBackend implements CryptoBackend {

    /** The configuration name ({@code "crypto-backend": "jca"}). */
    public static final String NAME = "jca";

    private final SecureRandom random;
    private final JcaRsa rsa;
    private final JcaEc ec;
    private final JcaX25519 x25519;
    private final JcaEd25519 ed25519;
    private final JcaX509 x509;
    private final JcaTls tls;
    private final JdkChaCha20Poly1305 chacha20Poly1305 = new JdkChaCha20Poly1305();
    private final OpenSslSignaturesRegistration tlsSignatures = new OpenSslSignaturesRegistration();

    public JcaBackend() {
        OpenSsl.checkConfiguration();
        try {
            this.random = SecureRandom.getInstance("DRBG", Jdk.provider(Jdk.SUN));
        } catch (NoSuchAlgorithmException e) {
            throw new CryptoException("JDK provider SUN has no DRBG: " + e.getMessage(), e);
        }
        this.rsa = new JcaRsa(random);
        this.ec = new JcaEc(random);
        this.x25519 = new JcaX25519(random);
        this.ed25519 = new JcaEd25519(random);
        this.x509 = new JcaX509(rsa, ec, x25519, ed25519, random);
        this.tls = new JcaTls(x509, random, tlsSignatures);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "JDK providers SunJCE/SunEC/SunRsaSign/SunJSSE on Java " + Runtime.version()
                + (OpenSsl.available() ? "; RSA, EC, X25519 and Ed25519 on " : "; OpenSSL ") + OpenSsl.description();
    }

    @Override
    public int ranking() {
        return 100;
    }

    @Override
    public Hash hash(HashAlgorithm algorithm) {
        return new JcaHash(Objects.requireNonNull(algorithm, "algorithm"));
    }

    @Override
    public Hmac hmac(HashAlgorithm algorithm, byte[] key) {
        return new JcaHmac(Objects.requireNonNull(algorithm, "algorithm"), key);
    }

    @Override
    public AesCipher aes(CipherDirection direction, byte[] key, AesParameters parameters) {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(parameters, "parameters");
        if (key == null || !parameters.allowsKeyLength(key.length)) {
            throw new BadKeyException("AES-" + parameters.mode() + ": key must be "
                    + (parameters.mode() == AesMode.XTS ? "32 or 64" : "16, 24 or 32") + " bytes, got "
                    + (key == null ? "none" : key.length));
        }
        switch (parameters.mode()) {
            case XTS:
                return new XtsCipher(direction, key, parameters);
            case KW:
                return new KeyWrapCipher(direction, key, parameters);
            default:
                return new JdkAesCipher(direction, key, parameters);
        }
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
        if (key == null || key.length != 32) {
            throw new BadKeyException("ChaCha20: key must be 32 bytes, got " + (key == null ? "none" : key.length));
        }
        if (nonce == null || (nonce.length != 12 && nonce.length != 8)) {
            throw new BadParameterException("ChaCha20: nonce must be 12 bytes (RFC 8439) or 8 bytes (original/OpenSSH), got "
                    + (nonce == null ? "none" : nonce.length));
        }
        if (nonce.length == 12) {
            return new JdkChaCha20(key, nonce, initialCounter);
        }
        return new ChaCha20Djb(key, nonce, initialCounter);
    }

    @Override
    public Poly1305 poly1305(byte[] key) {
        return new Poly1305Mac(key);
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

    /** Takes this backend's TLS signature provider out of the JVM; contexts already made sign on the JDK from then on. */
    @Override
    public void close() {
        tlsSignatures.close();
    }

    /** The name of this backend's JVM-wide TLS signature provider (listed only while registered). */
    String tlsSignatureProviderName() {
        return tlsSignatures.providerName();
    }
}
