package org.lightwire.core.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLException;
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
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.TlsSettings;
import org.lightwire.api.VhostSettings;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.probe.ProbeProtocol;
import org.lightwire.core.probe.ProbeRole;
import org.lightwire.core.registry.FixedRegistry;
import org.lightwire.spi.Role;

/**
 * A client's TLS handshake failing in a way that may pass (the server resets the socket
 * mid-handshake) is one more attempt of the dial under the request's RetryPolicy, on a new
 * socket and engine, and so is a handshake that times out; a certificate the client does not trust fails at once, whatever the
 * policy conceals. The protocol hears one success or one connect failure, never a close.
 */
class ClientTlsRetryTest {

    private static final RetryPolicy TWO_QUICK_RETRIES = RetryPolicy.builder().retryMillis(20).concealCount(2).build();

    @TempDir
    Path dir;

    private final ProbeProtocol protocol = new ProbeProtocol();
    private final FixedRegistry registry = new FixedRegistry().add(Role.class, ProbeRole.withoutPing())
            .add(ProtocolProvider.class, protocol).add(CryptoBackend.class, new JdkTlsBackend());
    private Context context;
    private TestCerts.Issued ca;

    @BeforeEach
    void pki() throws Exception {
        ca = TestCerts.ca("retry test ca");
        Files.writeString(dir.resolve("ca.crt"), ca.certPem());
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    private Connection connect(ResettingTlsServer server) {
        return connect(server.port(), TlsSettings.builder());
    }

    private Connection connect(int port, TlsSettings.Builder client) {
        TlsSettings trustTestCa = client.enableClientSsl(true).clientSslCa(dir.resolve("ca.crt")).build();
        context = new CoreContextFactory(registry).create(ContextSettings.builder()
                .vhost(VhostSettings.builder("client").protocol(ProbeProtocol.NAME, Options.EMPTY).tls(trustTestCa).build())
                .build());
        return context.vhosts().get(0).connect(ClientRequest.builder("127.0.0.1", port).role(ProbeRole.NAME)
                .protocol(ProbeProtocol.NAME).tls(true).retryPolicy(TWO_QUICK_RETRIES).build());
    }

    @Test
    void aResetMidHandshakeIsRetriedAndTheSecondAttemptConnects() throws Exception {
        try (ResettingTlsServer server = new ResettingTlsServer(TestCerts.server(TestCerts.leaf("a.test", ca)), 1)) {
            Connection c = connect(server);

            assertEquals(c, protocol.awaitOpened());

            assertEquals(2, server.connections());
            assertEquals("CN=a.test", c.tls().orElseThrow().peerCertificates().get(0).getSubjectX500Principal().getName());
            assertEquals(List.of("opened"), protocol.events(), "one open, no close, no connect failure");
            assertTrue(c.isOpen());
        }
    }

    @Test
    void anUntrustedCertificateFailsAtOnceWhateverThePolicyConceals() throws Exception {
        TestCerts.Issued otherCa = TestCerts.ca("not trusted");
        try (ResettingTlsServer server = new ResettingTlsServer(TestCerts.server(TestCerts.leaf("a.test", otherCa)), 0)) {
            Connection c = connect(server);

            Throwable cause = protocol.awaitConnectFailed();

            assertTrue(cause instanceof SSLException, String.valueOf(cause));
            assertTrue(hasCertificateException(cause), "the certificate problem is named: " + cause);
            assertEquals(1, server.connections(), "exactly one attempt");
            assertEquals(List.of("connectFailed"), protocol.events());
            assertFalse(c.isOpen());
        }
    }

    private static boolean hasCertificateException(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }

    @Test
    void resetsSpendTheBudgetAndTheLastIsReportedOnce() throws Exception {
        try (ResettingTlsServer server = new ResettingTlsServer(TestCerts.server(TestCerts.leaf("a.test", ca)),
                Integer.MAX_VALUE)) {
            Connection c = connect(server);

            Throwable cause = protocol.awaitConnectFailed();

            assertTrue(cause instanceof IOException && !(cause instanceof SSLException), String.valueOf(cause));
            assertEquals(TWO_QUICK_RETRIES.concealCount() + 1, server.connections(), "first attempt plus every retry");
            assertEquals(List.of("connectFailed"), protocol.events());
            assertFalse(c.isOpen());
        }
    }

    @Test
    void aHandshakeTimeoutIsRetriedToo() throws Exception {
        List<Socket> silent = new CopyOnWriteArrayList<>();
        try (ServerSocket listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        silent.add(listener.accept()); // accepted, never answered
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            connect(listener.getLocalPort(), TlsSettings.builder().handshakeTimeoutSecs(1));

            Throwable cause = protocol.awaitConnectFailed();

            assertTrue(cause instanceof SocketTimeoutException, String.valueOf(cause));
            assertEquals(TWO_QUICK_RETRIES.concealCount() + 1, silent.size(), "each timeout was one attempt");
            assertEquals(List.of("connectFailed"), protocol.events());
        } finally {
            for (Socket s : silent) {
                s.close();
            }
        }
    }
}
