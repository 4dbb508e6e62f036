package org.lightwire.role.h1.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.HttpLimits;
import org.lightwire.api.Mount;
import org.lightwire.api.Options;
import org.lightwire.api.VhostSettings;
import org.lightwire.core.embedded.EmbeddedConnection;

/**
 * The chunked-body, discard, linger and file limits of {@link HttpLimits} (global keys
 * {@code http-max-chunk-line}, {@code http-max-trailer-bytes}, {@code http-discard-body-bytes},
 * {@code http-linger-secs}, {@code http-linger-bytes}, {@code http-max-range-parts},
 * {@code http-max-credentials-file-bytes}) are what the server applies: each
 * case runs once with the defaults and once with the configured value, and only the
 * configured value changes the outcome.
 */
class HttpLimitsBehaviourTest {

    private static final String H = "Host: localhost\r\n";
    // the harness' small head limits, a body limit above every body sent here, the other defaults
    private static final HttpLimits D = H1Server.LIMITS.toBuilder().maxBodyBytes(1 << 20).build();

    private final TestHttp alpha = new TestHttp("alpha");

    @TempDir
    Path root;

    /** Vhost "localhost" with a callback mount /a (so chunked bodies are read), in a context with these limits. */
    private EmbeddedConnection connect(HttpLimits limits) {
        VhostSettings v = VhostSettings.builder("localhost").protocol("alpha", Options.EMPTY)
                .mount(Mount.builder("/a", "callback://alpha").build()).build();
        return H1Server.connect(H1Server.settings(v).httpLimits(limits).build(), alpha);
    }

    private static String chunked(String sizeLine, String trailer) {
        return "POST /a/up HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\n" + sizeLine + "\r\nx\r\n0\r\n" + trailer
                + "\r\n";
    }

    private static Response send(EmbeddedConnection c, String request) {
        c.writeInbound(request);
        return Response.parseOne(c.readOutbound());
    }

    @Test
    void aChunkSizeLineOf100BytesPassesByDefaultButNotUnderHttpMaxChunkLine64() {
        String line = "1;" + "e".repeat(98); // 100 bytes before the CRLF
        try (EmbeddedConnection c = connect(D)) {
            assertEquals("POST /a/up bytes=1 x", send(c, chunked(line, "")).bodyText());
        }
        try (EmbeddedConnection c = connect(D.toBuilder().maxChunkLine(64).build())) {
            Response r = send(c, chunked(line, ""));
            assertEquals(400, r.status());
            assertTrue(r.closes(), "a refused body ends the connection");
        }
    }

    @Test
    void aTrailerOf100BytesPassesByDefaultButNotUnderHttpMaxTrailerBytes64() {
        String trailer = "X-Checksum: " + "0".repeat(86) + "\r\n"; // 100 bytes
        try (EmbeddedConnection c = connect(D)) {
            assertEquals("POST /a/up bytes=1 x", send(c, chunked("1", trailer)).bodyText());
        }
        try (EmbeddedConnection c = connect(D.toBuilder().maxTrailerBytes(64).build())) {
            assertEquals(400, send(c, chunked("1", trailer)).status());
        }
    }

    @Test
    void anUnreadBodyIsDrainedByDefaultButClosesOverHttpDiscardBodyBytes() {
        String unreadThenNext = "POST /nothing HTTP/1.1\r\n" + H + "Content-Length: 100\r\n\r\n" + "b".repeat(100)
                + "GET /next HTTP/1.1\r\n" + H + "\r\n";
        try (EmbeddedConnection c = connect(D)) {
            c.writeInbound(unreadThenNext);
            List<Response> all = Response.parseAll(c.readOutbound());
            assertEquals(2, all.size(), "100 bytes drained, the next request served");
            assertFalse(all.get(0).closes());
        }
        try (EmbeddedConnection c = connect(D.toBuilder().discardBodyBytes(99).build())) {
            c.writeInbound(unreadThenNext);
            List<Response> all = Response.parseAll(c.readOutbound());
            assertEquals(1, all.size(), "over 99 bytes: not drained, the connection ends after the response");
            assertTrue(all.get(0).closes());
        }
    }

    /** A 404 with 100000 body bytes unread: the response closes and the connection lingers. */
    private static void lingerAfterUnreadBody(EmbeddedConnection c) {
        c.writeInbound("POST /nothing HTTP/1.1\r\n" + H + "Content-Length: 100000\r\n\r\n");
        Response r = Response.parseOne(c.readOutbound());
        assertEquals(404, r.status());
        assertTrue(r.closes());
        assertTrue(c.outputShut() && c.isOpen(), "lingering");
    }

    @Test
    void lingeringLastsTwoSecondsByDefaultAndHttpLingerSecsOtherwise() {
        try (EmbeddedConnection c = connect(D)) {
            lingerAfterUnreadBody(c);
            c.advanceSeconds(2);
            assertFalse(c.isOpen());
        }
        try (EmbeddedConnection c = connect(D.toBuilder().lingerSecs(5).build())) {
            lingerAfterUnreadBody(c);
            c.advanceSeconds(2);
            assertTrue(c.isOpen(), "still within http-linger-secs 5");
            c.advanceSeconds(3);
            assertFalse(c.isOpen());
        }
    }

    @Test
    void httpLingerSecsZeroClosesRightAfterTheResponse() {
        try (EmbeddedConnection c = connect(D.toBuilder().lingerSecs(0).build())) {
            c.writeInbound("POST /nothing HTTP/1.1\r\n" + H + "Content-Length: 100000\r\n\r\n");
            Response r = Response.parseOne(c.readOutbound());
            assertEquals(404, r.status());
            assertFalse(c.isOpen(), "no lingering");
        }
    }

    @Test
    void lingeringDropsUpTo64KiBByDefaultAndHttpLingerBytesOtherwise() {
        try (EmbeddedConnection c = connect(D)) {
            lingerAfterUnreadBody(c);
            c.writeInbound(new byte[1500]);
            assertTrue(c.isOpen(), "1500 bytes are within the default 64 KiB");
        }
        try (EmbeddedConnection c = connect(D.toBuilder().lingerBytes(1000).build())) {
            lingerAfterUnreadBody(c);
            c.writeInbound(new byte[1500]);
            assertFalse(c.isOpen(), "over http-linger-bytes 1000");
        }
    }

    /** Vhost "localhost" serving {@link #root} at / and, behind {@code logins}, at /private. */
    private EmbeddedConnection files(HttpLimits limits, Path logins) {
        VhostSettings v = VhostSettings.builder("localhost")
                .mount(Mount.builder("/", "file://" + root).build())
                .mount(Mount.builder("/private", "file://" + root).basicAuth(logins).build()).build();
        return H1Server.connect(H1Server.settings(v).httpLimits(limits).build());
    }

    private Path logins(int paddingBytes) throws IOException {
        return Files.writeString(root.resolve("logins"), "testuser:testpass\npadding" + "#".repeat(paddingBytes) + ":x\n");
    }

    @Test
    void threeRangesAreMultipartByDefaultButTheWholeFileUnderHttpMaxRangeParts2() throws IOException {
        Files.writeString(root.resolve("a.txt"), "0123456789abcdefghijklmnopqrstuvwxyz");
        String threeRanges = "GET /a.txt HTTP/1.1\r\n" + H + "Range: bytes=0-1,3-4,6-7\r\n\r\n";
        try (EmbeddedConnection c = files(D, logins(0))) {
            Response r = send(c, threeRanges);
            assertEquals(206, r.status());
            assertTrue(r.header("content-type").startsWith("multipart/byteranges"), r.header("content-type"));
        }
        try (EmbeddedConnection c = files(D.toBuilder().maxRangeParts(2).build(), logins(0))) {
            Response r = send(c, threeRanges);
            assertEquals(200, r.status());
            assertEquals("0123456789abcdefghijklmnopqrstuvwxyz", r.bodyText());
        }
    }

    @Test
    void aCredentialsFileOf1100BytesIsReadByDefaultButFailsClosedUnderHttpMaxCredentialsFileBytes1024()
            throws IOException {
        Files.writeString(root.resolve("a.txt"), "secret");
        Path logins = logins(1100);
        String authorized = "GET /private/a.txt HTTP/1.1\r\n" + H + "Authorization: Basic "
                + Base64.getEncoder().encodeToString("testuser:testpass".getBytes(StandardCharsets.UTF_8)) + "\r\n\r\n";
        try (EmbeddedConnection c = files(D, logins)) {
            assertEquals("secret", send(c, authorized).bodyText());
        }
        try (EmbeddedConnection c = files(D.toBuilder().maxCredentialsFileBytes(1024).build(), logins)) {
            Response r = send(c, authorized);
            assertEquals(500, r.status(), "the vhost's routes cannot be built: nothing is served");
            assertFalse(r.bodyText().contains("secret"));
        }
    }
}
