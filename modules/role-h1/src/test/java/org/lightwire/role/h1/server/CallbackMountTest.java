package org.lightwire.role.h1.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Connection;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Mount;
import org.lightwire.api.Options;
import org.lightwire.api.VhostSettings;
import org.lightwire.api.WriteDisciplineException;
import org.lightwire.api.http.HttpExchange;
import org.lightwire.api.http.HttpFields;
import org.lightwire.core.embedded.EmbeddedConnection;

/** README.coding.md "mountcallback": bind / drop protocol lifecycle and the typed HTTP events. */
class CallbackMountTest {

    private static final String H = "Host: localhost\r\n";

    private final TestHttp alpha = new TestHttp("alpha");
    private final TestHttp beta = new TestHttp("beta");

    private ContextSettings settings() {
        VhostSettings v = VhostSettings.builder("localhost").protocol("alpha", Options.EMPTY).protocol("beta", Options.EMPTY)
                .mount(Mount.builder("/a", "callback://alpha").build())
                .mount(Mount.builder("/b", "callback://beta").build())
                .mount(Mount.builder("/missing", "callback://not-installed").build())
                .errorDocument404("/a/404.html")
                .build();
        return H1Server.settings(v).build();
    }

    private EmbeddedConnection connect() {
        return H1Server.connect(settings(), alpha, beta);
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\n" + H + "\r\n";
    }

    @Test
    void sessionStaysBoundWhileRequestsStayInTheMount() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound(get("/a/1"));
            c.writeInbound(get("/a/2"));
            Response.parseAll(c.readOutbound());
            assertEquals(List.of("bind#1", "request GET /a/1#1", "request GET /a/2#1"), alpha.events);
            assertEquals("alpha", c.connection().protocolName());
        }
    }

    @Test
    void requestElsewhereDropsTheSessionAndBindsTheOther() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound(get("/a/1") + get("/b/1") + get("/a/2"));
            assertEquals(3, Response.parseAll(c.readOutbound()).size());
            assertEquals(List.of("bind#1", "request GET /a/1#1", "dropped#1", "bind#2", "request GET /a/2#2"), alpha.events);
            assertEquals(List.of("bind#1", "request GET /b/1#1", "dropped#1"), beta.events);
        }
    }

    @Test
    void requestToANonCallbackAreaDropsTheSessionAndUnbinds() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound(get("/a/1") + get("/nowhere"));
            List<Response> all = Response.parseAll(c.readOutbound());
            assertEquals(404, all.get(1).status() == 302 ? 404 : all.get(1).status());
            assertEquals(List.of("bind#1", "request GET /a/1#1", "dropped#1"), alpha.events);
            assertEquals("", c.connection().protocolName());
        }
    }

    @Test
    void closingTheConnectionDropsTheSession() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound(get("/a/1"));
            c.readOutbound();
            c.endInbound();
            assertEquals(List.of("bind#1", "request GET /a/1#1", "dropped#1"), alpha.events);
        }
    }

    @Test
    void requestSeesItsMountAndPath() {
        List<HttpExchange> seen = new ArrayList<>();
        alpha.sessions(() -> new TestHttp.Recording() {
            @Override
            public void request(HttpExchange x) throws Exception {
                seen.add(x);
                super.request(x);
            }
        });
        try (EmbeddedConnection c = connect()) {
            c.writeInbound(get("/a/x/../y%20z?k=v+w&n"));
            c.readOutbound();
            var r = seen.get(0).request();
            assertEquals("/a", r.mountpoint().orElseThrow());
            assertEquals("/a/y z", r.path());
            assertEquals("/y z", r.pathInMount());
            assertEquals("v w", r.queryParameter("k").orElseThrow());
            assertEquals("", r.queryParameter("n").orElseThrow());
            assertEquals("HTTP/1.1", r.version());
            assertEquals("localhost", r.host().orElseThrow());
            assertFalse(r.hasBody());
        }
    }

    @Test
    void missingProtocolIs503() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound(get("/missing/x"));
            Response r = Response.parseOne(c.readOutbound());
            assertEquals(503, r.status());
            assertTrue(c.isOpen());
        }
    }

    @Test
    void chunkedBodyArrivesDechunkedThenBodyComplete() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("POST /a/up HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\n"
                    + "3\r\nabc\r\n4;ext=1\r\ndefg\r\n0\r\nTrailer: x\r\n\r\n");
            Response r = Response.parseOne(c.readOutbound());
            assertEquals("POST /a/up bytes=7 abcdefg", r.bodyText());
            assertTrue(alpha.events.contains("bodyComplete#1"));
        }
    }

    @Test
    void pausedReceptionHoldsTheBodyUntilResumed() {
        alpha.sessions(() -> new TestHttp.Recording() {
            @Override
            public void body(HttpExchange x, ByteBuffer data) throws Exception {
                super.body(x, data);
                x.connection().rxFlowControl(false);
            }
        });
        try (EmbeddedConnection c = H1Server.connect(settings(), alpha, beta)) {
            c.writeInbound("POST /a/up HTTP/1.1\r\n" + H + "Content-Length: 6\r\n\r\nabc");
            assertEquals(List.of("bind#1", "request POST /a/up#1", "body 3#1"), alpha.events);
            c.writeInbound("def");
            assertEquals(3, alpha.events.size(), "paused: nothing more delivered");
            assertFalse(c.readInterest());

            c.run(() -> alpha.last.exchange.connection().rxFlowControl(true));
            assertEquals(List.of("bind#1", "request POST /a/up#1", "body 3#1", "body 3#1", "bodyComplete#1"), alpha.events);
            assertEquals("POST /a/up bytes=6 abcdef", Response.parseOne(c.readOutbound()).bodyText());
        }
    }

    /** Streams three parts with unknown length: chunked framing, one write per writeable event. */
    static final class Streamer extends TestHttp.Recording {
        final List<String> parts = new ArrayList<>();
        Throwable secondWrite;

        @Override
        public void request(HttpExchange x) {
            exchange = x;
            parts.addAll(List.of("one", "two", "three"));
            event("request " + x.request().path());
            x.sendHeaders(200, HttpFields.builder().add("content-type", "text/plain").build(), -1);
            x.requestWriteable();
        }

        @Override
        public void writeable(HttpExchange x) {
            event("writeable");
            String part = parts.remove(0);
            x.write(ByteBuffer.wrap(part.getBytes(StandardCharsets.US_ASCII)), parts.isEmpty());
            if (!parts.isEmpty()) {
                try {
                    x.write(ByteBuffer.allocate(0), false);
                } catch (WriteDisciplineException expected) {
                    secondWrite = expected;
                }
                x.requestWriteable();
            }
        }
    }

    @Test
    void unknownLengthResponseIsChunkedOneWritePerWriteable() {
        Streamer[] s = new Streamer[1];
        alpha.sessions(() -> s[0] = new Streamer());
        try (EmbeddedConnection c = connect()) {
            c.writeInbound(get("/a/stream"));
            Response r = Response.parseOne(c.readOutbound());
            assertTrue(r.chunked());
            assertEquals("onetwothree", r.bodyText());
            assertTrue(r.raw().contains("3\r\none\r\n3\r\ntwo\r\n5\r\nthree\r\n0\r\n\r\n"), r.raw());
            assertTrue(s[0].secondWrite instanceof WriteDisciplineException, "a second write in one event is refused");
            assertEquals(3, alpha.events.stream().filter(e -> e.startsWith("writeable")).count());
            c.writeInbound(get("/a/stream2"));
            assertEquals("onetwothree", Response.parseOne(c.readOutbound()).bodyText(), "keep-alive after a chunked response");
        }
    }

    @Test
    void chunkedResponseToHttp10IsCloseDelimited() {
        alpha.sessions(Streamer::new);
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("GET /a/s HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            String out = c.readOutboundString();
            assertTrue(out.contains("Connection: close"), out);
            assertFalse(out.toLowerCase().contains("transfer-encoding"));
            assertTrue(out.endsWith("\r\n\r\nonetwothree"), out);
            assertFalse(c.isOpen());
        }
    }

    @Test
    void writeOutsideAWriteableEventIsRefused() {
        List<Throwable> errors = new ArrayList<>();
        alpha.sessions(() -> new TestHttp.Recording() {
            @Override
            public void request(HttpExchange x) {
                exchange = x;
                x.sendHeaders(200, HttpFields.EMPTY, 2);
                try {
                    x.write(ByteBuffer.wrap(new byte[] {'h', 'i'}), true);
                } catch (WriteDisciplineException e) {
                    errors.add(e);
                }
                x.requestWriteable();
            }

            @Override
            public void writeable(HttpExchange x) {
                x.write(ByteBuffer.wrap(new byte[] {'h', 'i'}), true);
            }
        });
        try (EmbeddedConnection c = connect()) {
            c.writeInbound(get("/a/x"));
            assertEquals("hi", Response.parseOne(c.readOutbound()).bodyText());
            assertEquals(1, errors.size());
        }
    }

    @Test
    void writingPastTheDeclaredLengthIsRefused() {
        List<Throwable> errors = new ArrayList<>();
        alpha.sessions(() -> new TestHttp.Recording() {
            @Override
            public void request(HttpExchange x) {
                x.sendHeaders(200, HttpFields.EMPTY, 1);
                x.requestWriteable();
            }

            @Override
            public void writeable(HttpExchange x) {
                errors.add(assertThrows(IllegalStateException.class, () -> x.write(ByteBuffer.wrap(new byte[2]), true)));
                x.write(ByteBuffer.wrap(new byte[] {'!'}), true);
            }
        });
        try (EmbeddedConnection c = connect()) {
            c.writeInbound(get("/a/x"));
            assertEquals("!", Response.parseOne(c.readOutbound()).bodyText());
            assertEquals(1, errors.size());
        }
    }

    @Test
    void sendErrorUsesTheVhostErrorHandling() {
        alpha.sessions(() -> new TestHttp.Recording() {
            @Override
            public void request(HttpExchange x) {
                x.sendError(x.request().path().endsWith("nf") ? 404 : 403, "no <script> here");
            }
        });
        try (EmbeddedConnection c = connect()) {
            c.writeInbound(get("/a/forbidden") + get("/a/nf"));
            List<Response> all = Response.parseAll(c.readOutbound());
            assertEquals(403, all.get(0).status());
            assertTrue(all.get(0).bodyText().contains("/error.css"), "lws-style error page");
            assertFalse(all.get(0).bodyText().contains("<script>"), "message is escaped");
            assertEquals(302, all.get(1).status(), "404 honours error-document-404");
            assertEquals("/a/404.html", all.get(1).header("location"));
        }
    }

    @Test
    void redirectFromAProtocol() {
        alpha.sessions(() -> new TestHttp.Recording() {
            @Override
            public void request(HttpExchange x) {
                x.redirect(307, "/b/elsewhere");
            }
        });
        try (EmbeddedConnection c = connect()) {
            c.writeInbound(get("/a/x"));
            Response r = Response.parseOne(c.readOutbound());
            assertEquals(307, r.status());
            assertEquals("/b/elsewhere", r.header("location"));
            assertEquals("0", r.header("content-length"));
        }
    }

    @Test
    void protocolAnsweringBeforeTheBodyHasTheRestDiscarded() {
        alpha.sessions(() -> new TestHttp.Recording() {
            @Override
            public void request(HttpExchange x) {
                exchange = x;
                event("request " + x.request().path());
                x.respond(413, HttpFields.EMPTY, ByteBuffer.allocate(0));
            }

            @Override
            public void bodyComplete(HttpExchange x) {
                event("bodyComplete");
            }
        });
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("POST /a/up HTTP/1.1\r\n" + H + "Content-Length: 10\r\n\r\n");
            assertEquals(413, Response.parseOne(c.readOutbound()).status());
            // the body arrives after the answer: read and dropped, then the next request is served
            c.writeInbound("0123456789" + get("/a/next"));
            assertEquals(413, Response.parseOne(c.readOutbound()).status());
            assertEquals(List.of("bind#1", "request /a/up#1", "request /a/next#1"), alpha.events,
                    "the discarded body never reaches the protocol");
            assertTrue(c.isOpen());
        }
    }

    @Test
    void protocolThatThrowsClosesOnlyItsConnectionAndIsDropped() {
        alpha.sessions(() -> new TestHttp.Recording() {
            @Override
            public void request(HttpExchange x) {
                event("request");
                throw new IllegalStateException("bug in the protocol");
            }
        });
        try (EmbeddedConnection c = connect()) {
            EmbeddedConnection other = c.accept();
            c.writeInbound(get("/a/x"));
            assertFalse(c.isOpen());
            assertEquals(List.of("bind#1", "request#1", "dropped#1"), alpha.events);
            other.writeInbound(get("/b/y"));
            assertEquals(200, Response.parseOne(other.readOutbound()).status());
        }
    }

    @Test
    void connectionWriteIsTheBodyOfTheStreamedResponse() {
        alpha.sessions(() -> new TestHttp.Recording() {
            @Override
            public void request(HttpExchange x) {
                x.sendHeaders(200, HttpFields.EMPTY, 3);
                x.requestWriteable();
            }

            @Override
            public void writeable(HttpExchange x) {
                Connection conn = x.connection();
                conn.write(ByteBuffer.wrap("abc".getBytes(StandardCharsets.US_ASCII)));
            }
        });
        try (EmbeddedConnection c = connect()) {
            c.writeInbound(get("/a/x"));
            String out = c.readOutboundString();
            assertTrue(out.endsWith("\r\n\r\nabc"), out);
        }
    }
}
