package org.lightwire.crypto.jca;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.concurrent.atomic.AtomicLong;
import org.lightwire.api.crypto.CryptoException;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.RsaSignatureScheme;
import org.lightwire.crypto.jca.ossl.NativeKey;
import org.lightwire.crypto.jca.ossl.OpenSsl;

/**
 * A JCA signature of {@link OpenSslSignatures}: our {@link OpenSslPrivateKey}s are hashed
 * here and the digest signed by OpenSSL; any other key, and every verification, goes to the
 * JDK provider that would have served it. JCA's delayed provider selection only hands us our
 * own keys, but a caller that sets parameters before choosing its key gets the first
 * provider in the list — us — whatever key follows, so that path must behave as the JDK does.
 */
abstract class OpenSslSignatureSpi extends SignatureSpi {

    /** Signatures made on OpenSSL in this class loader (tests read it). */
    static final AtomicLong SIGNED = new AtomicLong();

    final String algorithm;
    private final String jdkProvider;
    private final Class<? extends OpenSslPrivateKey> keyClass;
    private AlgorithmParameterSpec parameters;
    private NativeKey key;
    private HashAlgorithm signingHash;
    private MessageDigest digest;
    private Signature jdk;

    OpenSslSignatureSpi(String algorithm, String jdkProvider, Class<? extends OpenSslPrivateKey> keyClass) {
        this.algorithm = algorithm;
        this.jdkProvider = jdkProvider;
        this.keyClass = keyClass;
    }

    /** The hash to sign with under {@code spec} (null if none was set); null while RSASSA-PSS awaits its parameters. */
    abstract HashAlgorithm hashFor(AlgorithmParameterSpec spec) throws InvalidAlgorithmParameterException;

    abstract byte[] sign(NativeKey k, HashAlgorithm h, byte[] messageDigest);

    @Override
    protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
        engineInitSign(privateKey, null);
    }

    @Override
    protected void engineInitSign(PrivateKey privateKey, SecureRandom random) throws InvalidKeyException {
        if (!keyClass.isInstance(privateKey)) {
            Signature s = jdkSignature(privateKey);
            if (random == null) {
                s.initSign(privateKey);
            } else {
                s.initSign(privateKey, random);
            }
            return;
        }
        try {
            useHash(hashFor(parameters));
        } catch (InvalidAlgorithmParameterException e) {
            // JCA then tries the next provider, which signs with these parameters on the JDK
            throw new InvalidKeyException(algorithm + " on OpenSSL: " + e.getMessage(), e);
        }
        key = keyClass.cast(privateKey).nativeKey();
        jdk = null;
    }

    @Override
    protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
        jdkSignature(publicKey).initVerify(publicKey);
    }

    private Signature jdkSignature(java.security.Key k) throws InvalidKeyException {
        try {
            Signature s = Signature.getInstance(algorithm, Jdk.provider(jdkProvider));
            if (parameters != null) {
                s.setParameter(parameters);
            }
            key = null;
            jdk = s;
            return s;
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyException(algorithm + " (" + jdkProvider + ") for " + k.getAlgorithm() + ": " + e.getMessage(), e);
        }
    }

    private void useHash(HashAlgorithm h) {
        if (h == null) {
            digest = null;
        } else if (h == signingHash && digest != null) {
            digest.reset();
        } else {
            digest = Jdk.messageDigest(h.standardName());
        }
        signingHash = h;
    }

    @Override
    protected void engineSetParameter(AlgorithmParameterSpec spec) throws InvalidAlgorithmParameterException {
        if (jdk != null) {
            jdk.setParameter(spec);
        } else if (key != null) {
            useHash(hashFor(spec));
        }
        parameters = spec;
    }

    @Override
    protected void engineUpdate(byte b) throws SignatureException {
        if (jdk != null) {
            jdk.update(b);
        } else {
            digest().update(b);
        }
    }

    @Override
    protected void engineUpdate(byte[] b, int off, int len) throws SignatureException {
        if (jdk != null) {
            jdk.update(b, off, len);
        } else {
            digest().update(b, off, len);
        }
    }

    private MessageDigest digest() throws SignatureException {
        if (digest == null) {
            throw new SignatureException(algorithm + ": parameters not set");
        }
        return digest;
    }

    @Override
    protected byte[] engineSign() throws SignatureException {
        if (jdk != null) {
            return jdk.sign();
        }
        try {
            byte[] signature = sign(key, signingHash, digest().digest());
            SIGNED.incrementAndGet();
            return signature;
        } catch (CryptoException e) {
            throw new SignatureException(e.getMessage(), e);
        }
    }

    @Override
    protected boolean engineVerify(byte[] signature) throws SignatureException {
        if (jdk == null) {
            throw new SignatureException(algorithm + ": not initialized for verification");
        }
        return jdk.verify(signature);
    }

    /**
     * As the JDK's providers answer: SunJSSE's SignatureScheme, as its class initialises,
     * sets each RSASSA-PSS parameter set before any key and reads it back here, and
     * disables the scheme JVM-wide for good if that fails.
     */
    @Override
    protected AlgorithmParameters engineGetParameters() {
        if (jdk != null) {
            return jdk.getParameters();
        }
        if (parameters == null) {
            return null;
        }
        try {
            AlgorithmParameters p = AlgorithmParameters.getInstance(algorithm, Jdk.provider(jdkProvider));
            p.init(parameters);
            return p;
        } catch (GeneralSecurityException e) {
            throw new ProviderException(algorithm + " parameters: " + e.getMessage(), e);
        }
    }

    @Override
    @Deprecated
    protected void engineSetParameter(String param, Object value) {
        throw new InvalidParameterException(algorithm + ": no string parameters");
    }

    @Override
    @Deprecated
    protected Object engineGetParameter(String param) {
        throw new InvalidParameterException(algorithm + ": no string parameters");
    }

    /** OpenSSL's signature over a digest made with {@code hash}. */
    @FunctionalInterface
    interface DigestSigner {
        byte[] sign(NativeKey key, HashAlgorithm hash, byte[] digest);
    }

    /** SHAxxxwithRSA (PKCS#1 v1.5) and SHAxxxwithECDSA (DER): a fixed hash and no parameters. */
    static final class FixedHash extends OpenSslSignatureSpi {
        private final HashAlgorithm hash;
        private final DigestSigner signer;

        private FixedHash(String algorithm, String jdkProvider, Class<? extends OpenSslPrivateKey> keyClass, HashAlgorithm hash,
                DigestSigner signer) {
            super(algorithm, jdkProvider, keyClass);
            this.hash = hash;
            this.signer = signer;
        }

        static FixedHash rsa(String algorithm, HashAlgorithm hash) {
            return new FixedHash(algorithm, Jdk.SUN_RSA_SIGN, OpenSslRsaPrivateKey.class, hash,
                    (k, h, d) -> OpenSsl.rsaSign(k, RsaSignatureScheme.PKCS1_V1_5, h, d));
        }

        static FixedHash ecdsa(String algorithm, HashAlgorithm hash) {
            return new FixedHash(algorithm, Jdk.SUN_EC, OpenSslEcPrivateKey.class, hash, (k, h, d) -> OpenSsl.ecdsaSign(k, d));
        }

        @Override
        HashAlgorithm hashFor(AlgorithmParameterSpec spec) throws InvalidAlgorithmParameterException {
            if (spec != null) {
                throw new InvalidAlgorithmParameterException(algorithm + " takes no parameters");
            }
            return hash;
        }

        @Override
        byte[] sign(NativeKey k, HashAlgorithm h, byte[] messageDigest) {
            return signer.sign(k, h, messageDigest);
        }
    }

    /**
     * RSASSA-PSS with the parameters TLS uses (RFC 8446 section 4.2.3): SHA-256/384/512,
     * MGF1 with the same hash, salt of the digest length, trailer field 1.
     */
    static final class RsaPss extends OpenSslSignatureSpi {
        private static final HashAlgorithm[] HASHES = {HashAlgorithm.SHA_256, HashAlgorithm.SHA_384, HashAlgorithm.SHA_512};

        RsaPss() {
            super("RSASSA-PSS", Jdk.SUN_RSA_SIGN, OpenSslRsaPrivateKey.class);
        }

        @Override
        HashAlgorithm hashFor(AlgorithmParameterSpec spec) throws InvalidAlgorithmParameterException {
            if (spec == null) {
                return null;
            }
            if (!(spec instanceof PSSParameterSpec)) {
                throw new InvalidAlgorithmParameterException("RSASSA-PSS needs a PSSParameterSpec, got " + spec);
            }
            PSSParameterSpec p = (PSSParameterSpec) spec;
            for (HashAlgorithm h : HASHES) {
                if (h.standardName().equalsIgnoreCase(p.getDigestAlgorithm())
                        && "MGF1".equalsIgnoreCase(p.getMGFAlgorithm())
                        && p.getMGFParameters() instanceof MGF1ParameterSpec
                        && h.standardName().equalsIgnoreCase(((MGF1ParameterSpec) p.getMGFParameters()).getDigestAlgorithm())
                        && p.getSaltLength() == h.digestLength()
                        && p.getTrailerField() == PSSParameterSpec.TRAILER_FIELD_BC) {
                    return h;
                }
            }
            throw new InvalidAlgorithmParameterException("RSASSA-PSS on OpenSSL signs with SHA-256/384/512, MGF1 of the same hash,"
                    + " salt of the digest length and trailer 1 only, got " + p);
        }

        @Override
        byte[] sign(NativeKey k, HashAlgorithm h, byte[] messageDigest) {
            return OpenSsl.rsaSign(k, RsaSignatureScheme.PSS, h, messageDigest);
        }
    }
}
