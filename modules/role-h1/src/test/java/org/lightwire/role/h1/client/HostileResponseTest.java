package org.lightwire.role.h1.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lightwire.api.HttpLimits;

/**
 * Servers that break the rules: the request fails with a message naming the rule, and the
 * connection closes (its byte stream can no longer be trusted).
 */
class HostileResponseTest {

    private final ClientFixture client = new ClientFixture(5, HttpLimits.builder().maxRequestLine(256).maxHeaderBytes(1024).maxHeaderCount(10).maxBodyBytes(1024).build(), 1);

    @AfterEach
    void stop() {
        client.close();
    }

    /** Sends {@code response} to the first request and reports whether the client then closed the connection. */
    private Transcript against(String response, boolean[] clientClosed) throws Exception {
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.readRequest();
            peer.send(response);
            clientClosed[0] = peer.awaitClientClose();
        })) {
            Transcript t = client.get(server.port(), "/");
            for (int i = 0; i < 100 && !clientClosed[0]; i++) {
                Thread.sleep(20); // the scripted peer thread reports the close: poll it
            }
            return t;
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "HTTP/1.1 200 OK\\r\\nContent-Length: 3\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\nabc| both Transfer-Encoding and Content-Length",
            "HTTP/1.1 200 OK\\r\\nContent-Length: 3\\r\\nContent-Length: 4\\r\\n\\r\\nabc| differing Content-Length",
            "HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\nnothex\\r\\n| chunk size is not hex",
            "HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n2\\r\\nabc\\r\\n0\\r\\n\\r\\n| chunk data not followed by CRLF",
            "SMTP ready\\r\\n\\r\\n| bad status line",
            "HTTP/1.1 200 OK\\r\\nX: a\\r\\n folded\\r\\n\\r\\n| obs-fold",
            "HTTP/1.1 101 Switching Protocols\\r\\n\\r\\n| 101 Switching Protocols",
    })
    void malformedResponseFailsAndCloses(String escaped, String expectedMessagePart) throws Exception {
        boolean[] closed = new boolean[1];
        Transcript t = against(escaped.replace("\\r", "\r").replace("\\n", "\n"), closed);

        HttpClientFailure f = assertInstanceOf(HttpClientFailure.class, t.failure, String.valueOf(t.failure));
        assertEquals(HttpClientFailure.Kind.MALFORMED_RESPONSE, f.kind());
        assertTrue(f.getMessage().contains(expectedMessagePart.trim()), f.getMessage());
        assertTrue(f.getMessage().contains("127.0.0.1:"), "names the peer: " + f.getMessage());
        assertTrue(closed[0], "the client closed the connection");
        assertFalse(t.connection.isOpen());
        assertTrue(t.events.get(t.events.size() - 1).equals("failed"), "nothing after failed: " + t.events);
    }

    @Test
    void headerSectionOverTheLimitFails() throws Exception {
        boolean[] closed = new boolean[1];
        Transcript t = against("HTTP/1.1 200 OK\r\nX: " + "v".repeat(2000) + "\r\n\r\n", closed);

        HttpClientFailure f = assertInstanceOf(HttpClientFailure.class, t.failure);
        assertTrue(f.getMessage().contains("larger than 1024 bytes"), f.getMessage());
        assertTrue(closed[0]);
    }

    @Test
    void tooManyHeaderFieldsFail() throws Exception {
        boolean[] closed = new boolean[1];
        Transcript t = against("HTTP/1.1 200 OK\r\n" + "A: b\r\n".repeat(11) + "\r\n", closed);

        assertTrue(assertInstanceOf(HttpClientFailure.class, t.failure).getMessage().contains("more than 10 header fields"));
    }

    @Test
    void statusLineOverTheLimitFails() throws Exception {
        boolean[] closed = new boolean[1];
        Transcript t = against("HTTP/1.1 200 " + "x".repeat(300) + "\r\n\r\n", closed);

        assertTrue(assertInstanceOf(HttpClientFailure.class, t.failure).getMessage().contains("longer than 256 bytes"));
    }

    @Test
    void serverClosingMidBodyIsAPrematureClose() throws Exception {
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.readRequest();
            peer.send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this");
            peer.socket.close();
        })) {
            Transcript t = client.get(server.port(), "/");

            HttpClientFailure f = assertInstanceOf(HttpClientFailure.class, t.failure);
            assertEquals(HttpClientFailure.Kind.PREMATURE_CLOSE, f.kind());
            assertTrue(f.getMessage().contains("91 body bytes still to come"), f.getMessage());
            assertEquals("only this", t.bodyText(), "what arrived was delivered");
        }
    }

    @Test
    void serverClosingBeforeAnsweringIsAPrematureClose() throws Exception {
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.readRequest();
            peer.socket.close();
        })) {
            Transcript t = client.get(server.port(), "/");

            HttpClientFailure f = assertInstanceOf(HttpClientFailure.class, t.failure);
            assertEquals(HttpClientFailure.Kind.PREMATURE_CLOSE, f.kind());
            assertTrue(f.getMessage().contains("before any response arrived"), f.getMessage());
        }
    }

    @Test
    void truncatedChunkedBodyIsAPrematureClose() throws Exception {
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.readRequest();
            peer.send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel");
            peer.socket.close();
        })) {
            Transcript t = client.get(server.port(), "/");

            assertEquals(HttpClientFailure.Kind.PREMATURE_CLOSE, assertInstanceOf(HttpClientFailure.class, t.failure).kind());
        }
    }

    @Test
    void bytesAfterTheResponseOnAConnectionThatShouldBeDoneAreRefused() throws Exception {
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.readRequest();
            peer.send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokGARBAGE");
            peer.awaitClientClose();
        })) {
            Transcript t = client.get(server.port(), "/");

            // the response itself was whole and is delivered; the trailing junk only ends the connection
            assertEquals("ok", t.bodyText());
            assertTrue(t.events.contains("complete"), t.events.toString());
        }
    }
}
