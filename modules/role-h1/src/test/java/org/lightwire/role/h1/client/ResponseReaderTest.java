package org.lightwire.role.h1.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lightwire.api.HttpLimits;
import org.lightwire.role.h1.wire.HttpWireException;

/** The response reader on its own: framing decisions, keep-alive, and the violations it refuses. */
class ResponseReaderTest {

    private final ResponseReader reader = new ResponseReader(HttpLimits.DEFAULTS);

    /** Feeds {@code response} whole and returns the body, failing if the response does not complete. */
    private String readAll(String response, boolean head) throws HttpWireException {
        reader.expect(head);
        ByteBuffer in = ByteBuffer.wrap(response.getBytes(StandardCharsets.ISO_8859_1));
        StringBuilder body = new StringBuilder();
        while (true) {
            switch (reader.next(in)) {
                case NEED_MORE -> throw new AssertionError("response incomplete; body so far '" + body + "'");
                case INTERIM, HEAD -> { }
                case BODY -> {
                    int n = reader.bodyBytes();
                    for (int i = 0; i < n; i++) {
                        body.append((char) in.get());
                    }
                    reader.bodyConsumed(n);
                }
                case COMPLETE -> {
                    return body.toString();
                }
            }
        }
    }

    @Test
    void contentLengthBody() throws Exception {
        assertEquals("hello", readAll("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", false));
        assertEquals(200, reader.status());
        assertTrue(reader.keepAlive());
    }

    @Test
    void chunkedBody() throws Exception {
        assertEquals("hello world", readAll("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nhello \r\n5\r\nworld\r\n0\r\n\r\n", false));
        assertTrue(reader.keepAlive());
    }

    @Test
    void connectionCloseAndHttp10WithoutKeepAliveAreNotPersistent() throws Exception {
        readAll("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", false);
        assertFalse(reader.keepAlive());
        readAll("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", false);
        assertFalse(reader.keepAlive());
        readAll("HTTP/1.0 200 OK\r\nContent-Length: 0\r\nConnection: Keep-Alive\r\n\r\n", false);
        assertTrue(reader.keepAlive());
    }

    @Test
    void bodyUntilCloseIsNeverPersistent() throws Exception {
        reader.expect(false);
        ByteBuffer in = ByteBuffer.wrap("HTTP/1.1 200 OK\r\n\r\nabc".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(ResponseReader.Step.HEAD, reader.next(in));
        assertFalse(reader.keepAlive());
        assertEquals(ResponseReader.Step.BODY, reader.next(in));
        assertEquals(3, reader.bodyBytes());
        in.position(in.limit());
        reader.bodyConsumed(3);
        assertEquals(ResponseReader.Step.NEED_MORE, reader.next(in));
        assertTrue(reader.endOfInput(), "the close ends the body");
    }

    @Test
    void truncatedLengthBodyIsNotCompletedByClose() throws Exception {
        reader.expect(false);
        ByteBuffer in = ByteBuffer.wrap("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc".getBytes(StandardCharsets.ISO_8859_1));
        reader.next(in);
        reader.next(in);
        in.position(in.limit());
        reader.bodyConsumed(3);
        assertFalse(reader.endOfInput());
    }

    @Test
    void headAndBodylessStatusesHaveNoBody() throws Exception {
        assertEquals("", readAll("HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n", true));
        assertEquals("", readAll("HTTP/1.1 204 No Content\r\n\r\n", false));
        assertEquals("", readAll("HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\n", false));
    }

    @Test
    void interimResponsesComeBeforeTheFinalOne() throws Exception {
        assertEquals("x", readAll("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx", false));
        assertEquals(200, reader.status());
    }

    @Test
    void bytesSplitAnywhereGiveTheSameResult() throws Exception {
        String response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX: y\r\n\r\n3;a=b\r\nabc\r\n2\r\nde\r\n0\r\nT: 1\r\n\r\n";
        byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
        for (int split = 1; split < bytes.length; split++) {
            reader.expect(false);
            StringBuilder body = new StringBuilder();
            boolean complete = false;
            for (int offset = 0; offset < bytes.length && !complete; offset += split) {
                ByteBuffer in = ByteBuffer.wrap(bytes, offset, Math.min(split, bytes.length - offset));
                loop:
                while (true) {
                    switch (reader.next(in)) {
                        case NEED_MORE -> {
                            break loop;
                        }
                        case BODY -> {
                            int n = reader.bodyBytes();
                            for (int i = 0; i < n; i++) {
                                body.append((char) in.get());
                            }
                            reader.bodyConsumed(n);
                        }
                        case COMPLETE -> {
                            complete = true;
                            break loop;
                        }
                        default -> { }
                    }
                }
            }
            assertTrue(complete, "split " + split);
            assertEquals("abcde", body.toString(), "split " + split);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
            "HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: identity\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 5, 6\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 0x10\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n",
            "HTTP/1.1 204 No Content\r\nContent-Length: abc\r\n\r\n",
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n",
            "HTTP/2.0 200 OK\r\n\r\n",
            "HTTP/1.2 200 OK\r\n\r\n",
            "HTTP/1.1 20 OK\r\n\r\n",
            "HTTP/1.1 2000 OK\r\n\r\n",
            "HTTP/1.1 099 Low\r\n\r\n",
            "HTTP/1.1 600 High\r\n\r\n",
            "HTTP/1.1 2x0 OK\r\n\r\n",
            "ICY 200 OK\r\n\r\n",
            "http/1.1 200 OK\r\n\r\n",
            "HTTP/1.1  200 OK\r\n\r\n",
            "HTTP/1.1 200 OK\nContent-Length: 0\n\n",
            "HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n",
            "HTTP/1.1 200 OK\r\nName : x\r\n\r\n",
            "HTTP/1.1 200 OK\r\nA: b\r\n folded\r\n\r\n",
            "HTTP/1.1 200 OK\r\nA: b\u0000c\r\n\r\n",
            "HTTP/1.1 200 OK\r\nno colon\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n11111111111111111\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\nabc\r\n",
    })
    void malformedResponsesAreRefused(String response) {
        reader.expect(false);
        ByteBuffer in = ByteBuffer.wrap(response.getBytes(StandardCharsets.ISO_8859_1));
        assertThrows(HttpWireException.class, () -> {
            for (int i = 0; i < 100 && in.hasRemaining(); i++) {
                if (reader.next(in) == ResponseReader.Step.BODY) {
                    in.position(in.position() + reader.bodyBytes());
                    reader.bodyConsumed(reader.bodyBytes());
                }
            }
        }, response);
    }

    @Test
    void headerLimitsFromTheContextApply() {
        ResponseReader small = new ResponseReader(HttpLimits.builder().maxRequestLine(32).maxHeaderBytes(64).maxHeaderCount(2).maxBodyBytes(0).build());
        small.expect(false);
        assertThrows(HttpWireException.class, () -> small.next(ByteBuffer.wrap(
                ("HTTP/1.1 200 " + "x".repeat(40) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1))), "status line limit");
        small.expect(false);
        assertThrows(HttpWireException.class, () -> small.next(ByteBuffer.wrap(
                "HTTP/1.1 200 OK\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1))), "field count limit");
        small.expect(false);
        assertThrows(HttpWireException.class, () -> small.next(ByteBuffer.wrap(
                ("HTTP/1.1 200 OK\r\nA: " + "v".repeat(80) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1))), "field bytes limit");
    }
}
