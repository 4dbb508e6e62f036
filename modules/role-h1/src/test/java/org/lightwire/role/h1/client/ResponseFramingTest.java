package org.lightwire.role.h1.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every way an HTTP/1.1 response can be delimited (RFC 9112 section 6.3), over real
 * loopback sockets: the session sees headers, the de-framed body and completion, then the
 * connection's close.
 */
class ResponseFramingTest {

    private final ClientFixture client = new ClientFixture();

    @AfterEach
    void stop() {
        client.close();
    }

    /** A server answering every connection's first request with {@code response}, sent in pieces of {@code split} bytes. */
    private static ScriptedServer answering(String response, int split) throws Exception {
        return new ScriptedServer(peer -> {
            peer.readRequest();
            byte[] bytes = response.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            for (int i = 0; i < bytes.length; i += split) {
                peer.send(java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + split)));
                Thread.sleep(split < bytes.length ? 2 : 0); // separate segments, so the client parses across reads
            }
            peer.awaitClientClose();
        });
    }

    @Test
    void contentLengthBodyIsDeliveredAndCompletes() throws Exception {
        try (ScriptedServer server = answering("HTTP/1.1 200 OK\r\nContent-Length: 11\r\nContent-Type: text/plain\r\n\r\nhello world", 1000)) {
            Transcript t = client.get(server.port(), "/x");

            assertNull(t.failure);
            assertEquals(200, t.status);
            assertEquals("OK", t.reason);
            assertEquals("text/plain", t.responseHeaders.get("content-type").orElseThrow());
            assertEquals("hello world", t.bodyText());
            assertEquals(List.of("prepare", "headers 200", "body", "complete", "closed"), t.eventKinds());
        }
    }

    @Test
    void chunkedBodyIsDechunkedAcrossArbitrarySplits() throws Exception {
        String response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\nX-Trailer: yes\r\n\r\n";
        try (ScriptedServer server = answering(response, 3)) {
            Transcript t = client.get(server.port(), "/chunked");

            assertNull(t.failure);
            assertEquals("hello world", t.bodyText());
            assertEquals(List.of("prepare", "headers 200", "body", "complete", "closed"), t.eventKinds());
        }
    }

    @Test
    void bodyWithoutLengthRunsUntilTheServerCloses() throws Exception {
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.readRequest();
            peer.send("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil ");
            Thread.sleep(20); // the two parts must arrive in separate reads
            peer.send("close");
            peer.socket.close();
        })) {
            Transcript t = client.get(server.port(), "/");

            assertNull(t.failure);
            assertEquals("until close", t.bodyText());
            assertEquals(List.of("prepare", "headers 200", "body", "complete", "closed"), t.eventKinds());
        }
    }

    @Test
    void http10ResponseWithoutLengthEndsAtClose() throws Exception {
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.readRequest();
            peer.send("HTTP/1.0 200 OK\r\n\r\nold school");
            peer.socket.close();
        })) {
            Transcript t = client.get(server.port(), "/");

            assertEquals("old school", t.bodyText());
            assertTrue(t.events.contains("complete"));
        }
    }

    @Test
    void headResponseHasNoBodyWhateverContentLengthSays() throws Exception {
        try (ScriptedServer server = answering("HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n", 1000)) {
            Transcript t = new Transcript();
            client.connect(ClientFixture.request(server.port(), "HEAD", "/", t).build());
            t.awaitEnd();

            assertNull(t.failure);
            assertEquals(List.of("prepare", "headers 200", "complete", "closed"), t.eventKinds());
            assertEquals("HEAD / HTTP/1.1", server.requests.get(0).requestLine());
        }
    }

    @Test
    void noContentAndNotModifiedHaveNoBody() throws Exception {
        for (String status : List.of("204 No Content", "304 Not Modified")) {
            try (ScriptedServer server = answering("HTTP/1.1 " + status + "\r\nContent-Length: 10\r\n\r\n", 1000)) {
                Transcript t = client.get(server.port(), "/");

                assertNull(t.failure, status);
                assertEquals(List.of("prepare", "headers " + status.substring(0, 3), "complete", "closed"), t.eventKinds());
            }
        }
    }

    @Test
    void interimResponsesAreSkipped() throws Exception {
        try (ScriptedServer server = answering("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
                + "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok", 7)) {
            Transcript t = client.get(server.port(), "/");

            assertEquals(201, t.status);
            assertFalse(t.responseHeaders.contains("link"), "fields of the interim response are not the final response's");
            assertEquals("ok", t.bodyText());
        }
    }

    @Test
    void emptyReasonPhraseIsAccepted() throws Exception {
        try (ScriptedServer server = answering("HTTP/1.1 404 \r\nContent-Length: 0\r\n\r\n", 1000)) {
            Transcript t = client.get(server.port(), "/");

            assertEquals(404, t.status);
            assertEquals("", t.reason);
            assertEquals(List.of("prepare", "headers 404", "complete", "closed"), t.eventKinds());
        }
    }

    @Test
    void largeBodyArrivesWholeAndInOrder() throws Exception {
        byte[] big = new byte[3 << 20];
        new java.util.Random(7).nextBytes(big);
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.readRequest();
            peer.send("HTTP/1.1 200 OK\r\nContent-Length: " + big.length + "\r\n\r\n");
            peer.send(big);
            peer.awaitClientClose();
        })) {
            Transcript t = client.get(server.port(), "/big");

            assertNull(t.failure);
            assertTrue(java.util.Arrays.equals(big, t.bodyBytes()), "3 MiB body arrives unchanged");
        }
    }
}
