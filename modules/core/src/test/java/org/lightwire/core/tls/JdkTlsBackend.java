package org.lightwire.core.tls;

import java.io.ByteArrayInputStream;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.lightwire.api.crypto.Aead;
import org.lightwire.api.crypto.AesCipher;
import org.lightwire.api.crypto.AesParameters;
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
import org.lightwire.api.crypto.TlsContext;
import org.lightwire.api.crypto.TlsContextFactory;
import org.lightwire.api.crypto.TlsSettings;
import org.lightwire.api.crypto.X25519;
import org.lightwire.api.crypto.X509;

/**
 * A crypto backend for core's tests with TLS only, on plain JDK JSSE: the real backends
 * are bundles core must not depend on. PEM is read with the JDK (certificates, PKCS#8 EC
 * keys); the policy switches of {@link TlsSettings} are honoured as crypto-jca does.
 */
final class JdkTlsBackend implements CryptoBackend {

    @Override
    public String name() {
        return "test-jdk";
    }

    @Override
    public String description() {
        return "JDK JSSE for core tests";
    }

    @Override
    public int ranking() {
        return 1;
    }

    @Override
    public TlsContextFactory tls() {
        return JdkTlsBackend::create;
    }

    private static TlsContext create(TlsSettings s) {
        try {
            KeyManagerFactory kmf = null;
            if (s.certificateChainPem().isPresent()) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                List<X509Certificate> chain = certs(s.certificateChainPem().get());
                String pem = new String(s.privateKeyPem().orElseThrow());
                byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
                PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
                ks.setKeyEntry("k", key, "x".toCharArray(), chain.toArray(new X509Certificate[0]));
                kmf = KeyManagerFactory.getInstance("PKIX");
                kmf.init(ks, "x".toCharArray());
            }
            TrustManager[] tms;
            if (s.role() == TlsSettings.Role.CLIENT && !s.verifyPeer()) {
                tms = new TrustManager[] {new X509TrustManager() {
                    @Override
                    public void checkClientTrusted(X509Certificate[] c, String a) {
                    }

                    @Override
                    public void checkServerTrusted(X509Certificate[] c, String a) {
                    }

                    @Override
                    public X509Certificate[] getAcceptedIssuers() {
                        return new X509Certificate[0];
                    }
                }};
            } else {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
                if (s.trustAnchorsPem().isPresent()) {
                    KeyStore ks = KeyStore.getInstance("PKCS12");
                    ks.load(null, null);
                    int i = 0;
                    for (X509Certificate c : certs(s.trustAnchorsPem().get())) {
                        ks.setCertificateEntry("a" + i++, c);
                    }
                    tmf.init(ks);
                } else {
                    tmf.init((KeyStore) null);
                }
                tms = tmf.getTrustManagers();
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tms, new SecureRandom());
            return new TlsContext() {
                @Override
                public TlsSettings settings() {
                    return s;
                }

                @Override
                public SSLEngine serverEngine() {
                    SSLEngine e = ctx.createSSLEngine();
                    e.setUseClientMode(false);
                    SSLParameters p = e.getSSLParameters();
                    p.setProtocols(s.protocols().toArray(new String[0]));
                    p.setNeedClientAuth(s.clientAuthentication() == TlsSettings.ClientAuthentication.REQUIRED);
                    e.setSSLParameters(p);
                    return e;
                }

                @Override
                public SSLEngine clientEngine(String host, int port) {
                    SSLEngine e = ctx.createSSLEngine(host, port);
                    e.setUseClientMode(true);
                    SSLParameters p = e.getSSLParameters();
                    p.setProtocols(s.protocols().toArray(new String[0]));
                    if (s.verifyPeer()) {
                        p.setEndpointIdentificationAlgorithm("HTTPS");
                    }
                    if (!Character.isDigit(host.charAt(0))) {
                        p.setServerNames(List.of(new SNIHostName(host)));
                    }
                    e.setSSLParameters(p);
                    return e;
                }
            };
        } catch (Exception e) {
            throw new org.lightwire.api.crypto.CryptoException("test TLS: " + e, e);
        }
    }

    private static List<X509Certificate> certs(byte[] pem) throws Exception {
        return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem)).stream()
                .map(c -> (X509Certificate) (Certificate) c).toList();
    }

    private static UnsupportedOperationException none() {
        return new UnsupportedOperationException("the test backend does TLS only");
    }

    @Override
    public Hash hash(HashAlgorithm algorithm) {
        throw none();
    }

    @Override
    public Hmac hmac(HashAlgorithm algorithm, byte[] key) {
        throw none();
    }

    @Override
    public AesCipher aes(CipherDirection direction, byte[] key, AesParameters parameters) {
        throw none();
    }

    @Override
    public Rsa rsa() {
        throw none();
    }

    @Override
    public Ec ec() {
        throw none();
    }

    @Override
    public X25519 x25519() {
        throw none();
    }

    @Override
    public Ed25519 ed25519() {
        throw none();
    }

    @Override
    public StreamCipher chacha20(byte[] key, byte[] nonce, long initialCounter) {
        throw none();
    }

    @Override
    public Poly1305 poly1305(byte[] key) {
        throw none();
    }

    @Override
    public Aead chacha20Poly1305() {
        throw none();
    }

    @Override
    public SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Override
    public X509 x509() {
        throw none();
    }
}
