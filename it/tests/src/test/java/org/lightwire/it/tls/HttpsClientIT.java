package org.lightwire.it.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lightwire.api.ClientRequest;
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
import org.lightwire.api.http.HttpClientExchange;
import org.lightwire.api.http.HttpClientProtocol;
import org.lightwire.api.http.HttpClientSession;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.registry.FixedRegistry;
import org.lightwire.role.h1.H1Role;
import org.lightwire.role.h1.client.H1Client;
import org.lightwire.spi.Role;

/**
 * The Lightwire https client (role h1 over the TLS layer, crypto-bc's BCJSSE) against a real
 * TLS server: {@code openssl s_server -WWW} serving a directory with a certificate for
 * "localhost" from a test CA. (libwebsockets-test-server --ssl cannot serve here: OpenSSL 3
 * refuses its bundled 1024-bit test key.) By default the server is refused (its CA is not in
 * the JDK trust store); trusting the CA as {@code client-ssl-ca} fetches pages byte for byte;
 * a name the certificate does not carry is refused unless the check is skipped; opting in to
 * unverified certificates works with the default trust.
 */
class HttpsClientIT {

    private static final Path PAGES = Path.of("/usr/share/libwebsockets-test-server");
    private static Path caCert;
    private static final String PROTOCOL = "it-https-fetch";

    private static Process server;
    private static int port;
    private static Context context;

    /** What one fetch's session saw. */
    static final class Fetch {
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        final CountDownLatch done = new CountDownLatch(1);
        volatile int status;
        volatile boolean complete;
        volatile Throwable failure;
        volatile String tls;

        Fetch await() throws InterruptedException {
            assertTrue(done.await(30, TimeUnit.SECONDS), "fetch did not end within 30 s");
            return this;
        }
    }

    static final class FetchProtocol implements ProtocolProvider {
        @Override
        public String name() {
            return PROTOCOL;
        }

        @Override
        public Protocol create(Vhost v, Options options) {
            return (HttpClientProtocol) connection -> new HttpClientSession() {
                private final Fetch f = (Fetch) connection.userData();

                @Override
                public void responseHeaders(HttpClientExchange x) {
                    f.status = x.status();
                    f.tls = x.connection().tls().map(t -> t.protocol() + " " + t.cipherSuite()).orElse(null);
                }

                @Override
                public void responseBody(HttpClientExchange x, ByteBuffer data) {
                    byte[] b = new byte[data.remaining()];
                    data.get(b);
                    synchronized (f) {
                        f.body.write(b, 0, b.length);
                    }
                }

                @Override
                public void responseComplete(HttpClientExchange x) {
                    f.complete = true;
                }

                @Override
                public void failed(Connection c, Throwable cause) {
                    f.failure = cause;
                    f.done.countDown();
                }

                @Override
                public void closed(Connection c) {
                    f.done.countDown();
                }
            };
        }
    }

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.isRegularFile(PAGES.resolve("test.html")), PAGES + "/test.html is missing: install the Debian"
                + " package libwebsockets-test-server (its pages are the content served)");
        TestPki pki = TestPki.create(Files.createTempDirectory("lightwire-https-client-it"));
        pki.server("srv", "localhost", "ca");
        caCert = pki.cert("ca");
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile("openssl-s_server", ".log");
        // -WWW: "GET /file" answers the file under the working directory as HTTP/1.0, then closes
        server = new ProcessBuilder(TestPki.OPENSSL, "s_server", "-accept", "127.0.0.1:" + port, "-WWW", "-quiet",
                "-cert", pki.cert("srv").toString(), "-key", pki.key("srv").toString())
                .directory(PAGES.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitListening(log);
        CryptoBackend bc = ServiceLoader.load(CryptoBackend.class).stream().map(ServiceLoader.Provider::get)
                .filter(b -> b.name().equals("bc")).findFirst()
                .orElseThrow(() -> new AssertionError("crypto-bc is not on the test class path"));
        context = new CoreContextFactory(new FixedRegistry().add(Role.class, new H1Role())
                .add(ProtocolProvider.class, new FetchProtocol()).add(CryptoBackend.class, bc))
                .create(ContextSettings.builder().timeoutSecs(10)
                        .vhost(VhostSettings.builder("default-trust").protocol(PROTOCOL, Options.EMPTY).build())
                        .vhost(VhostSettings.builder("trusts-lws").protocol(PROTOCOL, Options.EMPTY)
                                .tls(TlsSettings.builder().enableClientSsl(true).clientSslCa(caCert).build()).build())
                        .build());
    }

    private static void awaitListening(Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("openssl s_server exited with " + server.exitValue() + ": " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50); // another process starting: poll its port
            }
        }
        throw new AssertionError("openssl s_server did not listen within 10 s: " + Files.readString(log));
    }

    @AfterAll
    static void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        if (server != null) {
            server.destroy();
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static Fetch fetch(String vhostName, ClientRequest.Builder request) throws InterruptedException {
        Fetch f = new Fetch();
        Vhost vhost = context.vhosts().stream().filter(v -> v.name().equals(vhostName)).findFirst().orElseThrow();
        // Map.of(): straight to the loopback server whatever http_proxy the test machine has
        H1Client.connect(vhost, request.userData(f).build(), Map.of());
        return f.await();
    }

    private static ClientRequest.Builder get(String host, String path) {
        return ClientRequest.builder(host, port).role("h1").protocol(PROTOCOL).method("GET").path(path).tls(true);
    }

    @Test
    void anUntrustedServerIsRefusedByDefault() throws Exception {
        Fetch f = fetch("default-trust", get("localhost", "/test.html"));

        assertNotNull(f.failure, "the JDK trust store does not hold the test CA");
        assertTrue(!f.complete);
    }

    @Test
    void trustingTheCaAsClientSslCaFetchesPagesByteForByte() throws Exception {
        Fetch f = fetch("trusts-lws", get("localhost", "/test.html"));

        assertEquals(null, f.failure);
        assertEquals(200, f.status);
        assertTrue(f.complete);
        assertArrayEquals(Files.readAllBytes(PAGES.resolve("test.html")), f.body.toByteArray());
        assertTrue(f.tls != null && f.tls.startsWith("TLSv1."), String.valueOf(f.tls));
    }

    @Test
    void aNameTheCertificateDoesNotCarryIsRefusedUnlessTheCheckIsSkipped() throws Exception {
        Fetch wrong = fetch("trusts-lws", get("localhost", "/test.html").hostHeader("not-localhost.test"));
        assertNotNull(wrong.failure, "CN=localhost does not name not-localhost.test");

        Fetch skipped = fetch("trusts-lws", get("localhost", "/test.html").hostHeader("not-localhost.test")
                .tlsOption(ClientRequest.TlsClientOption.SKIP_HOSTNAME_CHECK));
        assertEquals(null, skipped.failure);
        assertEquals(200, skipped.status);
    }

    @Test
    void optingInToUnverifiedCertificatesFetchesWithTheDefaultTrust() throws Exception {
        Fetch f = fetch("default-trust", get("localhost", "/leaf.jpg")
                .tlsOption(ClientRequest.TlsClientOption.ALLOW_SELF_SIGNED));

        assertEquals(null, f.failure);
        assertEquals(200, f.status);
        assertArrayEquals(Files.readAllBytes(PAGES.resolve("leaf.jpg")), f.body.toByteArray());
    }
}
