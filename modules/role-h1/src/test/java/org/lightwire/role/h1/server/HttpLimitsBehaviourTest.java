package org.lightwire.role.h1.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightwire.api.HttpLimits;
import org.lightwire.api.Mount;
import org.lightwire.api.Options;
import org.lightwire.api.VhostSettings;
import org.lightwire.core.embedded.EmbeddedConnection;

/**
 * The chunked-body, discard and linger limits of {@link HttpLimits} (global keys
 * {@code http-max-chunk-line}, {@code http-max-trailer-bytes}, {@code http-discard-body-bytes},
 * {@code http-linger-secs}, {@code http-linger-bytes}) are what the server applies: each
 * case runs once with the defaults and once with the configured value, and only the
 * configured value changes the outcome.
 */
class HttpLimitsBehaviourTest {

    private static final String H = "Host: localhost\r\n";
    // the harness' small head limits, a body limit above every body sent here, the other defaults
    private static final HttpLimits D = H1Server.LIMITS.withMaxBodyBytes(1 << 20);

    private final TestHttp alpha = new TestHttp("alpha");

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
        try (EmbeddedConnection c = connect(D.withMaxChunkLine(64))) {
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
        try (EmbeddedConnection c = connect(D.withMaxTrailerBytes(64))) {
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
        try (EmbeddedConnection c = connect(D.withDiscardBodyBytes(99))) {
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
        try (EmbeddedConnection c = connect(D.withLingerSecs(5))) {
            lingerAfterUnreadBody(c);
            c.advanceSeconds(2);
            assertTrue(c.isOpen(), "still within http-linger-secs 5");
            c.advanceSeconds(3);
            assertFalse(c.isOpen());
        }
    }

    @Test
    void httpLingerSecsZeroClosesRightAfterTheResponse() {
        try (EmbeddedConnection c = connect(D.withLingerSecs(0))) {
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
        try (EmbeddedConnection c = connect(D.withLingerBytes(1000))) {
            lingerAfterUnreadBody(c);
            c.writeInbound(new byte[1500]);
            assertFalse(c.isOpen(), "over http-linger-bytes 1000");
        }
    }
}
