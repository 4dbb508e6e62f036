package org.lightwire.it.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.CertificateTemplate;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.TlsContext;
import org.lightwire.api.crypto.TlsSettings;
import org.lightwire.api.crypto.TlsSettings.ClientAuthentication;

/**
 * The TLS context factory, through in-memory handshakes (no sockets): a server engine from
 * one backend and a client engine from another verify each other, agree ALPN, carry SNI and
 * exchange data; each backend refuses a wrong host name, an untrusted server (unless
 * verification is off) and a missing required client certificate, and refuses bad settings
 * when the context is built.
 */
class TlsConformanceTest {

    private static final byte[] HELLO = ascii("hello over TLS");

    static Stream<Arguments> pairs() {
        return Backends.pairs();
    }

    static Stream<CryptoBackend> backends() {
        return Backends.each();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] pem(CryptoBackend backend, X509Certificate... certs) {
        StringBuilder b = new StringBuilder();
        for (X509Certificate c : certs) {
            b.append(backend.x509().pem("CERTIFICATE", X509ConformanceTest.der(c)));
        }
        return ascii(b.toString());
    }

    private static byte[] keyPem(CryptoBackend backend, KeyElements key) {
        return ascii(backend.x509().pem("PRIVATE KEY", backend.x509().encodePrivateKey(key)));
    }

    private static X509ConformanceTest.Pki pki(CryptoBackend backend) {
        return X509ConformanceTest.Pki.make(backend, backend.ec().generate(EcCurve.P_256));
    }

    /** A server for "localhost" (leaf and CA), offering h2 and http/1.1, trusting the CA for client certificates. */
    private static TlsContext server(CryptoBackend backend, X509ConformanceTest.Pki pki, ClientAuthentication auth) {
        return backend.tls().create(TlsSettings.server(pem(backend, pki.leaf(), pki.ca()), keyPem(backend, pki.leafKey()))
                .applicationProtocols(List.of("h2", "http/1.1")).clientAuthentication(auth).trustAnchorsPem(pem(backend, pki.ca()))
                .build());
    }

    private static TlsContext clientTrusting(CryptoBackend backend, X509Certificate anchor) {
        return backend.tls().create(TlsSettings.client().trustAnchorsPem(pem(backend, anchor)).build());
    }

    /** Runs the handshake, expecting the client to refuse the server's certificate. */
    private static void assertClientRefusesTheCertificate(TlsContext client, String host, TlsContext server) {
        SSLException e = assertThrows(SSLException.class,
                () -> EngineLoop.exchange(client.clientEngine(host, 443), server.serverEngine(), HELLO));
        // a refusal of the certificate, not some other handshake failure (the alert text differs by JSSE)
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException) {
                return;
            }
        }
        throw new AssertionError("not a certificate refusal", e);
    }

    /**
     * The host names the client sends in SNI, as {@code server} sees them (BCJSSE's sessions do
     * not report them afterwards, so a matcher that accepts every name writes them down).
     */
    private static List<SNIServerName> recordServerNames(SSLEngine server) {
        List<SNIServerName> seen = new ArrayList<>();
        SSLParameters p = server.getSSLParameters();
        p.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
            @Override
            public boolean matches(SNIServerName name) {
                seen.add(name);
                return true;
            }
        }));
        server.setSSLParameters(p);
        return seen;
    }

    @ParameterizedTest(name = "server {0}, client {1}")
    @MethodSource("pairs")
    void verifiedHandshakeWithAlpnSniAndDataAcrossBackends(CryptoBackend serverSide, CryptoBackend clientSide) throws Exception {
        X509ConformanceTest.Pki pki = pki(serverSide);
        TlsContext client = clientSide.tls().create(TlsSettings.client().trustAnchorsPem(pem(serverSide, pki.ca()))
                .applicationProtocols(List.of("http/1.1")).build());
        SSLEngine s = server(serverSide, pki, ClientAuthentication.NONE).serverEngine();
        List<SNIServerName> sni = recordServerNames(s);
        SSLEngine c = client.clientEngine("localhost", 443);
        assertArrayEquals(HELLO, EngineLoop.exchange(c, s, HELLO));
        assertEquals("http/1.1", c.getApplicationProtocol());
        assertTrue(c.getSession().getProtocol().startsWith("TLSv1."), c.getSession().getProtocol());
        assertEquals(pki.leaf(), c.getSession().getPeerCertificates()[0]);
        assertEquals(List.of(new SNIHostName("localhost")), sni);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void wrongHostNameFailsTheHandshake(CryptoBackend backend) {
        X509ConformanceTest.Pki pki = pki(backend);
        assertClientRefusesTheCertificate(clientTrusting(backend, pki.ca()), "otherhost", server(backend, pki, ClientAuthentication.NONE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void untrustedServerFailsUnlessVerificationIsOff(CryptoBackend backend) throws Exception {
        X509ConformanceTest.Pki pki = pki(backend);
        X509ConformanceTest.Pki other = pki(backend);
        TlsContext server = server(backend, pki, ClientAuthentication.NONE);
        assertClientRefusesTheCertificate(clientTrusting(backend, other.ca()), "localhost", server);
        TlsContext lax = backend.tls().create(TlsSettings.client().verifyPeer(false).build());
        assertArrayEquals(HELLO, EngineLoop.exchange(lax.clientEngine("localhost", 443), server.serverEngine(), HELLO));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void requiredClientCertificate(CryptoBackend backend) throws Exception {
        X509ConformanceTest.Pki pki = pki(backend);
        KeyElements clientKey = backend.ec().generate(EcCurve.P_384);
        X509Certificate clientCert = backend.x509().issue(CertificateTemplate.builder("CN=client").build(), clientKey.publicKey(),
                pki.ca(), pki.caKey());
        TlsContext withCert = backend.tls().create(TlsSettings.client().trustAnchorsPem(pem(backend, pki.ca()))
                .clientCertificate(pem(backend, clientCert), keyPem(backend, clientKey)).build());
        TlsContext server = server(backend, pki, ClientAuthentication.REQUIRED);
        SSLEngine s = server.serverEngine();
        assertArrayEquals(HELLO, EngineLoop.exchange(withCert.clientEngine("localhost", 443), s, HELLO));
        assertEquals(clientCert, s.getSession().getPeerCertificates()[0]);
        TlsContext without = clientTrusting(backend, pki.ca());
        assertThrows(SSLException.class, () -> EngineLoop.exchange(without.clientEngine("localhost", 443), server.serverEngine(), HELLO));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void mismatchedKeyAndUnknownNamesAreRefusedUpFront(CryptoBackend backend) {
        X509ConformanceTest.Pki pki = pki(backend);
        byte[] cert = pem(backend, pki.leaf());
        byte[] key = keyPem(backend, pki.leafKey());
        byte[] wrongKey = keyPem(backend, backend.ec().generate(EcCurve.P_256));
        assertThrows(BadKeyException.class, () -> backend.tls().create(TlsSettings.server(cert, wrongKey).build()));
        assertThrows(BadParameterException.class,
                () -> backend.tls().create(TlsSettings.server(cert, key).protocols(List.of("SSLv2")).build()));
        assertThrows(BadParameterException.class,
                () -> backend.tls().create(TlsSettings.server(cert, key).cipherSuites(List.of("TLS_NOT_A_SUITE")).build()));
    }
}
