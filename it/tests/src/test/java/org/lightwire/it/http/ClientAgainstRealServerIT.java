package org.lightwire.it.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.lightwire.api.Vhost;
import org.lightwire.api.VhostSettings;
import org.lightwire.api.http.HttpClientExchange;
import org.lightwire.api.http.HttpClientProtocol;
import org.lightwire.api.http.HttpClientSession;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.registry.FixedRegistry;
import org.lightwire.role.h1.H1Role;
import org.lightwire.role.h1.client.H1Client;
import org.lightwire.spi.Role;

/**
 * The Lightwire HTTP/1.1 client against a real server: libwebsockets 4.1.6's own test
 * server from Debian (package {@code libwebsockets-test-server}, installed by run-tests),
 * listening on 127.0.0.1. Pages fetched through an embedded context must equal the files
 * the server serves from its share directory, byte for byte, alone and pipelined on one
 * kept-alive connection.
 */
class ClientAgainstRealServerIT {

    private static final Path SERVER = Path.of("/usr/bin/libwebsockets-test-server");
    private static final Path PAGES = Path.of("/usr/share/libwebsockets-test-server");
    private static final String PROTOCOL = "it-http-fetch";

    private static Process server;
    private static int port;
    private static Context context;
    private static Vhost vhost;

    /** One fetch: what its session saw. */
    static final class Fetch {
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        final CountDownLatch done = new CountDownLatch(1);
        volatile int status;
        volatile String contentType;
        volatile long contentLength = -1;
        volatile SocketAddress local;
        volatile boolean complete;
        volatile Throwable failure;
        /** Pause reception after the first body bytes (to queue requests behind a response in flight). */
        volatile boolean pauseOnFirstBody;
        final CountDownLatch firstBody = new CountDownLatch(1);

        Fetch await() throws InterruptedException {
            if (!done.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("fetch did not end within 30 s");
            }
            assertNull(failure, () -> "fetch failed: " + failure);
            assertTrue(complete, "response complete");
            return this;
        }
    }

    /** A protocol that stores each response in the {@link Fetch} its request carries. */
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
                    f.contentType = x.responseHeaders().get("content-type").orElse(null);
                    f.contentLength = x.responseHeaders().get("content-length").map(Long::parseLong).orElse(-1L);
                    f.local = x.connection().localAddress().orElse(null);
                }

                @Override
                public void responseBody(HttpClientExchange x, ByteBuffer data) {
                    byte[] b = new byte[data.remaining()];
                    data.get(b);
                    synchronized (f) {
                        f.body.write(b, 0, b.length);
                    }
                    if (f.pauseOnFirstBody && f.firstBody.getCount() > 0) {
                        x.connection().rxFlowControl(false);
                    }
                    f.firstBody.countDown();
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
        assertTrue(Files.isExecutable(SERVER), SERVER + " is missing: install the Debian package"
                + " libwebsockets-test-server (./run-tests installs it)");
        assertTrue(Files.isRegularFile(PAGES.resolve("test.html")), PAGES + "/test.html is missing: the package"
                + " libwebsockets-test-server is incomplete");
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile("lws-test-server", ".log");
        // "-i lo" binds to the loopback interface only
        server = new ProcessBuilder(SERVER.toString(), "-p", String.valueOf(port), "-i", "lo")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitListening(log);
        context = new CoreContextFactory(new FixedRegistry().add(Role.class, new H1Role())
                .add(ProtocolProvider.class, new FetchProtocol()))
                .create(ContextSettings.builder().timeoutSecs(10)
                        .vhost(VhostSettings.builder("it-client").protocol(PROTOCOL, Options.EMPTY).build()).build());
        vhost = context.vhosts().get(0);
    }

    private static void awaitListening(Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("libwebsockets-test-server exited with " + server.exitValue() + ": "
                        + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50); // another process starting: poll its port
            }
        }
        throw new AssertionError("libwebsockets-test-server did not listen on 127.0.0.1:" + port + " within 10 s: "
                + Files.readString(log));
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

    private static ClientRequest.Builder get(String path, Fetch f) {
        return ClientRequest.builder("127.0.0.1", port).role("h1").protocol(PROTOCOL).method("GET").path(path).userData(f);
    }

    private static Fetch fetch(String path) throws InterruptedException {
        Fetch f = new Fetch();
        // Map.of(): straight to the loopback server whatever http_proxy the test machine has
        H1Client.connect(vhost, get(path, f).build(), Map.of());
        return f.await();
    }

    @Test
    void pagesEqualTheFilesOnDisk() throws Exception {
        for (String name : List.of("test.html", "test.css", "test.js", "lws-common.js", "favicon.ico", "http2.png",
                "libwebsockets.org-logo.svg", "leaf.jpg")) {
            Fetch f = fetch("/" + name);
            byte[] expected = Files.readAllBytes(PAGES.resolve(name));

            assertEquals(200, f.status, name);
            assertEquals(expected.length, f.contentLength, name + " content-length");
            assertArrayEquals(expected, f.body.toByteArray(), name + " bytes");
        }
    }

    @Test
    void rootServesTheTestPage() throws Exception {
        Fetch f = fetch("/");

        assertEquals(200, f.status);
        assertEquals("text/html", f.contentType);
        assertArrayEquals(Files.readAllBytes(PAGES.resolve("test.html")), f.body.toByteArray());
    }

    @Test
    void missingPageIs404() throws Exception {
        Fetch f = fetch("/no-such-file.html");

        assertEquals(404, f.status);
    }

    @Test
    void pipelinedRequestsShareOneKeptAliveConnection() throws Exception {
        List<String> names = List.of("leaf.jpg", "test.css", "test.js", "favicon.ico");
        List<Fetch> fetches = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            fetches.add(new Fetch());
        }
        // the first response is held mid-body while the others queue behind it
        Fetch first = fetches.get(0);
        first.pauseOnFirstBody = true;
        Connection carrier = H1Client.connect(vhost, get("/" + names.get(0), first).pipeline(true).build(), Map.of());
        assertTrue(first.firstBody.await(10, TimeUnit.SECONDS), "first body bytes");
        for (int i = 1; i < names.size(); i++) {
            H1Client.connect(vhost, get("/" + names.get(i), fetches.get(i)).pipeline(true).build(), Map.of());
        }
        CountDownLatch queued = new CountDownLatch(1);
        carrier.loop().execute(queued::countDown);
        assertTrue(queued.await(10, TimeUnit.SECONDS));
        carrier.loop().execute(() -> carrier.rxFlowControl(true));

        for (int i = 0; i < names.size(); i++) {
            Fetch f = fetches.get(i).await();
            assertEquals(200, f.status, names.get(i));
            assertArrayEquals(Files.readAllBytes(PAGES.resolve(names.get(i))), f.body.toByteArray(), names.get(i));
        }
        assertNotNull(first.local);
        assertEquals(List.of(first.local, first.local, first.local, first.local),
                fetches.stream().map(f -> f.local).toList(),
                "lws keeps HTTP/1.1 connections alive, so every queued request went over the first socket");
    }
}
