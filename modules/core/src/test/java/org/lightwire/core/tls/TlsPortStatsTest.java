package org.lightwire.core.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Options;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.TlsSettings;
import org.lightwire.api.Vhost;
import org.lightwire.api.VhostSettings;
import org.lightwire.api.VhostStats;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.probe.Loops;
import org.lightwire.core.probe.ProbeProtocol;
import org.lightwire.core.probe.ProbeRole;
import org.lightwire.core.probe.TcpPeer;
import org.lightwire.core.registry.FixedRegistry;
import org.lightwire.spi.Role;

/**
 * The vhost rx/tx counters on a TLS port count the bytes that never pass the wire's own
 * read and write: plain first bytes (allow-http-on-https, fallback-listen-accept, dropped),
 * a redirect-http request and its 301, each exactly once and on the port's first vhost;
 * a ClientHello is handshake and counts nowhere. Two vhosts share the port, so a byte
 * counted on the wrong one shows.
 */
class TlsPortStatsTest {

    @TempDir
    Path dir;

    private final ProbeProtocol protocol = new ProbeProtocol().echo();
    private final FixedRegistry registry = new FixedRegistry().add(Role.class, ProbeRole.withoutPing())
            .add(ProtocolProvider.class, protocol).add(CryptoBackend.class, new JdkTlsBackend());
    private Context context;
    private TestCerts.Issued ca;
    private int port;

    @BeforeEach
    void pki() throws Exception {
        ca = TestCerts.ca("stats test ca");
        TestCerts.writeLeaves(dir, ca, "a.test", "b.test");
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    /** a.test owns the port (its options rule plain bytes), b.test shares it. */
    private void start(TlsSettings.Builder ownerOptions) {
        context = new CoreContextFactory(registry).create(ContextSettings.builder()
                .vhost(tlsVhost("a.test", ownerOptions)).vhost(tlsVhost("b.test", TlsSettings.builder())).build());
    }

    private VhostSettings tlsVhost(String host, TlsSettings.Builder options) {
        TlsSettings tls = options.hostSslCert(dir.resolve(host + ".crt")).hostSslKey(dir.resolve(host + ".key")).build();
        return VhostSettings.builder(host).port(port).iface("127.0.0.1").listenAcceptRole(ProbeRole.NAME)
                .listenAcceptProtocol(ProbeProtocol.NAME).applyListenAccept(true)
                .protocol(ProbeProtocol.NAME, Options.EMPTY).tls(tls).build();
    }

    private Vhost vhost(String name) {
        return context.vhosts().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    private TcpPeer plainPeer() throws IOException {
        return TcpPeer.connect(new InetSocketAddress("127.0.0.1", port));
    }

    /**
     * rx and tx of {@code vhost} once the loops have run what they were given: the client
     * saw the outcome, so the loop counted before it; the drain orders our read after that.
     */
    private long[] traffic(String vhost) throws InterruptedException {
        Loops.drain(context);
        VhostStats s = vhost(vhost).stats();
        return new long[] {s.rxBytes(), s.txBytes()};
    }

    private void assertTraffic(String vhost, long rx, long tx) throws InterruptedException {
        long[] got = traffic(vhost);
        assertEquals(rx, got[0], vhost + " rx");
        assertEquals(tx, got[1], vhost + " tx");
    }

    @Test
    void plainFirstBytesServedWithAllowHttpOnHttpsCountOnce() throws Exception {
        start(TlsSettings.builder().allowHttpOnHttps(true));

        try (TcpPeer peer = plainPeer()) {
            assertEquals("plain hello", peer.roundTrip("plain hello")); // sniffed, then handed to the role
            assertEquals("more", peer.roundTrip("more")); // read by the wire itself
        }

        assertTraffic("a.test", 15, 15);
        assertTraffic("b.test", 0, 0);
    }

    @Test
    void plainFirstBytesRelayedByFallbackListenAcceptCount() throws Exception {
        start(TlsSettings.builder().fallbackListenAccept(true));

        try (TcpPeer peer = plainPeer()) {
            assertEquals("SSH-2.0-test", peer.roundTrip("SSH-2.0-test"));
        }

        assertTraffic("a.test", 12, 12);
        assertTraffic("b.test", 0, 0);
    }

    @Test
    void redirectHttpCountsTheWholeRequestReadAndThe301Sent() throws Exception {
        start(TlsSettings.builder().redirectHttp(true));
        String start = "GET /x HTTP/1.1\r\nHost: a.test\r\n";
        String end = "\r\n";

        byte[] response;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            s.setSoTimeout(5000);
            s.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
            awaitRx("a.test", start.length()); // the sniff has seen it: the rest is a second read
            s.getOutputStream().write(end.getBytes(StandardCharsets.US_ASCII));
            response = s.getInputStream().readAllBytes(); // the server closes after the 301
        }

        assertTrue(new String(response, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 301 "));
        assertTraffic("a.test", start.length() + end.length(), response.length);
        assertTraffic("b.test", 0, 0);
    }

    private void awaitRx(String vhost, long rx) throws InterruptedException {
        for (int i = 0; i < 200 && traffic(vhost)[0] != rx; i++) {
            Thread.sleep(10); // polling: nothing signals that the loop has read the bytes
        }
        assertEquals(rx, traffic(vhost)[0], vhost + " rx");
    }

    @Test
    void plainBytesDroppedOnAStrictTlsPortCountAsReceived() throws Exception {
        start(TlsSettings.builder());

        try (TcpPeer peer = plainPeer()) {
            peer.send("hello\r\n");
            assertTrue(peer.closedByServer());
        }

        assertTraffic("a.test", 7, 0);
    }

    @Test
    void tlsCountsTheDecryptedBytesButNotTheSniffedClientHello() throws Exception {
        start(TlsSettings.builder());

        String servedBy;
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            raw.setSoTimeout(5000);
            SSLSocket s = (SSLSocket) TestCerts.client(ca).getSocketFactory().createSocket(raw, "127.0.0.1", port, true);
            s.startHandshake();
            s.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
            assertEquals("ping", new String(s.getInputStream().readNBytes(4), StandardCharsets.US_ASCII));
            servedBy = protocol.awaitOpened().vhost().name();
        }

        long[] a = traffic("a.test");
        long[] b = traffic("b.test");
        assertEquals(4, a[0] + b[0], "rx: the 4 plaintext bytes, no handshake byte");
        assertEquals(4, a[1] + b[1], "tx: the 4 plaintext bytes");
        assertTraffic(servedBy, 4, 4);
    }
}
