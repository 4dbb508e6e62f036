package org.lightwire.role.h1.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Mount;
import org.lightwire.api.Options;
import org.lightwire.api.VhostSettings;
import org.lightwire.api.http.HttpExchange;
import org.lightwire.core.embedded.EmbeddedConnection;

/**
 * A client that half-closes right after sending (shell pipes, {@code nc -q0}) still gets
 * the answers to every request it sent; then the connection closes.
 */
class HalfCloseTest {

    private static final String H = "Host: localhost\r\n";

    /** A session that answers only when the test says so, like a protocol waiting on a backend. */
    static final class Deferred extends TestHttp.Recording {
        @Override
        public void request(HttpExchange x) {
            exchange = x;
            event("request " + x.request().path());
        }

        void answerNow() {
            answer(exchange);
        }
    }

    private final TestHttp deferred = new TestHttp("deferred").sessions(Deferred::new);

    private EmbeddedConnection connect() {
        VhostSettings v = VhostSettings.builder("localhost").protocol("deferred", Options.EMPTY)
                .mount(Mount.builder("/", "callback://deferred").build()).build();
        return H1Server.connect(H1Server.settings(v).build(), deferred);
    }

    @Test
    void aResponseStillPendingWhenThePeerHalfClosesIsSentThenTheConnectionCloses() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("GET /slow HTTP/1.1\r\n" + H + "\r\n").endInbound();
            assertTrue(c.isOpen(), "the request is being answered");
            c.run(() -> ((Deferred) deferred.last).answerNow());
            Response r = Response.parseOne(c.readOutbound());
            assertEquals(200, r.status());
            assertEquals("GET /slow bytes=0 ", r.bodyText());
            c.runPending();
            assertFalse(c.isOpen(), "nothing more can come: closed after the answer");
        }
    }

    @Test
    void pipelinedRequestsBeforeTheHalfCloseAreAllAnswered() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("GET /a HTTP/1.1\r\n" + H + "\r\nGET /b HTTP/1.1\r\n" + H + "\r\n").endInbound();
            c.run(() -> ((Deferred) deferred.last).answerNow());
            c.runPending();
            c.run(() -> ((Deferred) deferred.last).answerNow());
            c.runPending();
            List<Response> all = Response.parseAll(c.readOutbound());
            assertEquals(2, all.size());
            assertEquals("GET /a bytes=0 ", all.get(0).bodyText());
            assertEquals("GET /b bytes=0 ", all.get(1).bodyText());
            assertFalse(c.isOpen());
        }
    }

    @Test
    void anIdleConnectionClosesAtOnceOnHalfClose() {
        try (EmbeddedConnection c = connect()) {
            c.endInbound();
            assertFalse(c.isOpen());
        }
    }

    @Test
    void aRequestCutShortIsNotAnswered() {
        try (EmbeddedConnection c = connect()) {
            c.writeInbound("GET /half HTTP/1.1\r\nHo").endInbound();
            assertFalse(c.isOpen());
            assertEquals(0, c.readOutbound().length);
        }
    }
}
