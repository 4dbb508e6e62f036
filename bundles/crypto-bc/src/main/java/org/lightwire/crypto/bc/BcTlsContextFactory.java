package org.lightwire.crypto.bc;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.cert.X509CertificateHolder;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.CryptoException;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.TlsContext;
import org.lightwire.api.crypto.TlsContextFactory;
import org.lightwire.api.crypto.TlsSettings;
import org.lightwire.tls.verify.RelaxedServerTrust;

/**
 * {@link TlsContextFactory} on BCJSSE (lws' per-vhost {@code SSL_CTX} on mbedTLS): PEM
 * material is read by this backend's {@link BcX509}, and the key and trust managers and
 * the {@link SSLContext} all come from the private BCJSSE provider instance.
 */
final class BcTlsContextFactory implements TlsContextFactory {

    private final BcProviders providers;
    private final BcX509 x509;
    private final SecureRandom random;

    BcTlsContextFactory(BcProviders providers, BcX509 x509, SecureRandom random) {
        this.providers = providers;
        this.x509 = x509;
        this.random = random;
    }

    @Override
    public TlsContext create(TlsSettings settings) {
        Objects.requireNonNull(settings, "settings");
        try {
            KeyManager[] keyManagers = keyManagers(settings);
            TrustManager[] trustManagers = trustManagers(settings);
            SSLContext context = SSLContext.getInstance("TLS", providers.jsse());
            context.init(keyManagers, trustManagers, random);
            SSLParameters parameters = parameters(context, settings);
            return new BcTlsContext(settings, context, parameters);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("TLS (BCJSSE): cannot build the context: " + e.getMessage(), e);
        }
    }

    private KeyManager[] keyManagers(TlsSettings settings) throws GeneralSecurityException {
        if (settings.certificateChainPem().isEmpty()) {
            return null;
        }
        List<X509Certificate> chain = x509.certificates(settings.certificateChainPem().get());
        KeyElements key = x509.privateKey(settings.privateKeyPem().orElseThrow());
        try {
            X509CertificateHolder leaf = BcX509.holder(chain.get(0));
            if (!leaf.getSubjectPublicKeyInfo().equals(BcX509.publicInfo(key))) {
                throw new BadKeyException("TLS: the private key does not belong to the certificate '" + leaf.getSubject() + "'");
            }
            PrivateKey privateKey = jcaPrivateKey(key);
            // an in-memory store only handed to the key manager; its password protects nothing
            char[] password = "lightwire".toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            try {
                store.load(null, null);
            } catch (java.io.IOException e) {
                throw new CryptoException("TLS: cannot create an in-memory key store", e);
            }
            store.setKeyEntry("server", privateKey, password, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX", providers.jsse());
            kmf.init(store, password);
            return kmf.getKeyManagers();
        } finally {
            key.destroy();
        }
    }

    private PrivateKey jcaPrivateKey(KeyElements key) throws GeneralSecurityException {
        String algorithm;
        switch (key.type()) {
            case RSA:
                algorithm = "RSA";
                break;
            case EC:
                algorithm = "EC";
                break;
            case OKP:
                algorithm = key.okpCurve().jwkName();
                break;
            default:
                throw new BadKeyException("TLS: a " + key.type().jwkName() + " key cannot authenticate a TLS peer");
        }
        byte[] pkcs8 = x509.encodePrivateKey(key);
        try {
            return KeyFactory.getInstance(algorithm, providers.jca()).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private TrustManager[] trustManagers(TlsSettings settings) throws GeneralSecurityException {
        if (settings.role() == TlsSettings.Role.CLIENT && !settings.verifyPeer()) {
            return new TrustManager[] {new UnverifiedServers()};
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX", providers.jsse());
        if (settings.trustAnchorsPem().isEmpty()) {
            // BCJSSE's default: the JDK's cacerts (or javax.net.ssl.trustStore)
            tmf.init((KeyStore) null);
            return relaxed(settings, tmf.getTrustManagers());
        }
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        try {
            anchors.load(null, null);
        } catch (java.io.IOException e) {
            throw new CryptoException("TLS: cannot create an in-memory trust store", e);
        }
        int i = 0;
        for (X509Certificate c : x509.certificates(settings.trustAnchorsPem().get())) {
            anchors.setCertificateEntry("anchor-" + i++, c);
        }
        tmf.init(anchors);
        return relaxed(settings, tmf.getTrustManagers());
    }

    /** A client's PKIX trust manager wrapped for its self-signed/expired relaxations, if it has any. */
    private TrustManager[] relaxed(TlsSettings settings, TrustManager[] managers) {
        Set<TlsSettings.PeerRelaxation> r = settings.peerRelaxations();
        if (settings.role() != TlsSettings.Role.CLIENT
                || !(r.contains(TlsSettings.PeerRelaxation.SELF_SIGNED) || r.contains(TlsSettings.PeerRelaxation.EXPIRED))) {
            return managers;
        }
        for (int i = 0; i < managers.length; i++) {
            if (managers[i] instanceof javax.net.ssl.X509ExtendedTrustManager real) {
                TrustManager[] out = managers.clone();
                out[i] = new RelaxedServerTrust(real, r, java.time.Clock.systemUTC(), providers.jca());
                return out;
            }
        }
        throw new CryptoException("TLS (BCJSSE): the PKIX trust manager factory gave no X509ExtendedTrustManager to relax");
    }

    private static SSLParameters parameters(SSLContext context, TlsSettings settings) {
        SSLParameters supported = context.getSupportedSSLParameters();
        SSLParameters p = context.getDefaultSSLParameters();
        p.setProtocols(known("protocol", settings.protocols(), supported.getProtocols()));
        if (!settings.cipherSuites().isEmpty()) {
            p.setCipherSuites(known("cipher suite", settings.cipherSuites(), supported.getCipherSuites()));
        }
        if (!settings.applicationProtocols().isEmpty()) {
            p.setApplicationProtocols(settings.applicationProtocols().toArray(String[]::new));
        }
        if (settings.role() == TlsSettings.Role.SERVER) {
            switch (settings.clientAuthentication()) {
                case REQUIRED:
                    p.setNeedClientAuth(true);
                    break;
                case REQUESTED:
                    p.setWantClientAuth(true);
                    break;
                default:
                    p.setNeedClientAuth(false);
                    p.setWantClientAuth(false);
                    break;
            }
        } else if (settings.verifyPeer() && !settings.peerRelaxations().contains(TlsSettings.PeerRelaxation.SKIP_HOSTNAME_CHECK)) {
            // RFC 2818/6125 host name check of the server's certificate, done by BCJSSE's trust manager
            p.setEndpointIdentificationAlgorithm("HTTPS");
        }
        return p;
    }

    private static String[] known(String what, List<String> wanted, String[] supported) {
        Set<String> available = new HashSet<>(Arrays.asList(supported));
        for (String name : wanted) {
            if (!available.contains(name)) {
                throw new BadParameterException("TLS (BCJSSE): unknown or unsupported " + what + " '" + name + "'");
            }
        }
        return wanted.toArray(String[]::new);
    }
}
