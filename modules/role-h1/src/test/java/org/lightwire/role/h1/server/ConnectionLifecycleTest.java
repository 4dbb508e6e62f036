package org.lightwire.role.h1.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Mount;
import org.lightwire.api.Options;
import org.lightwire.api.VhostSettings;
import org.lightwire.core.embedded.EmbeddedConnection;

/** Keep-alive, pipelining, HEAD, 100-continue, timeouts and ip-limit-ah on one connection. */
class ConnectionLifecycleTest {

    private static final String H = "Host: localhost\r\n";

    private final TestHttp echo = new TestHttp("echo");

    private static VhostSettings.Builder vhost() {
        return VhostSettings.builder("localhost").protocol("echo", Options.EMPTY)
                .mount(Mount.builder("/", "callback://echo").build()).keepaliveTimeoutSecs(7);
    }

    private EmbeddedConnection connect() {
        return H1Server.connect(H1Server.settings(vhost().build()).build(), echo);
    }

    @Test
    void keepAliveServesSeveralRequestsOnOneConnection() {
        try (EmbeddedConnection c = connect()) {
            for (int i = 0; i < 3; i++) {
                c.writeInbound("GET /r" + i + " HTTP/1.1\r\n" + H + "\r\n");
                Response r = Response.parseOne(c.readOutbound());
                assertEquals(200, r.status());
                assertEquals("GET /r" + i + " bytes=0 ", r.bodyText());
                assertNull(r.header("connection"), "HTTP/1.1 keep-alive needs no Connection field");
            }
            assertTrue(c.isOpen());
            assertEquals(1, echo.sessionsCreated, "the same mount keeps the same session");
        }
    }

    @Test
    void everyResponseCarriesServerDateAndFraming() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("GET / HTTP/1.1\r\n" + H + "\r\n");
            Response r = Response.parseOne(c.readOutbound());
            assertEquals("lw-test", r.header("server"));
            assertTrue(r.header("date").endsWith(" GMT"));
            assertEquals(String.valueOf(r.body().length), r.header("content-length"));
        }
    }

    @Test
    void idleKeepAliveConnectionClosesAfterTheVhostTimeout() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("GET / HTTP/1.1\r\n" + H + "\r\n");
            c.readOutbound();
            c.advanceSeconds(6);
            assertTrue(c.isOpen());
            c.advanceSeconds(1);
            assertFalse(c.isOpen(), "keepalive-timeout 7 s");
        }
    }

    @Test
    void mountKeepaliveTimeoutOverridesTheVhost() {
        VhostSettings v = VhostSettings.builder("localhost").protocol("echo", Options.EMPTY).keepaliveTimeoutSecs(30)
                .mount(Mount.builder("/", "callback://echo").keepaliveTimeoutSecs(2).build()).build();
        try (EmbeddedConnection c = H1Server.connect(H1Server.settings(v).build(), echo)) {
            c.writeInbound("GET / HTTP/1.1\r\n" + H + "\r\n");
            c.readOutbound();
            c.advanceSeconds(2);
            assertFalse(c.isOpen());
        }
    }

    @Test
    void connectionCloseIsHonoured() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("GET / HTTP/1.1\r\n" + H + "Connection: close\r\n\r\n");
            Response r = Response.parseOne(c.readOutbound());
            assertEquals(200, r.status());
            assertTrue(r.closes());
            assertFalse(c.isOpen(), "nothing unread: closes at once");
        }
    }

    @Test
    void http10ClosesUnlessKeepAliveIsAsked() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("GET / HTTP/1.0\r\n\r\n");
            Response r = Response.parseOne(c.readOutbound());
            assertEquals(200, r.status());
            assertTrue(r.closes());
            assertFalse(c.isOpen());
        }
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            Response r = Response.parseOne(c.readOutbound());
            assertEquals("keep-alive", r.header("connection"));
            assertTrue(c.isOpen());
            c.writeInbound("GET /again HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            assertEquals("GET /again bytes=0 ", Response.parseOne(c.readOutbound()).bodyText());
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("GET /1 HTTP/1.1\r\n" + H + "\r\n"
                    + "POST /2 HTTP/1.1\r\n" + H + "Content-Length: 2\r\n\r\nhi"
                    + "HEAD /3 HTTP/1.1\r\n" + H + "\r\n"
                    + "GET /4 HTTP/1.1\r\n" + H + "\r\n");
            List<Response> all = Response.parseAll(c.readOutbound(), false, false, true, false);
            assertEquals(4, all.size());
            assertEquals("GET /1 bytes=0 ", all.get(0).bodyText());
            assertEquals("POST /2 bytes=2 hi", all.get(1).bodyText());
            assertEquals(0, all.get(2).body().length, "HEAD: no body");
            assertEquals(String.valueOf("HEAD /3 bytes=0 ".length()), all.get(2).header("content-length"),
                    "HEAD: the length GET would have");
            assertEquals("GET /4 bytes=0 ", all.get(3).bodyText());
        }
    }

    @Test
    void pipelinedRequestWaitsWhileTheResponseIsPending() {
        // a protocol that answers only when told: the second request must not be parsed before
        echo.sessions(() -> new TestHttp.Recording() {
            @Override
            public void request(org.lightwire.api.http.HttpExchange x) {
                exchange = x;
                event("request " + x.request().path());
            }
        });
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("GET /1 HTTP/1.1\r\n" + H + "\r\nGET /2 HTTP/1.1\r\n" + H + "\r\n");
            assertEquals(List.of("bind#1", "request /1#1"), echo.events);
            assertFalse(c.readInterest(), "reading stops while a response is pending (rx flow control)");

            c.run(() -> echo.last.exchange.respond(200, org.lightwire.api.http.HttpFields.EMPTY,
                    java.nio.ByteBuffer.wrap("one".getBytes(StandardCharsets.US_ASCII))));
            assertEquals("one", Response.parseOne(c.readOutbound()).bodyText());
            assertEquals(List.of("bind#1", "request /1#1", "request /2#1"), echo.events);
        }
    }

    @Test
    void headGetsHeadersWithoutBody() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("HEAD /h HTTP/1.1\r\n" + H + "\r\n");
            Response r = Response.parseOne(c.readOutbound(), true);
            assertEquals(200, r.status());
            assertEquals(0, r.body().length);
            assertTrue(r.raw().endsWith("\r\n\r\n"));
            assertTrue(c.isOpen());
        }
    }

    @Test
    void expectContinueGetsA100BeforeTheBody() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("POST /up HTTP/1.1\r\n" + H + "Expect: 100-continue\r\nContent-Length: 4\r\n\r\n");
            String interim = c.readOutboundString();
            assertEquals("HTTP/1.1 100 Continue\r\n\r\n", interim);
            c.writeInbound("data");
            Response r = Response.parseOne(c.readOutbound());
            assertEquals("POST /up bytes=4 data", r.bodyText());
        }
    }

    @Test
    void answerBefore100ContinueClosesInsteadOfWaitingForTheBody() {
        echo.sessions(() -> new TestHttp.Recording() {
            @Override
            public void request(org.lightwire.api.http.HttpExchange x) {
                x.sendError(403, "not you");
            }
        });
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("POST /up HTTP/1.1\r\n" + H + "Expect: 100-continue\r\nContent-Length: 4\r\n\r\n");
            Response r = Response.parseOne(c.readOutbound());
            assertEquals(403, r.status(), "no 100 Continue before a final answer");
            assertTrue(r.closes());
            c.endInbound();
            assertFalse(c.isOpen());
        }
    }

    @Test
    void expectContinueIsCaseInsensitiveAndIgnoredOnHttp10() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("POST /up HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\nz");
            Response r = Response.parseOne(c.readOutbound());
            assertEquals(200, r.status(), "no 100 on HTTP/1.0");
        }
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("POST /up HTTP/1.1\r\n" + H + "Expect: 100-CONTINUE\r\nContent-Length: 1\r\n\r\n");
            assertTrue(c.readOutboundString().startsWith("HTTP/1.1 100 Continue"));
        }
    }

    @Test
    void slowDripHeadIsCutAtTheHeaderTimeoutCountedFromTheFirstByte() {
        try (EmbeddedConnection c = connect()) {
            String request = "GET / HTTP/1.1\r\n" + H + "X-Slow: ";
            // one byte a second: every byte is progress, none extends the deadline
            for (int i = 0; i < 9; i++) {
                c.writeInbound(request.substring(i, i + 1));
                c.advanceSeconds(1);
            }
            assertTrue(c.isOpen());
            c.writeInbound(request.substring(9, 10));
            c.advanceSeconds(1);
            Response r = Response.parseOne(c.readOutbound());
            assertEquals(408, r.status(), "http-header-timeout-secs 10 from the first byte");
            assertTrue(r.closes());
            c.advanceSeconds(3);
            assertFalse(c.isOpen());
        }
    }

    @Test
    void headerTimeoutRestartsForEachRequest() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("GET /1 HTTP/1.1\r\n" + H + "\r\n");
            c.readOutbound();
            c.advanceSeconds(6); // idle, within keep-alive
            c.writeInbound("GET /2 HTTP/1.1\r\n");
            c.advanceSeconds(9);
            assertTrue(c.isOpen(), "the second head's own 10 s have not passed");
            c.writeInbound(H + "\r\n");
            assertEquals(200, Response.parseOne(c.readOutbound()).status());
        }
    }

    @Test
    void stalledBodyTimesOutAfterTimeoutSecs() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("POST / HTTP/1.1\r\n" + H + "Content-Length: 10\r\n\r\nabc");
            c.advanceSeconds(4);
            c.writeInbound("d"); // progress restarts the body timer
            c.advanceSeconds(4);
            assertTrue(c.isOpen());
            c.advanceSeconds(1);
            Response r = Response.parseOne(c.readOutbound());
            assertEquals(408, r.status());
        }
    }

    @Test
    void bodyNobodyReadsIsDiscardedWhenSmall() {
        VhostSettings v = VhostSettings.builder("localhost").build(); // no mounts: 404s
        try (EmbeddedConnection c = H1Server.connect(H1Server.settings(v).build())) {
            c.writeInbound("POST /nothing HTTP/1.1\r\n" + H + "Content-Length: 5\r\n\r\nhello"
                    + "GET /next HTTP/1.1\r\n" + H + "\r\n");
            List<Response> all = Response.parseAll(c.readOutbound());
            assertEquals(2, all.size());
            assertEquals(404, all.get(0).status());
            assertFalse(all.get(0).closes());
            assertEquals(404, all.get(1).status());
        }
    }

    @Test
    void largeUnreadBodyClosesTheConnectionAfterTheResponse() {
        ContextSettings s = H1Server.settings(VhostSettings.builder("localhost").build())
                .httpLimits(H1Server.LIMITS.toBuilder().maxBodyBytes(1 << 20).build()).build();
        try (EmbeddedConnection c = H1Server.connect(s)) {
            c.writeInbound("POST /nothing HTTP/1.1\r\n" + H + "Content-Length: 100000\r\n\r\n");
            Response r = Response.parseOne(c.readOutbound());
            assertEquals(404, r.status());
            assertTrue(r.closes(), "100000 bytes unread: not worth draining");
            assertTrue(c.outputShut(), "lingering: our end of stream is sent while input drains");
            assertTrue(c.isOpen());
            c.writeInbound(new byte[70_000]);
            assertFalse(c.isOpen(), "lingering stops after 64 KiB of unread input");
        }
    }

    @Test
    void aLingeringConnectionClosesWhenTheClientEndsItsSide() {
        ContextSettings s = H1Server.settings(VhostSettings.builder("localhost").build())
                .httpLimits(H1Server.LIMITS.toBuilder().maxBodyBytes(1 << 20).build()).build();
        try (EmbeddedConnection c = H1Server.connect(s)) {
            c.writeInbound("POST /nothing HTTP/1.1\r\n" + H + "Content-Length: 100000\r\n\r\n");
            assertEquals(404, Response.parseOne(c.readOutbound()).status());
            assertTrue(c.outputShut() && c.isOpen());
            c.writeInbound(new byte[1000]).endInbound();
            assertFalse(c.isOpen(), "the client read our FIN and closed: nothing left to wait for");
        }
    }

    @Test
    void ipLimitAhRefusesTheExtraConnectionMidHeadWith503() {
        ContextSettings s = H1Server.settings(vhost().build()).ipLimitAh(2).build();
        InetSocketAddress peer = new InetSocketAddress("192.0.2.7", 1000);
        try (EmbeddedConnection a = EmbeddedConnection.accepting(new org.lightwire.role.h1.H1Role(), s, echo).peer(peer).build()) {
            EmbeddedConnection b = a.accept(null, peer);
            EmbeddedConnection extra = a.accept(null, peer);
            EmbeddedConnection other = a.accept(null, new InetSocketAddress("192.0.2.8", 1000));
            a.writeInbound("GET / HTTP/1.1\r\n");
            b.writeInbound("GET / HTTP/1.1\r\n");

            extra.writeInbound("GET / HTTP/1.1\r\n" + H + "\r\n");
            Response refused = Response.parseOne(extra.readOutbound());
            assertEquals(503, refused.status());
            assertEquals("1", refused.header("retry-after"));

            other.writeInbound("GET / HTTP/1.1\r\n" + H + "\r\n");
            assertEquals(200, Response.parseOne(other.readOutbound()).status(), "another IP is not limited");

            a.writeInbound(H + "\r\n"); // a's head completes: its slot is free again
            assertEquals(200, Response.parseOne(a.readOutbound()).status());
            EmbeddedConnection late = a.accept(null, peer);
            late.writeInbound("GET / HTTP/1.1\r\n" + H + "\r\n");
            assertEquals(200, Response.parseOne(late.readOutbound()).status());
        }
    }

    @Test
    void optionsAsteriskDescribesTheServer() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("OPTIONS * HTTP/1.1\r\n" + H + "\r\n");
            Response r = Response.parseOne(c.readOutbound());
            assertEquals(200, r.status());
            assertTrue(r.header("allow").contains("GET"));
        }
    }

    @Test
    void absoluteFormTargetIsRoutedByItsPath() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("GET http://localhost:7681/abs?q=1 HTTP/1.1\r\n" + H + "\r\n");
            assertEquals("GET /abs bytes=0 ", Response.parseOne(c.readOutbound()).bodyText());
        }
    }

    @Test
    void higherHttp1MinorIsServedAsHttp11() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("GET / HTTP/1.2\r\n" + H + "\r\n");
            assertEquals(200, Response.parseOne(c.readOutbound()).status());
        }
    }

    @Test
    void leadingEmptyLinesBeforeARequestAreIgnored() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("\r\n\r\nGET / HTTP/1.1\r\n" + H + "\r\n");
            assertEquals(200, Response.parseOne(c.readOutbound()).status());
        }
    }
}
