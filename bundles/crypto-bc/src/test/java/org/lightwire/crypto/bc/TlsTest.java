package org.lightwire.crypto.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.CertificateTemplate;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.TlsContext;
import org.lightwire.api.crypto.TlsSettings;

/** BCJSSE engines from the backend's TLS factory, handshaking with each other in memory and with SunJSSE. */
class TlsTest {

    private static final BcCryptoBackend BC = new BcCryptoBackend();
    private static final KeyElements CA_KEY = BC.ec().generate(EcCurve.P_256);
    private static final X509Certificate CA = BC.x509().selfSigned(CertificateTemplate.builder("CN=TLS Test CA")
            .certificateAuthority(true).build(), CA_KEY);
    private static final KeyElements SERVER_KEY = BC.ec().generate(EcCurve.P_256);
    private static final X509Certificate SERVER = BC.x509().issue(CertificateTemplate.builder("CN=localhost")
            .dnsName("localhost").build(), SERVER_KEY.publicKey(), CA, CA_KEY);

    private static byte[] pem(X509Certificate... certs) throws Exception {
        StringBuilder b = new StringBuilder();
        for (X509Certificate c : certs) {
            b.append(BC.x509().pem("CERTIFICATE", c.getEncoded()));
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] keyPem(KeyElements key) {
        return BC.x509().pem("PRIVATE KEY", BC.x509().encodePrivateKey(key)).getBytes(StandardCharsets.US_ASCII);
    }

    private static TlsContext server(TlsSettings.ClientAuthentication auth) throws Exception {
        return BC.tls().create(TlsSettings.server(pem(SERVER, CA), keyPem(SERVER_KEY)).applicationProtocols(List.of("h2", "http/1.1"))
                .clientAuthentication(auth).trustAnchorsPem(pem(CA)).build());
    }

    /** Runs both engines until neither has handshake work left; throws what an engine throws. */
    static void handshake(SSLEngine client, SSLEngine server) throws SSLException {
        ByteBuffer c2s = ByteBuffer.allocate(1 << 16);
        ByteBuffer s2c = ByteBuffer.allocate(1 << 16);
        ByteBuffer app = ByteBuffer.allocate(1 << 16);
        ByteBuffer empty = ByteBuffer.allocate(0);
        client.beginHandshake();
        server.beginHandshake();
        for (int i = 0; i < 100; i++) {
            client.wrap(empty, c2s);
            c2s.flip();
            server.unwrap(c2s, app);
            c2s.compact();
            runTasks(server);
            server.wrap(empty, s2c);
            s2c.flip();
            client.unwrap(s2c, app);
            s2c.compact();
            runTasks(client);
            if (client.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING
                    && server.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING) {
                return;
            }
        }
        throw new AssertionError("handshake did not finish");
    }

    private static void runTasks(SSLEngine e) {
        Runnable r;
        while ((r = e.getDelegatedTask()) != null) {
            r.run();
        }
    }

    @Test
    void verifiedHandshakeWithAlpnAndSni() throws Exception {
        TlsContext client = BC.tls().create(TlsSettings.client().trustAnchorsPem(pem(CA))
                .applicationProtocols(List.of("http/1.1")).build());
        SSLEngine c = client.clientEngine("localhost", 443);
        SSLEngine s = server(TlsSettings.ClientAuthentication.NONE).serverEngine();
        handshake(c, s);
        assertEquals("http/1.1", c.getApplicationProtocol());
        assertTrue(c.getSession().getProtocol().startsWith("TLSv1."));
        assertEquals(SERVER, c.getSession().getPeerCertificates()[0]);
        assertTrue(c.getClass().getName().startsWith("org.bouncycastle.jsse"), c.getClass().getName());
    }

    @Test
    void wrongHostnameFailsTheHandshake() throws Exception {
        TlsContext client = BC.tls().create(TlsSettings.client().trustAnchorsPem(pem(CA)).build());
        SSLEngine c = client.clientEngine("otherhost", 443);
        SSLException e = assertThrows(SSLException.class, () -> handshake(c, server(TlsSettings.ClientAuthentication.NONE).serverEngine()));
        assertTrue(e.getMessage().contains("certificate_unknown"), e.getMessage());
    }

    @Test
    void untrustedServerFailsUnlessVerificationIsOff() throws Exception {
        KeyElements otherCaKey = BC.ec().generate(EcCurve.P_256);
        X509Certificate otherCa = BC.x509().selfSigned(CertificateTemplate.builder("CN=Other").certificateAuthority(true).build(),
                otherCaKey);
        TlsContext strict = BC.tls().create(TlsSettings.client().trustAnchorsPem(pem(otherCa)).build());
        SSLException e = assertThrows(SSLException.class, () -> handshake(strict.clientEngine("localhost", 443),
                server(TlsSettings.ClientAuthentication.NONE).serverEngine()));
        assertTrue(e.getMessage().contains("certificate_unknown"), e.getMessage());
        TlsContext lax = BC.tls().create(TlsSettings.client().verifyPeer(false).build());
        handshake(lax.clientEngine("localhost", 443), server(TlsSettings.ClientAuthentication.NONE).serverEngine());
    }

    @Test
    void requiredClientCertificate() throws Exception {
        KeyElements clientKey = BC.ec().generate(EcCurve.P_384);
        X509Certificate clientCert = BC.x509().issue(CertificateTemplate.builder("CN=client").build(), clientKey.publicKey(), CA, CA_KEY);
        TlsContext withCert = BC.tls().create(TlsSettings.client().trustAnchorsPem(pem(CA))
                .clientCertificate(pem(clientCert), keyPem(clientKey)).build());
        SSLEngine s = server(TlsSettings.ClientAuthentication.REQUIRED).serverEngine();
        handshake(withCert.clientEngine("localhost", 443), s);
        assertEquals(clientCert, s.getSession().getPeerCertificates()[0]);
        TlsContext without = BC.tls().create(TlsSettings.client().trustAnchorsPem(pem(CA)).build());
        assertThrows(SSLException.class, () -> handshake(without.clientEngine("localhost", 443),
                server(TlsSettings.ClientAuthentication.REQUIRED).serverEngine()));
    }

    @Test
    void interoperatesWithSunJsse() throws Exception {
        javax.net.ssl.SSLContext jdk = javax.net.ssl.SSLContext.getInstance("TLS");
        java.security.KeyStore ts = java.security.KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("ca", CA);
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        tmf.init(ts);
        jdk.init(null, tmf.getTrustManagers(), null);
        SSLEngine c = jdk.createSSLEngine("localhost", 443);
        c.setUseClientMode(true);
        handshake(c, server(TlsSettings.ClientAuthentication.NONE).serverEngine());
        assertTrue(c.getSession().getCipherSuite().startsWith("TLS_"));
    }

    @Test
    void mismatchedKeyAndUnknownNamesAreRefusedUpFront() throws Exception {
        KeyElements stranger = BC.ec().generate(EcCurve.P_256);
        assertThrows(BadKeyException.class, () -> BC.tls().create(TlsSettings.server(pem(SERVER), keyPem(stranger)).build()));
        assertThrows(BadParameterException.class, () -> BC.tls().create(TlsSettings.server(pem(SERVER), keyPem(SERVER_KEY))
                .protocols(List.of("SSLv2")).build()));
        assertThrows(BadParameterException.class, () -> BC.tls().create(TlsSettings.server(pem(SERVER), keyPem(SERVER_KEY))
                .cipherSuites(List.of("TLS_NOT_A_SUITE")).build()));
    }
}
