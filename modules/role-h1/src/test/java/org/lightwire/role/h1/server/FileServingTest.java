package org.lightwire.role.h1.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Mount;
import org.lightwire.api.VhostSettings;
import org.lightwire.core.embedded.EmbeddedConnection;

/** Files served end to end through modules/http's routes: headers first, then the body in writeable events. */
class FileServingTest {

    private static final String H = "Host: localhost\r\n";

    @TempDir
    Path root;
    private byte[] big;

    @BeforeEach
    void files() throws Exception {
        Files.writeString(root.resolve("index.html"), "<h1>home</h1>");
        big = new byte[300_000];
        new Random(7).nextBytes(big);
        Files.write(root.resolve("big.bin"), big);
        Files.createDirectories(root.resolve("dir"));
        Files.writeString(root.resolve("dir/index.html"), "in dir");
    }

    private ContextSettings settings(VhostSettings.Builder v) {
        return H1Server.settings(v.mount(Mount.builder("/", "file://" + root).extraMimetype(".bin", "application/octet-stream")
                .build()).build()).build();
    }

    private EmbeddedConnection connect() {
        return H1Server.connect(settings(VhostSettings.builder("localhost").header(
                new org.lightwire.api.Header("X-Content-Type-Options", "nosniff"))));
    }

    @Test
    void defaultDocumentWithContentTypeAndVhostHeaders() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("GET / HTTP/1.1\r\n" + H + "\r\n");
            Response r = Response.parseOne(c.readOutbound());
            assertEquals(200, r.status());
            assertEquals("<h1>home</h1>", r.bodyText());
            assertTrue(r.header("content-type").startsWith("text/html"));
            assertEquals("nosniff", r.header("x-content-type-options"), "vhost headers on every response");
            assertEquals("lw-test", r.header("server"));
        }
    }

    @Test
    void largeFileArrivesWholeAcrossPartialWrites() {
        try (EmbeddedConnection c = connect()) {
            c.limitOutbound(10_000);
            c.writeInbound("GET /big.bin HTTP/1.1\r\n" + H + "\r\n");
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            got.writeBytes(c.readOutbound());
            for (int i = 0; i < 100 && got.size() < big.length + 100; i++) {
                c.refillOutbound(10_000);
                got.writeBytes(c.readOutbound());
            }
            c.limitOutbound(Long.MAX_VALUE);
            c.refillOutbound(Long.MAX_VALUE);
            got.writeBytes(c.readOutbound());
            Response r = Response.parseOne(got.toByteArray());
            assertEquals(String.valueOf(big.length), r.header("content-length"));
            assertArrayEquals(big, r.body());
            assertTrue(c.isOpen());
        }
    }

    @Test
    void peerThatStopsReadingIsClosedAfterTimeoutSecs() {
        try (EmbeddedConnection c = connect()) {
            c.limitOutbound(1000);
            c.writeInbound("GET /big.bin HTTP/1.1\r\n" + H + "\r\n");
            c.readOutbound();
            c.advanceSeconds(4);
            assertTrue(c.isOpen());
            c.advanceSeconds(2);
            assertFalse(c.isOpen(), "no progress for timeout-secs 5");
        }
    }

    @Test
    void headSendsNoBody() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("HEAD /big.bin HTTP/1.1\r\n" + H + "\r\n" + "GET / HTTP/1.1\r\n" + H + "\r\n");
            var all = Response.parseAll(c.readOutbound(), true, false);
            assertEquals(String.valueOf(big.length), all.get(0).header("content-length"));
            assertEquals(0, all.get(0).body().length);
            assertEquals("<h1>home</h1>", all.get(1).bodyText());
        }
    }

    @Test
    void conditionalRequestGets304WithoutBody() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("GET / HTTP/1.1\r\n" + H + "\r\n");
            String etag = Response.parseOne(c.readOutbound()).header("etag");
            c.writeInbound("GET / HTTP/1.1\r\n" + H + "If-None-Match: " + etag + "\r\n\r\n" + "GET / HTTP/1.1\r\n" + H + "\r\n");
            var all = Response.parseAll(c.readOutbound());
            assertEquals(304, all.get(0).status());
            assertEquals(0, all.get(0).body().length);
            assertEquals(200, all.get(1).status());
        }
    }

    @Test
    void rangeRequestGets206() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("GET /big.bin HTTP/1.1\r\n" + H + "Range: bytes=10-19\r\n\r\n");
            Response r = Response.parseOne(c.readOutbound());
            assertEquals(206, r.status());
            assertEquals(10, r.body().length);
            assertArrayEquals(java.util.Arrays.copyOfRange(big, 10, 20), r.body());
        }
    }

    @Test
    void directoryWithoutSlashRedirects() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("GET /dir HTTP/1.1\r\n" + H + "\r\n");
            Response r = Response.parseOne(c.readOutbound());
            assertEquals(301, r.status());
            assertTrue(r.header("location").endsWith("/dir/"));
        }
    }

    @Test
    void missingFileIs404OrTheErrorDocument() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("GET /nope.html HTTP/1.1\r\n" + H + "\r\n");
            Response r = Response.parseOne(c.readOutbound());
            assertEquals(404, r.status());
            assertTrue(r.bodyText().contains("/error.css"));
            assertTrue(c.isOpen());
        }
        try (EmbeddedConnection c = H1Server.connect(settings(VhostSettings.builder("localhost").errorDocument404("/404.html")))) {
            c.writeInbound("GET /nope.html HTTP/1.1\r\n" + H + "\r\n");
            Response r = Response.parseOne(c.readOutbound());
            assertEquals(302, r.status());
            assertEquals("/404.html", r.header("location"));
        }
    }

    @Test
    void traversalNeverLeavesTheMount() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("GET /../../../../etc/passwd HTTP/1.1\r\n" + H + "\r\n"
                    + "GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\n" + H + "\r\n");
            for (Response r : Response.parseAll(c.readOutbound())) {
                assertTrue(r.status() >= 400, "status " + r.status());
                assertFalse(r.bodyText().contains("root:"));
            }
        }
    }

    @Test
    void postToAFileMountIs405AndTheSmallBodyIsDrained() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("POST / HTTP/1.1\r\n" + H + "Content-Length: 3\r\n\r\nabc" + "GET / HTTP/1.1\r\n" + H + "\r\n");
            var all = Response.parseAll(c.readOutbound());
            assertEquals(405, all.get(0).status());
            assertEquals(200, all.get(1).status());
        }
    }

    @Test
    void accessLogGetsALinePerTransaction() throws Exception {
        Path log = root.resolve("access.log");
        try (EmbeddedConnection c = H1Server.connect(settings(VhostSettings.builder("localhost").accessLog(log)))) {
            c.writeInbound("GET / HTTP/1.1\r\n" + H + "User-Agent: tester/1\r\n\r\n" + "GET /nope HTTP/1.1\r\n" + H + "\r\n");
            c.readOutbound();
        }
        String text = "";
        for (int i = 0; i < 100 && text.lines().count() < 2; i++) {
            Thread.sleep(20); // the access log is written by its own thread
            text = Files.exists(log) ? Files.readString(log) : "";
        }
        assertTrue(text.contains("\"GET / HTTP/1.1\" 200 13"), text);
        assertTrue(text.contains("tester/1"), text);
        assertTrue(text.contains("\"GET /nope HTTP/1.1\" 404"), text);
    }
}
