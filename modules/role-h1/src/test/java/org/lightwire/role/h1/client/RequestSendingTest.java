package org.lightwire.role.h1.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What goes on the wire for a request: request line, Host, the protocol's fields, body framing. */
class RequestSendingTest {

    private final ClientFixture client = new ClientFixture();

    @AfterEach
    void stop() {
        client.close();
    }

    private static ScriptedServer okServer() throws Exception {
        return new ScriptedServer(peer -> {
            peer.readRequest();
            peer.send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            peer.awaitClientClose();
        });
    }

    @Test
    void getCarriesMethodPathHostAndTheProtocolsFields() throws Exception {
        try (ScriptedServer server = okServer()) {
            Transcript t = new Transcript();
            t.requestFields.add("X-Custom", "yes").add("Host", "spoofed").add("Connection", "upgrade")
                    .add("Content-Length", "99");
            client.connect(ClientFixture.request(server.port(), "GET", "/a/b?c=d%20e", t).build());
            t.awaitEnd();

            ScriptedServer.Request r = server.requests.get(0);
            assertEquals("GET /a/b?c=d%20e HTTP/1.1", r.requestLine());
            assertEquals("127.0.0.1:" + server.port(), r.header("host"), "the role sets Host");
            assertEquals("yes", r.header("x-custom"));
            assertEquals("close", r.header("connection"), "a request that does not pipeline asks the server to close");
            assertNull(r.header("content-length"), "the protocol cannot announce a body it does not send");
            assertEquals(1, r.head().split("(?i)\r\nhost:").length - 1, "exactly one Host");
        }
    }

    @Test
    void anyMethodIsSent() throws Exception {
        try (ScriptedServer server = okServer()) {
            Transcript t = new Transcript();
            client.connect(ClientFixture.request(server.port(), "PROPFIND", "/dav", t).build());
            t.awaitEnd();

            assertEquals("PROPFIND /dav HTTP/1.1", server.requests.get(0).requestLine());
        }
    }

    @Test
    void lengthBodyIsWrittenAcrossWriteableEvents() throws Exception {
        try (ScriptedServer server = okServer()) {
            Transcript t = new Transcript().body("first,", "second,", "third");
            client.connect(ClientFixture.request(server.port(), "POST", "/form", t).build());
            t.awaitEnd();

            ScriptedServer.Request r = server.requests.get(0);
            assertEquals("18", r.header("content-length"));
            assertNull(r.header("transfer-encoding"));
            assertEquals("first,second,third", r.bodyText());
            assertNull(t.failure);
        }
    }

    @Test
    void bodyOfUnknownLengthIsChunked() throws Exception {
        try (ScriptedServer server = okServer()) {
            Transcript t = new Transcript().body("alpha", "", "beta");
            t.chunked = true;
            client.connect(ClientFixture.request(server.port(), "PUT", "/up", t).build());
            t.awaitEnd();

            ScriptedServer.Request r = server.requests.get(0);
            assertEquals("chunked", r.header("transfer-encoding"));
            assertNull(r.header("content-length"));
            assertEquals("alphabeta", r.bodyText(), "the empty write sends no chunk, so it cannot end the body early");
            assertNull(t.failure);
        }
    }

    @Test
    void bodyLongerThanAnnouncedFailsTheRequest() throws Exception {
        try (ScriptedServer server = okServer()) {
            Transcript t = new Transcript().body("0123456789");
            t.announcedLength = 4;
            client.connect(ClientFixture.request(server.port(), "POST", "/", t).build());
            t.awaitEnd();

            HttpClientFailure f = assertInstanceOf(HttpClientFailure.class, t.failure);
            assertEquals(HttpClientFailure.Kind.BAD_REQUEST_BODY, f.kind());
            assertTrue(f.getMessage().contains("longer than the announced Content-Length 4"), f.getMessage());
            assertFalse(t.connection.isOpen());
        }
    }

    @Test
    void bodyShorterThanAnnouncedFailsTheRequest() throws Exception {
        try (ScriptedServer server = okServer()) {
            Transcript t = new Transcript().body("abc");
            t.announcedLength = 10;
            client.connect(ClientFixture.request(server.port(), "POST", "/", t).build());
            t.awaitEnd();

            HttpClientFailure f = assertInstanceOf(HttpClientFailure.class, t.failure);
            assertEquals(HttpClientFailure.Kind.BAD_REQUEST_BODY, f.kind());
            assertEquals(List.of("prepare", "failed"), t.events);
        }
    }

    @Test
    void sessionEventsRunOnTheConnectionsLoopThread() throws Exception {
        try (ScriptedServer server = okServer()) {
            Transcript t = client.get(server.port(), "/");

            assertFalse(t.threads.isEmpty());
            assertTrue(t.threads.stream().allMatch(n -> n.equals(t.threads.get(0))), t.threads.toString());
            assertFalse(t.threads.get(0).equals(Thread.currentThread().getName()));
        }
    }

    @Test
    void requestWithoutMethodIsAGet() throws Exception {
        try (ScriptedServer server = okServer()) {
            Transcript t = new Transcript();
            client.vhost.connect(org.lightwire.api.ClientRequest.builder("127.0.0.1", server.port()).role("h1")
                    .protocol(ProbeHttpClient.NAME).userData(t).build());
            t.awaitEnd();

            assertEquals("GET / HTTP/1.1", server.requests.get(0).requestLine());
            assertEquals(200, t.status);
        }
    }
}
