package org.lightwire.it.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
import org.lightwire.it.LauncherProcess;
import org.lightwire.role.h1.H1Role;
import org.lightwire.role.h1.client.H1Client;
import org.lightwire.spi.Role;

/**
 * The Lightwire https client (role h1 over the TLS layer) against real TLS servers, on both
 * crypto backends (crypto-bc from the test class path, crypto-jca from the assembled
 * distribution's bundles): {@code openssl s_server -WWW} serving a directory, one server per
 * certificate. (libwebsockets-test-server --ssl cannot serve here: OpenSSL 3 refuses its
 * bundled 1024-bit test key.)
 *
 * <p>Certificates: "localhost" from a test CA; from a stranger CA; self-signed "localhost";
 * self-signed "wrong.test"; and an expired "localhost" from a CA that was valid then (made
 * with {@code openssl ca -startdate/-enddate}: OpenSSL 3.0's {@code x509 -req} cannot set
 * past dates). The lws client flags are checked to accept exactly their one failure:
 * {@code ALLOW_SELF_SIGNED} (lws {@code LCCSCF_ALLOW_SELFSIGNED}) a self-signed certificate
 * still naming the host, {@code ALLOW_EXPIRED} a trusted chain that fails only on its dates,
 * {@code SKIP_HOSTNAME_CHECK} the name only, {@code ALLOW_INSECURE} anything.
 */
class HttpsClientIT {

    private static final Path PAGES = Path.of("/usr/share/libwebsockets-test-server");
    private static final String PROTOCOL = "it-https-fetch";

    private static final List<Process> SERVERS = new ArrayList<>();
    /** Server name (its certificate) to port. */
    private static final Map<String, Integer> PORTS = new HashMap<>();
    /** Backend name to the context running on it. */
    private static final Map<String, Context> CONTEXTS = new HashMap<>();
    private static URLClassLoader jcaLoader;

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
        Path dir = pki.dir();
        pki.server("srv", "localhost", "ca");
        pki.server("stranger-srv", "localhost", "stranger-ca");
        selfSigned(dir, "self", "localhost");
        selfSigned(dir, "self-wrong", "wrong.test");
        oldCaAndExpiredLeaf(dir);
        for (String name : List.of("srv", "stranger-srv", "self", "self-wrong", "expired")) {
            PORTS.put(name, startServer(pki.cert(name), pki.key(name)));
        }
        for (CryptoBackend backend : List.of(bc(), jca())) {
            CONTEXTS.put(backend.name(), new CoreContextFactory(new FixedRegistry().add(Role.class, new H1Role())
                    .add(ProtocolProvider.class, new FetchProtocol()).add(CryptoBackend.class, backend))
                    .create(ContextSettings.builder().timeoutSecs(10)
                            .vhost(VhostSettings.builder("default-trust").protocol(PROTOCOL, Options.EMPTY).build())
                            .vhost(VhostSettings.builder("trusts-ca").protocol(PROTOCOL, Options.EMPTY)
                                    .tls(TlsSettings.builder().enableClientSsl(true).clientSslCa(pki.cert("ca")).build()).build())
                            .vhost(VhostSettings.builder("trusts-old-ca").protocol(PROTOCOL, Options.EMPTY)
                                    .tls(TlsSettings.builder().enableClientSsl(true).clientSslCa(pki.cert("old-ca")).build()).build())
                            .build()));
        }
    }

    private static CryptoBackend bc() {
        return ServiceLoader.load(CryptoBackend.class).stream().map(ServiceLoader.Provider::get)
                .filter(b -> b.name().equals("bc")).findFirst()
                .orElseThrow(() -> new AssertionError("crypto-bc is not on the test class path"));
    }

    /** crypto-jca as the distribution ships it: its bundle jar on a class loader of its own. */
    private static CryptoBackend jca() throws IOException {
        Path bundles = LauncherProcess.DIST.resolve("bundles");
        Path jar;
        try (var list = Files.list(bundles)) {
            jar = list.filter(p -> p.getFileName().toString().startsWith("lightwire-crypto-jca-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no lightwire-crypto-jca jar in " + bundles.toAbsolutePath()
                            + ": build the distribution (mvn install -pl launcher)"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new AssertionError(bundles.toAbsolutePath() + " is missing: build the distribution (mvn install -pl launcher)", e);
        }
        jcaLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, HttpsClientIT.class.getClassLoader());
        return ServiceLoader.load(CryptoBackend.class, jcaLoader).stream().map(ServiceLoader.Provider::get)
                .filter(b -> b.name().equals("jca")).findFirst()
                .orElseThrow(() -> new AssertionError(jar + " provides no CryptoBackend named jca"));
    }

    /** A self-signed server certificate for {@code host} (its own issuer, signed by its own key). */
    private static void selfSigned(Path dir, String name, String host) throws Exception {
        TestPki.run(TestPki.OPENSSL, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", dir.resolve(name + ".key").toString(), "-out", dir.resolve(name + ".crt").toString(),
                "-days", "2", "-subj", "/CN=" + host, "-addext", "subjectAltName=DNS:" + host,
                "-addext", "basicConstraints=critical,CA:FALSE", "-addext", "extendedKeyUsage=serverAuth");
    }

    /**
     * "old-ca", valid since 2020, and "expired": its "localhost" certificate valid only in
     * January 2020. The CA's dates cover the leaf's, as a real long-lived CA's would.
     */
    private static void oldCaAndExpiredLeaf(Path dir) throws Exception {
        Path db = Files.createDirectories(dir.resolve("old-ca-db"));
        Files.writeString(db.resolve("index.txt"), "");
        Files.writeString(db.resolve("serial"), "1000\n");
        Path cnf = dir.resolve("old-ca.cnf");
        Files.writeString(cnf, """
                [ ca ]
                default_ca = old_ca
                [ old_ca ]
                database = %1$s/index.txt
                new_certs_dir = %1$s
                serial = %1$s/serial
                default_md = sha256
                policy = any_name
                unique_subject = no
                [ any_name ]
                commonName = supplied
                """.formatted(db));
        Path caExt = dir.resolve("old-ca.ext");
        Files.writeString(caExt, "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n"
                + "subjectKeyIdentifier=hash\n");
        Path leafExt = dir.resolve("expired.ext");
        Files.writeString(leafExt, "basicConstraints=CA:FALSE\nsubjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n");
        newKeyAndCsr(dir, "old-ca", "/CN=Lightwire test old-ca");
        TestPki.run(TestPki.OPENSSL, "ca", "-batch", "-config", cnf.toString(), "-selfsign", "-keyfile",
                dir.resolve("old-ca.key").toString(), "-in", dir.resolve("old-ca.csr").toString(), "-out",
                dir.resolve("old-ca.crt").toString(), "-startdate", "20200101000000Z", "-enddate", "20991231000000Z",
                "-extfile", caExt.toString(), "-notext");
        newKeyAndCsr(dir, "expired", "/CN=localhost");
        TestPki.run(TestPki.OPENSSL, "ca", "-batch", "-config", cnf.toString(), "-cert", dir.resolve("old-ca.crt").toString(),
                "-keyfile", dir.resolve("old-ca.key").toString(), "-in", dir.resolve("expired.csr").toString(), "-out",
                dir.resolve("expired.crt").toString(), "-startdate", "20200101000000Z", "-enddate", "20200201000000Z",
                "-extfile", leafExt.toString(), "-notext");
    }

    private static void newKeyAndCsr(Path dir, String name, String subject) throws Exception {
        TestPki.run(TestPki.OPENSSL, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", dir.resolve(name + ".key").toString(), "-out", dir.resolve(name + ".csr").toString(), "-subj", subject);
    }

    private static int startServer(Path cert, Path key) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile("openssl-s_server", ".log");
        // -WWW: "GET /file" answers the file under the working directory as HTTP/1.0, then closes
        Process server = new ProcessBuilder(TestPki.OPENSSL, "s_server", "-accept", "127.0.0.1:" + port, "-WWW", "-quiet",
                "-cert", cert.toString(), "-key", key.toString())
                .directory(PAGES.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SERVERS.add(server);
        awaitListening(server, port, log);
        return port;
    }

    private static void awaitListening(Process server, int port, Path log) throws Exception {
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
        for (Context c : CONTEXTS.values()) {
            c.close();
        }
        for (Process server : SERVERS) {
            server.destroy();
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        if (jcaLoader != null) {
            jcaLoader.close();
        }
    }

    private static Fetch fetch(String backend, String vhostName, ClientRequest.Builder request) throws InterruptedException {
        Fetch f = new Fetch();
        Context context = CONTEXTS.get(backend);
        Vhost vhost = context.vhosts().stream().filter(v -> v.name().equals(vhostName)).findFirst().orElseThrow();
        // Map.of(): straight to the loopback server whatever http_proxy the test machine has
        H1Client.connect(vhost, request.userData(f).build(), Map.of());
        return f.await();
    }

    private static ClientRequest.Builder get(String server, String host, String path, ClientRequest.TlsClientOption... options) {
        ClientRequest.Builder b = ClientRequest.builder(host, PORTS.get(server)).role("h1").protocol(PROTOCOL).method("GET")
                .path(path).tls(true);
        for (ClientRequest.TlsClientOption o : options) {
            b.tlsOption(o);
        }
        return b;
    }

    private static void assertRefused(Fetch f, String why) {
        if (f.failure == null) {
            fail("the server should have been refused (" + why + "), but the fetch ended with status " + f.status);
        }
        assertTrue(!f.complete, why);
    }

    private static void assertFetched(Fetch f, String page) throws IOException {
        assertEquals(null, f.failure);
        assertEquals(200, f.status);
        assertTrue(f.complete);
        assertArrayEquals(Files.readAllBytes(PAGES.resolve(page)), f.body.toByteArray());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bc", "jca"})
    void anUntrustedServerIsRefusedByDefault(String backend) throws Exception {
        assertRefused(fetch(backend, "default-trust", get("srv", "localhost", "/test.html")),
                "the JDK trust store does not hold the test CA");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bc", "jca"})
    void trustingTheCaAsClientSslCaFetchesPagesByteForByte(String backend) throws Exception {
        Fetch f = fetch(backend, "trusts-ca", get("srv", "localhost", "/test.html"));

        assertFetched(f, "test.html");
        assertTrue(f.tls != null && f.tls.startsWith("TLSv1."), String.valueOf(f.tls));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bc", "jca"})
    void aNameTheCertificateDoesNotCarryIsRefusedUnlessTheCheckIsSkipped(String backend) throws Exception {
        assertRefused(fetch(backend, "trusts-ca", get("srv", "localhost", "/test.html").hostHeader("not-localhost.test")),
                "DNS:localhost does not name not-localhost.test");

        Fetch skipped = fetch(backend, "trusts-ca", get("srv", "localhost", "/test.html",
                ClientRequest.TlsClientOption.SKIP_HOSTNAME_CHECK).hostHeader("not-localhost.test"));
        assertFetched(skipped, "test.html");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bc", "jca"})
    void allowInsecureAcceptsAnyServer(String backend) throws Exception {
        assertFetched(fetch(backend, "default-trust", get("srv", "localhost", "/leaf.jpg",
                ClientRequest.TlsClientOption.ALLOW_INSECURE)), "leaf.jpg");
        assertFetched(fetch(backend, "default-trust", get("self-wrong", "localhost", "/test.html",
                ClientRequest.TlsClientOption.ALLOW_INSECURE)), "test.html");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bc", "jca"})
    void aSelfSignedServerNamingTheHostIsAcceptedOnlyWithAllowSelfSigned(String backend) throws Exception {
        assertRefused(fetch(backend, "default-trust", get("self", "localhost", "/test.html")), "self-signed, by default");
        assertRefused(fetch(backend, "default-trust", get("self", "localhost", "/test.html",
                ClientRequest.TlsClientOption.ALLOW_EXPIRED)), "self-signed is not a date problem");

        assertFetched(fetch(backend, "default-trust", get("self", "localhost", "/test.html",
                ClientRequest.TlsClientOption.ALLOW_SELF_SIGNED)), "test.html");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bc", "jca"})
    void aSelfSignedServerWithAnotherNameNeedsTheHostnameCheckSkippedToo(String backend) throws Exception {
        assertRefused(fetch(backend, "default-trust", get("self-wrong", "localhost", "/test.html",
                ClientRequest.TlsClientOption.ALLOW_SELF_SIGNED)), "wrong.test does not name localhost");

        assertFetched(fetch(backend, "default-trust", get("self-wrong", "localhost", "/test.html",
                ClientRequest.TlsClientOption.ALLOW_SELF_SIGNED, ClientRequest.TlsClientOption.SKIP_HOSTNAME_CHECK)), "test.html");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bc", "jca"})
    void anExpiredCertificateFromATrustedCaIsAcceptedOnlyWithAllowExpired(String backend) throws Exception {
        assertRefused(fetch(backend, "trusts-old-ca", get("expired", "localhost", "/test.html")), "expired, by default");
        assertRefused(fetch(backend, "trusts-old-ca", get("expired", "localhost", "/test.html",
                ClientRequest.TlsClientOption.ALLOW_SELF_SIGNED)), "CA-issued, not self-signed");
        assertRefused(fetch(backend, "trusts-old-ca", get("expired", "localhost", "/test.html",
                ClientRequest.TlsClientOption.ALLOW_EXPIRED).hostHeader("not-localhost.test")), "the name is still checked");

        assertFetched(fetch(backend, "trusts-old-ca", get("expired", "localhost", "/test.html",
                ClientRequest.TlsClientOption.ALLOW_EXPIRED)), "test.html");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bc", "jca"})
    void aServerFromAnUntrustedCaStaysRefusedWithTheNarrowRelaxations(String backend) throws Exception {
        assertRefused(fetch(backend, "trusts-ca", get("stranger-srv", "localhost", "/test.html",
                ClientRequest.TlsClientOption.ALLOW_EXPIRED)), "the stranger CA is not trusted");
        assertRefused(fetch(backend, "trusts-ca", get("stranger-srv", "localhost", "/test.html",
                ClientRequest.TlsClientOption.ALLOW_SELF_SIGNED)), "CA-issued, not self-signed");
        assertRefused(fetch(backend, "trusts-ca", get("stranger-srv", "localhost", "/test.html",
                ClientRequest.TlsClientOption.ALLOW_SELF_SIGNED, ClientRequest.TlsClientOption.ALLOW_EXPIRED,
                ClientRequest.TlsClientOption.SKIP_HOSTNAME_CHECK)), "no relaxation but ALLOW_INSECURE trusts a stranger");
    }
}
