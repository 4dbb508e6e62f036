package org.lightwire.crypto.jca;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.CryptoException;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.TlsContext;
import org.lightwire.api.crypto.TlsContextFactory;
import org.lightwire.api.crypto.TlsSettings;
import org.lightwire.tls.verify.HostnameMatcher;
import org.lightwire.tls.verify.RelaxedServerTrust;

/** TLS contexts on SunJSSE, with key material loaded through this backend's X.509 code. */
final class JcaTls implements TlsContextFactory {

    private static final char[] IN_MEMORY = "lightwire".toCharArray();
    private static final String KEY_ALIAS = "key";

    private final JcaX509 x509;
    private final SecureRandom random;
    private final OpenSslSignaturesRegistration signatures;

    // SSLParameters.setNamedGroups(String[]) where the runtime has it (Java 20+)
    private static final java.lang.reflect.Method SET_NAMED_GROUPS = namedGroupsSetter();

    private static java.lang.reflect.Method namedGroupsSetter() {
        try {
            return SSLParameters.class.getMethod("setNamedGroups", String[].class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    JcaTls(JcaX509 x509, SecureRandom random, OpenSslSignaturesRegistration signatures) {
        this.x509 = x509;
        this.random = random;
        this.signatures = signatures;
    }

    @Override
    public TlsContext create(TlsSettings settings) {
        KeyManager[] keyManagers = keyManagers(settings);
        TrustManager[] trustManagers = trustManagers(settings);
        SSLContext ctx;
        try {
            ctx = SSLContext.getInstance("TLS", Jdk.provider(Jdk.SUN_JSSE));
            ctx.init(keyManagers, trustManagers, random);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("TLS (SunJSSE): " + e.getMessage(), e);
        }
        if (!settings.namedGroups().isEmpty() && SET_NAMED_GROUPS == null) {
            System.getLogger("org.lightwire.crypto.jca").log(System.Logger.Level.WARNING, () -> "TLS key-exchange groups (ecdh-curve) "
                    + settings.namedGroups() + " cannot be set per connection on Java " + Runtime.version().feature()
                    + " (SSLParameters.setNamedGroups arrived in Java 20): the JVM-wide -Djdk.tls.namedGroups decides;"
                    + " the crypto-bc backend applies them");
        }
        Context c = new Context(ctx, settings);
        // fail now, not per connection, on unknown protocols or suites
        if (settings.role() == TlsSettings.Role.SERVER) {
            c.serverEngine();
        } else {
            c.clientEngine("localhost", 443);
        }
        return c;
    }

    private KeyManager[] keyManagers(TlsSettings settings) {
        if (settings.certificateChainPem().isEmpty()) {
            return null;
        }
        List<X509Certificate> chain = x509.certificates(settings.certificateChainPem().get());
        KeyElements key = x509.privateKey(settings.privateKeyPem().orElseThrow());
        try {
            JcaX509.requireMatch(key, x509.publicKey(chain.get(0)), "TLS certificate " + chain.get(0).getSubjectX500Principal());
            KeyStore ks = KeyStore.getInstance("PKCS12", Jdk.provider(Jdk.SUN));
            ks.load(null, null);
            ks.setKeyEntry(KEY_ALIAS, JdkKeys.privateKey(key), IN_MEMORY, chain.toArray(new X509Certificate[0]));
            // SunX509 unwraps the key once at init; NewSunX509 unwraps it from the store on every handshake
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509", Jdk.provider(Jdk.SUN_JSSE));
            kmf.init(ks, IN_MEMORY);
            return signingOnOpenSsl(kmf.getKeyManagers(), key);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new CryptoException("TLS key material: " + e.getMessage(), e);
        } finally {
            key.destroy();
        }
    }

    /**
     * The key managers handing out a key that {@link OpenSslSignatures} signs with, where
     * OpenSSL holds a copy of the key; as they are otherwise.
     */
    private KeyManager[] signingOnOpenSsl(KeyManager[] managers, KeyElements key) {
        PrivateKey ours = OpenSslPrivateKey.of(key);
        if (ours == null) {
            return managers;
        }
        signatures.ensureAdded();
        KeyManager[] out = managers.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof X509ExtendedKeyManager real) {
                out[i] = new OpenSslKeyManager(real, KEY_ALIAS, ours);
            }
        }
        return out;
    }

    private TrustManager[] trustManagers(TlsSettings settings) {
        if (settings.role() == TlsSettings.Role.CLIENT && !settings.verifyPeer()) {
            return new TrustManager[] {new TrustEverything()};
        }
        if (settings.role() == TlsSettings.Role.SERVER
                && settings.clientAuthentication() == TlsSettings.ClientAuthentication.NONE
                && settings.trustAnchorsPem().isEmpty()) {
            // a server that asks for no client certificate judges none: loading the JDK's
            // whole trust store for it would cost every context build (and certificate reload)
            return new TrustManager[] {new TrustNobody()};
        }
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX", Jdk.provider(Jdk.SUN_JSSE));
            if (settings.trustAnchorsPem().isPresent()) {
                KeyStore ks = KeyStore.getInstance("PKCS12", Jdk.provider(Jdk.SUN));
                ks.load(null, null);
                int i = 0;
                for (X509Certificate c : x509.certificates(settings.trustAnchorsPem().get())) {
                    ks.setCertificateEntry("anchor-" + i++, c);
                }
                tmf.init(ks);
            } else {
                tmf.init((KeyStore) null);
            }
            return relaxed(settings, tmf.getTrustManagers());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new CryptoException("TLS trust anchors: " + e.getMessage(), e);
        }
    }

    /** A client's PKIX trust manager wrapped for its self-signed/expired relaxations, if it has any. */
    private static TrustManager[] relaxed(TlsSettings settings, TrustManager[] managers) {
        java.util.Set<TlsSettings.PeerRelaxation> r = settings.peerRelaxations();
        if (settings.role() != TlsSettings.Role.CLIENT
                || !(r.contains(TlsSettings.PeerRelaxation.SELF_SIGNED) || r.contains(TlsSettings.PeerRelaxation.EXPIRED))) {
            return managers;
        }
        for (int i = 0; i < managers.length; i++) {
            if (managers[i] instanceof X509ExtendedTrustManager real) {
                TrustManager[] out = managers.clone();
                out[i] = new RelaxedServerTrust(real, r, java.time.Clock.systemUTC(), Jdk.provider(Jdk.SUN));
                return out;
            }
        }
        throw new CryptoException("TLS (SunJSSE): the PKIX trust manager factory gave no X509ExtendedTrustManager to relax");
    }

    /** A configured SunJSSE context. */
    private static final class Context implements TlsContext {
        private final SSLContext ctx;
        private final TlsSettings settings;

        Context(SSLContext ctx, TlsSettings settings) {
            this.ctx = ctx;
            this.settings = settings;
        }

        @Override
        public TlsSettings settings() {
            return settings;
        }

        @Override
        public SSLEngine serverEngine() {
            SSLEngine e = ctx.createSSLEngine();
            e.setUseClientMode(false);
            SSLParameters p = common(e);
            switch (settings.clientAuthentication()) {
                case REQUIRED:
                    p.setNeedClientAuth(true);
                    break;
                case REQUESTED:
                    p.setWantClientAuth(true);
                    break;
                default:
                    break;
            }
            apply(e, p);
            return e;
        }

        @Override
        public SSLEngine clientEngine(String peerHost, int peerPort) {
            SSLEngine e = ctx.createSSLEngine(peerHost, peerPort);
            e.setUseClientMode(true);
            SSLParameters p = common(e);
            if (settings.verifyPeer() && !settings.peerRelaxations().contains(TlsSettings.PeerRelaxation.SKIP_HOSTNAME_CHECK)) {
                p.setEndpointIdentificationAlgorithm("HTTPS");
            }
            if (peerHost != null && HostnameMatcher.ipLiteral(peerHost) == null) {
                p.setServerNames(List.of(new SNIHostName(peerHost)));
            }
            apply(e, p);
            return e;
        }

        private SSLParameters common(SSLEngine e) {
            SSLParameters p = e.getSSLParameters();
            p.setProtocols(settings.protocols().toArray(new String[0]));
            if (!settings.cipherSuites().isEmpty()) {
                p.setCipherSuites(settings.cipherSuites().toArray(new String[0]));
            }
            if (!settings.applicationProtocols().isEmpty()) {
                p.setApplicationProtocols(settings.applicationProtocols().toArray(new String[0]));
            }
            return p;
        }

        private void apply(SSLEngine e, SSLParameters p) {
            if (!settings.namedGroups().isEmpty() && SET_NAMED_GROUPS != null) {
                try {
                    SET_NAMED_GROUPS.invoke(p, (Object) settings.namedGroups().toArray(new String[0]));
                } catch (ReflectiveOperationException ex) {
                    throw new BadParameterException("TLS named groups " + settings.namedGroups() + ": " + ex.getMessage(), ex);
                }
            }
            try {
                e.setSSLParameters(p);
            } catch (IllegalArgumentException ex) {
                throw new BadParameterException("TLS: " + ex.getMessage(), ex);
            }
            List<String> enabled = List.of(e.getEnabledProtocols());
            if (enabled.isEmpty() || (p.getCipherSuites().length > 0 && e.getEnabledCipherSuites().length == 0)) {
                throw new BadParameterException("TLS: none of the configured protocols " + List.of(p.getProtocols())
                        + " or cipher suites is supported by SunJSSE");
            }
        }
    }

    /** For servers that never ask for client certificates: nothing to trust. */
    private static final class TrustNobody extends X509ExtendedTrustManager {
        private static java.security.cert.CertificateException refused() {
            return new java.security.cert.CertificateException("this TLS server does not accept client certificates");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            throw refused();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            throw refused();
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws java.security.cert.CertificateException {
            throw refused();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws java.security.cert.CertificateException {
            throw refused();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws java.security.cert.CertificateException {
            throw refused();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws java.security.cert.CertificateException {
            throw refused();
        }
    }

    /** For clients told not to verify at all (lws {@code LCCSCF_ALLOW_INSECURE}): accepts any server. */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a client-side trust manager does not judge clients");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // verification switched off by TlsSettings.verifyPeer(false)
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // verification switched off by TlsSettings.verifyPeer(false)
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // verification switched off by TlsSettings.verifyPeer(false)
        }
    }
}
