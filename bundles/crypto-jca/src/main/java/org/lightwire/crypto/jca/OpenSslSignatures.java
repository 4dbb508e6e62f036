package org.lightwire.crypto.jca;

import java.security.Provider;
import java.security.SignatureSpi;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.lightwire.api.crypto.HashAlgorithm;

/**
 * A JCA provider through which SunJSSE's handshake signatures (CertificateVerify,
 * ServerKeyExchange) with our {@link OpenSslPrivateKey}s run on OpenSSL. Each service
 * supports our key classes only, so JCA's delayed provider selection passes every other
 * key on to the JDK's providers. The name is unique per instance (class loader and count),
 * so one backend's removal never takes another's provider with it.
 */
final class OpenSslSignatures extends Provider {

    private static final long serialVersionUID = 1L;
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    OpenSslSignatures() {
        super("LightwireOpenSSL-" + Integer.toHexString(System.identityHashCode(OpenSslSignatures.class.getClassLoader()))
                + "-" + INSTANCES.incrementAndGet(), "1.0", "Lightwire crypto-jca: TLS handshake signatures on OpenSSL");
        add("SHA256withRSA", () -> OpenSslSignatureSpi.FixedHash.rsa("SHA256withRSA", HashAlgorithm.SHA_256));
        add("SHA384withRSA", () -> OpenSslSignatureSpi.FixedHash.rsa("SHA384withRSA", HashAlgorithm.SHA_384));
        add("SHA512withRSA", () -> OpenSslSignatureSpi.FixedHash.rsa("SHA512withRSA", HashAlgorithm.SHA_512));
        add("RSASSA-PSS", OpenSslSignatureSpi.RsaPss::new);
        add("SHA256withECDSA", () -> OpenSslSignatureSpi.FixedHash.ecdsa("SHA256withECDSA", HashAlgorithm.SHA_256));
        add("SHA384withECDSA", () -> OpenSslSignatureSpi.FixedHash.ecdsa("SHA384withECDSA", HashAlgorithm.SHA_384));
        add("SHA512withECDSA", () -> OpenSslSignatureSpi.FixedHash.ecdsa("SHA512withECDSA", HashAlgorithm.SHA_512));
    }

    private void add(String algorithm, Supplier<SignatureSpi> factory) {
        putService(new SignatureService(this, algorithm, factory));
    }

    /**
     * Made and matched here rather than by reflection on class names: this bundle's module
     * exports nothing, so java.base could not instantiate or load our classes by name.
     */
    private static final class SignatureService extends Service {
        private final Supplier<SignatureSpi> factory;

        SignatureService(Provider provider, String algorithm, Supplier<SignatureSpi> factory) {
            super(provider, "Signature", algorithm, OpenSslSignatureSpi.class.getName() + "$" + algorithm, null,
                    Map.of("SupportedKeyClasses", OpenSslRsaPrivateKey.class.getName() + "|" + OpenSslEcPrivateKey.class.getName()));
            this.factory = factory;
        }

        @Override
        public Object newInstance(Object constructorParameter) {
            return factory.get();
        }

        @Override
        public boolean supportsParameter(Object parameter) {
            return parameter instanceof OpenSslPrivateKey;
        }
    }
}
