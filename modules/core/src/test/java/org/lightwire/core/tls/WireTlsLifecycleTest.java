package org.lightwire.core.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.Connection;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Options;
import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.TlsSettings;
import org.lightwire.api.Vhost;
import org.lightwire.api.VhostSettings;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.raw.RawProtocol;
import org.lightwire.api.raw.RawSession;
import org.lightwire.api.tls.TlsInfo;
import org.lightwire.api.tls.TlsObserver;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.probe.ProbeRole;
import org.lightwire.core.registry.FixedRegistry;
import org.lightwire.spi.Role;

/**
 * The server certificate's life on disk (reload when the files change, starting without
 * one under ignore-missing-cert), the protocol's TLS events and veto, and plain bytes on
 * a TLS port with allow-http-on-https.
 */
class WireTlsLifecycleTest {

    static final String NAME = "observer";

    @TempDir
    Path dir;

    /** An echo protocol that observes TLS and vetoes sessions whose SNI is "veto.test". */
    static final class Observer implements ProtocolProvider, RawProtocol, TlsObserver {
        final List<String> events = new CopyOnWriteArrayList<>();
        volatile Connection paused;

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Protocol create(Vhost vhost, Options options) {
            return this;
        }

        @Override
        public RawSession newSession(Connection connection) {
            return (c, data) -> {
                byte[] copy = new byte[data.remaining()];
                data.get(copy);
                String text = new String(copy, StandardCharsets.US_ASCII);
                events.add("rx " + text);
                if (text.contains("pause")) {
                    c.rxFlowControl(false);
                    paused = c;
                }
            };
        }

        @Override
        public boolean tlsHandshakeDone(Connection connection, TlsInfo info) {
            events.add("handshake " + info.serverName().orElse("-"));
            return !info.serverName().orElse("").equals("veto.test");
        }

        @Override
        public void tlsAlert(Connection connection, String description) {
            events.add("alert " + description);
        }
    }

    private final Observer observer = new Observer();
    private final FixedRegistry registry = new FixedRegistry().add(Role.class, ProbeRole.withoutPing())
            .add(ProtocolProvider.class, observer).add(CryptoBackend.class, new JdkTlsBackend());
    private Context context;
    private TestCerts.Issued ca;
    private int port;

    @BeforeEach
    void pki() throws Exception {
        ca = TestCerts.ca("lifecycle ca");
        TestCerts.writeLeaves(dir, ca, "one.test", "two.test");
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

    private void start(TlsSettings.Builder tls) {
        TlsSettings t = tls.hostSslCert(dir.resolve("live.crt")).hostSslKey(dir.resolve("live.key")).build();
        context = new CoreContextFactory(registry).create(ContextSettings.builder()
                .vhost(VhostSettings.builder("live").port(port).iface("127.0.0.1").listenAcceptRole(ProbeRole.NAME)
                        .listenAcceptProtocol(NAME).applyListenAccept(true).protocol(NAME, Options.EMPTY).tls(t).build())
                .build());
    }

    private void install(String host) throws IOException {
        // written beside and moved in, as a certificate renewal does
        Path crt = Files.copy(dir.resolve(host + ".crt"), dir.resolve("next.crt"), StandardCopyOption.REPLACE_EXISTING);
        Path key = Files.copy(dir.resolve(host + ".key"), dir.resolve("next.key"), StandardCopyOption.REPLACE_EXISTING);
        Files.move(key, dir.resolve("live.key"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.move(crt, dir.resolve("live.crt"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The CN the server presents, or null if the handshake failed. */
    private String presented(String sni) {
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            raw.setSoTimeout(5000);
            SSLSocket s = (SSLSocket) TestCerts.client(ca).getSocketFactory().createSocket(raw, "127.0.0.1", port, true);
            SSLParameters p = s.getSSLParameters();
            p.setServerNames(List.of(new SNIHostName(sni)));
            s.setSSLParameters(p);
            s.startHandshake();
            return ((X509Certificate) s.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
        } catch (Exception e) {
            return null;
        }
    }

    /** Polls handshakes until the server presents {@code cn} (the file check runs at most once a second). */
    private void awaitPresented(String cn) throws InterruptedException {
        String last = null;
        for (int i = 0; i < 100; i++) {
            last = presented("x.test");
            if (cn.equals(last)) {
                return;
            }
            Thread.sleep(100); // polling: the reload is noticed by a later handshake, not signalled
        }
        throw new AssertionError("server kept presenting " + last + ", expected " + cn);
    }

    @Test
    void newHandshakesUseTheCertificateWrittenOverTheOldOne() throws Exception {
        install("one.test");
        start(TlsSettings.builder());
        assertEquals("CN=one.test", presented("x.test"));

        install("two.test");

        awaitPresented("CN=two.test");
    }

    @Test
    void ignoreMissingCertStartsWithoutOneAndServesOnceItAppears() throws Exception {
        start(TlsSettings.builder().ignoreMissingCert(true));
        assertEquals(null, presented("x.test"), "no certificate yet: the handshake is refused");

        install("one.test");

        awaitPresented("CN=one.test");
    }

    @Test
    void theProtocolHearsTheHandshakeAndMayVetoIt() throws Exception {
        install("one.test");
        start(TlsSettings.builder());

        assertEquals("CN=one.test", presented("ok.test"));
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            raw.setSoTimeout(5000);
            SSLSocket s = (SSLSocket) TestCerts.client(ca).getSocketFactory().createSocket(raw, "127.0.0.1", port, true);
            SSLParameters p = s.getSSLParameters();
            p.setServerNames(List.of(new SNIHostName("veto.test")));
            s.setSSLParameters(p);
            s.startHandshake(); // TLS 1.3: the client is done before the server decides
            s.getOutputStream().write("after veto".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            try {
                assertEquals(-1, in.read());
            } catch (IOException closed) {
                // closed by the server: what is expected
            }
        }
        assertTrue(observer.events.contains("handshake ok.test"), observer.events::toString);
        assertTrue(observer.events.contains("handshake veto.test"), observer.events::toString);
        assertTrue(observer.events.stream().noneMatch(e -> e.startsWith("rx after veto")), observer.events::toString);
    }

    @Test
    void plainBytesAreServedWithAllowHttpOnHttps() throws Exception {
        install("one.test");
        start(TlsSettings.builder().allowHttpOnHttps(true));

        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            s.getOutputStream().write("plain hello".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            for (int i = 0; i < 100 && !observer.events.contains("rx plain hello"); i++) {
                Thread.sleep(50); // polling the loop thread's record of what it received
            }
        }
        assertTrue(observer.events.contains("rx plain hello"), observer.events::toString);
        assertEquals("CN=one.test", presented("x.test"), "and TLS on the same port");
    }

    @Test
    void rxFlowControlHoldsTlsInputUntilResumed() throws Exception {
        install("one.test");
        start(TlsSettings.builder());

        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            SSLSocket s = (SSLSocket) TestCerts.client(ca).getSocketFactory().createSocket(raw, "127.0.0.1", port, true);
            s.startHandshake();
            s.getOutputStream().write("pause".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            for (int i = 0; i < 100 && observer.paused == null; i++) {
                Thread.sleep(50); // polling the loop thread's record of what it received
            }
            Connection c = observer.paused;
            assertTrue(c != null, observer.events::toString);
            for (String part : new String[] {"a", "b", "c"}) {
                s.getOutputStream().write(part.getBytes(StandardCharsets.US_ASCII)); // one TLS record each
                s.getOutputStream().flush();
            }
            assertTrue(observer.events.stream().noneMatch(e -> e.startsWith("rx ") && !e.equals("rx pause")),
                    "nothing delivered while paused");

            c.loop().execute(() -> c.rxFlowControl(true));

            StringBuilder got = new StringBuilder();
            for (int i = 0; i < 100 && !got.toString().equals("abc"); i++) {
                Thread.sleep(50); // polling the loop thread's record of what it received
                got.setLength(0);
                observer.events.stream().filter(e -> e.startsWith("rx ") && !e.equals("rx pause"))
                        .forEach(e -> got.append(e.substring(3)));
            }
            assertEquals("abc", got.toString(), observer.events::toString);
        }
    }

    @Test
    void garbageOnTheTlsPortReachesTheObserverAsAnAlert() throws Exception {
        install("one.test");
        start(TlsSettings.builder());

        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            s.setSoTimeout(5000);
            s.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x00, 0x00});
            s.getOutputStream().flush();
            try {
                assertEquals(-1, s.getInputStream().read());
            } catch (IOException reset) {
                // dropped
            }
        }
        assertTrue(observer.events.stream().anyMatch(e -> e.startsWith("alert malformed ClientHello")), observer.events::toString);
    }
}
