package org.lightwire.crypto.bc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;
import org.lightwire.api.crypto.CertificateTemplate;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.TlsContext;
import org.lightwire.api.crypto.TlsSettings;

/**
 * The one thing about TLS that is this backend's own: its engines are BCJSSE's, not the
 * platform's SunJSSE (the handshakes themselves run over every backend in
 * it/crypto-conformance's TlsConformanceTest).
 */
class TlsTest {

    private static final BcCryptoBackend BC = new BcCryptoBackend();

    private static void assertBcjsse(SSLEngine engine) {
        assertTrue(engine.getClass().getName().startsWith("org.bouncycastle.jsse"), engine.getClass().getName());
    }

    @Test
    void serverAndClientEnginesAreBcjsse() throws Exception {
        KeyElements key = BC.ec().generate(EcCurve.P_256);
        X509Certificate cert = BC.x509().selfSigned(CertificateTemplate.builder("CN=localhost").dnsName("localhost").build(), key);
        byte[] certPem = BC.x509().pem("CERTIFICATE", cert.getEncoded()).getBytes(StandardCharsets.US_ASCII);
        byte[] keyPem = BC.x509().pem("PRIVATE KEY", BC.x509().encodePrivateKey(key)).getBytes(StandardCharsets.US_ASCII);
        TlsContext server = BC.tls().create(TlsSettings.server(certPem, keyPem).build());
        TlsContext client = BC.tls().create(TlsSettings.client().trustAnchorsPem(certPem).build());
        assertBcjsse(server.serverEngine());
        assertBcjsse(client.clientEngine("localhost", 443));
    }
}
