package org.lightwire.core.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.ClientRequest;
import org.lightwire.api.Connection;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Options;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.TlsSettings;
import org.lightwire.api.Vhost;
import org.lightwire.api.VhostSettings;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.probe.ProbeProtocol;
import org.lightwire.core.probe.ProbeRole;
import org.lightwire.core.registry.FixedRegistry;
import org.lightwire.spi.Role;

/**
 * TLS on real sockets through the wire: SNI picks the vhost and certificate on a shared
 * port, the session reaches the connection, clients verify the server's chain and name by
 * default and relax only when asked, and a silent peer is dropped at the handshake timeout.
 */
class WireTlsTest {

    @TempDir
    Path dir;

    private final ProbeProtocol protocol = new ProbeProtocol().echo();
    private final FixedRegistry registry = new FixedRegistry().add(Role.class, ProbeRole.withoutPing())
            .add(ProtocolProvider.class, protocol).add(CryptoBackend.class, new JdkTlsBackend());
    private Context context;
    private TestCerts.Issued ca;

    @BeforeEach
    void pki() throws Exception {
        ca = TestCerts.ca("wire test ca");
        write("ca.crt", ca.certPem());
        TestCerts.writeLeaves(dir, ca, "a.test", "b.test", "client.test");
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private VhostSettings tlsVhost(String host, int port, TlsSettings.Builder extra) {
        TlsSettings tls = extra.hostSslCert(dir.resolve(host + ".crt")).hostSslKey(dir.resolve(host + ".key")).build();
        return VhostSettings.builder(host).port(port).iface("127.0.0.1").listenAcceptRole(ProbeRole.NAME)
                .listenAcceptProtocol(ProbeProtocol.NAME).applyListenAccept(true)
                .protocol(ProbeProtocol.NAME, Options.EMPTY).tls(tls).build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private SSLSocket tlsClient(int port, String sni) throws Exception {
        Socket raw = new Socket();
        raw.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        raw.setSoTimeout(5000);
        SSLSocket s = (SSLSocket) TestCerts.client(ca).getSocketFactory().createSocket(raw, "127.0.0.1", port, true);
        SSLParameters p = s.getSSLParameters();
        p.setServerNames(List.of(new SNIHostName(sni)));
        s.setSSLParameters(p);
        s.startHandshake();
        return s;
    }

    @Test
    void sniPicksTheVhostAndItsCertificateAndTheSessionReachesTheConnection() throws Exception {
        int port = freePort();
        context = new CoreContextFactory(registry).create(ContextSettings.builder()
                .vhost(tlsVhost("a.test", port, TlsSettings.builder()))
                .vhost(tlsVhost("b.test", port, TlsSettings.builder())).build());

        try (SSLSocket s = tlsClient(port, "b.test")) {
            X509Certificate presented = (X509Certificate) s.getSession().getPeerCertificates()[0];
            assertEquals("CN=b.test", presented.getSubjectX500Principal().getName());
            s.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
            assertEquals("ping", new String(s.getInputStream().readNBytes(4), StandardCharsets.US_ASCII));
            Connection c = protocol.awaitOpened();
            assertEquals("b.test", c.tls().orElseThrow().serverName().orElseThrow());
            assertTrue(c.tls().orElseThrow().protocol().startsWith("TLSv1."));
        }
        try (SSLSocket s = tlsClient(port, "www.a.test")) {
            X509Certificate presented = (X509Certificate) s.getSession().getPeerCertificates()[0];
            assertEquals("CN=a.test", presented.getSubjectX500Principal().getName());
        }
    }

    @Test
    void aSilentPeerIsDroppedAtTheHandshakeTimeout() throws Exception {
        int port = freePort();
        context = new CoreContextFactory(registry).create(ContextSettings.builder()
                .vhost(tlsVhost("a.test", port, TlsSettings.builder().handshakeTimeoutSecs(1))).build());

        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            try {
                assertEquals(-1, in.read(), "closed by the server");
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the silent peer was not dropped", e);
            } catch (IOException reset) {
                // a reset is a drop too
            }
        }
        assertEquals(0, protocol.count("opened"), "the protocol never saw the connection");
    }

    /** A client vhost (no listener) with the test CA as its client-ssl-ca, or the JDK trust store. */
    private Vhost clientVhost(int port, boolean trustTestCa) {
        TlsSettings.Builder client = TlsSettings.builder().enableClientSsl(true);
        if (trustTestCa) {
            client.clientSslCa(dir.resolve("ca.crt"));
        }
        context = new CoreContextFactory(registry).create(ContextSettings.builder()
                .vhost(tlsVhost("a.test", port, TlsSettings.builder()))
                .vhost(VhostSettings.builder("client").protocol(ProbeProtocol.NAME, Options.EMPTY).tls(client.build()).build())
                .build());
        return context.vhosts().stream().filter(v -> v.name().equals("client")).findFirst().orElseThrow();
    }

    private ClientRequest.Builder request(int port) {
        return ClientRequest.builder("127.0.0.1", port).role(ProbeRole.NAME).protocol(ProbeProtocol.NAME).tls(true);
    }

    @Test
    void aClientVerifiesTheServerAgainstItsCa() throws Exception {
        int port = freePort();
        Vhost client = clientVhost(port, true);

        Connection c = client.connect(request(port).build());

        assertEquals(c, awaitClientOpened());
        assertEquals("a.test", c.tls().orElseThrow().peerCertificates().get(0)
                .getSubjectX500Principal().getName().substring(3));
    }

    private Connection awaitClientOpened() throws InterruptedException {
        // the server side opens too (same protocol): return the client's
        Connection first = protocol.awaitOpened();
        if (first.isClient()) {
            return first;
        }
        return protocol.awaitOpened();
    }

    @Test
    void aNameTheCertificateDoesNotCarryFailsUnlessTheCheckIsSkipped() throws Exception {
        int port = freePort();
        Vhost client = clientVhost(port, true);

        client.connect(request(port).hostHeader("other.test").build());
        Throwable cause = protocol.awaitConnectFailed();
        assertTrue(String.valueOf(cause).toLowerCase().contains("other.test")
                || String.valueOf(cause).contains("No subject alternative"), String.valueOf(cause));

        Connection relaxed = client.connect(request(port).hostHeader("other.test")
                .tlsOption(ClientRequest.TlsClientOption.SKIP_HOSTNAME_CHECK).build());
        assertEquals(relaxed, awaitClientOpened());
    }

    @Test
    void aServerRequiringClientCertificatesAcceptsTheClientSslCertOnly() throws Exception {
        int port = freePort();
        TlsSettings.Builder mtls = TlsSettings.builder().clientCertRequired(true).hostSslCa(dir.resolve("ca.crt"));
        TlsSettings withCert = TlsSettings.builder().enableClientSsl(true).clientSslCa(dir.resolve("ca.crt"))
                .clientSslCert(dir.resolve("client.test.crt")).clientSslKey(dir.resolve("client.test.key")).build();
        TlsSettings withoutCert = TlsSettings.builder().enableClientSsl(true).clientSslCa(dir.resolve("ca.crt")).build();
        context = new CoreContextFactory(registry).create(ContextSettings.builder()
                .vhost(tlsVhost("a.test", port, mtls))
                .vhost(VhostSettings.builder("with").protocol(ProbeProtocol.NAME, Options.EMPTY).tls(withCert).build())
                .vhost(VhostSettings.builder("without").protocol(ProbeProtocol.NAME, Options.EMPTY).tls(withoutCert).build())
                .build());
        Vhost with = context.vhosts().get(1);
        Vhost without = context.vhosts().get(2);

        Connection ok = with.connect(request(port).build());
        assertEquals(ok, awaitClientOpened());
        Connection server = protocol.awaitOpened();
        assertEquals("CN=client.test", server.tls().orElseThrow().peerCertificates().get(0).getSubjectX500Principal().getName());

        without.connect(request(port).build());
        // TLS 1.3: the client finishes before the server refuses (opened, then closed by the alert);
        // TLS 1.2: the handshake fails (connect failed). Either way the server's protocol never sees it.
        for (int i = 0; i < 200 && protocol.count("closed") + protocol.count("connectFailed") == 0; i++) {
            Thread.sleep(25); // polling the loop thread's record of events
        }
        assertEquals(1, protocol.count("closed") + protocol.count("connectFailed"), protocol.events()::toString);
        assertTrue(protocol.count("opened") <= 3, "client with cert, its server side, and at most the refused client: "
                + protocol.events());
    }

    @Test
    void anUntrustedServerFailsUnlessVerificationIsOff() throws Exception {
        int port = freePort();
        Vhost client = clientVhost(port, false);

        client.connect(request(port).build());
        assertTrue(protocol.awaitConnectFailed() instanceof javax.net.ssl.SSLException);

        // ALLOW_SELF_SIGNED would not do: the server's chain is CA-issued (see VhostTlsClientOptionsTest)
        Connection relaxed = client.connect(request(port).tlsOption(ClientRequest.TlsClientOption.ALLOW_INSECURE).build());
        assertEquals(relaxed, awaitClientOpened());
        assertFalse(protocol.events().contains("closed"));
    }
}
