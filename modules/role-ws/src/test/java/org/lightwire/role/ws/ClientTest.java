package org.lightwire.role.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.lightwire.api.ClientRequest;
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.ws.WsMessageType;

/**
 * The ws client (RFC 6455 section 4.1 and 5.1, client side) on the harness loop, against a
 * scripted server on loopback: what it sends, and every answer it must refuse.
 */
class ClientTest {

    static String ok(String request, String extra) {
        return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + AcceptKey.accept(ScriptedServer.key(request)) + "\r\n" + extra + "\r\n";
    }

    /** Retries quickly, at most twice. */
    private static final RetryPolicy TWO_QUICK_RETRIES = RetryPolicy.builder().retryMillis(10).concealCount(2).build();

    /** Connects the harness' vhost to {@code server} as protocol "chat" and drives the loop until {@code done}. */
    private static void connect(WsTestServer h, ScriptedServer server, BooleanSupplier done) {
        startConnect(h, server, RetryPolicy.DEFAULT);
        drive(h, done);
    }

    /** The same under {@code policy}, with the harness clock moving so its retry delays pass. */
    private static void connect(WsTestServer h, ScriptedServer server, RetryPolicy policy, BooleanSupplier done) {
        startConnect(h, server, policy);
        driveWithClock(h, done);
    }

    private static void startConnect(WsTestServer h, ScriptedServer server, RetryPolicy policy) {
        h.connection.run(() -> h.connection.context().vhosts().get(0).connect(ClientRequest
                .builder("127.0.0.1", server.port()).role("ws").protocol("chat").retryPolicy(policy)
                .subprotocols(List.of("chat", "v2")).origin("http://test").header("X-Extra", "1").build()));
    }

    /**
     * Drives the loop and moves the harness' manual clock 1 ms a pass, so retry delays pass
     * (never faster than real time: a pass takes at least 2 ms).
     */
    private static void driveWithClock(WsTestServer h, BooleanSupplier done) {
        drive(h, () -> {
            h.connection.advanceMicros(1_000);
            return done.getAsBoolean();
        });
    }

    /** Drives the loop long enough for a retry the policy would have made (10 ms) to show. */
    private static void driveBeyondRetryDelay(WsTestServer h) {
        int[] passes = {0};
        driveWithClock(h, () -> ++passes[0] > 100);
    }

    static void drive(WsTestServer h, BooleanSupplier done) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out; events " + h.chat.events);
            }
            h.connection.run(() -> { });
            try {
                // polling: the scripted server answers on its own thread
                Thread.sleep(2);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static Function<String, byte[]> answer(Function<String, String> head, byte[] frames) {
        return request -> Peer.concat(head.apply(request).getBytes(StandardCharsets.ISO_8859_1), frames);
    }

    @Test
    void requestCarriesKeyVersionProtocolsOriginAndHeadersAndFramesFollowThe101() throws Exception {
        byte[] serverText = Peer.bytes(0x81, 0x02, 'h', 'i');
        try (WsTestServer h = WsTestServer.create();
                ScriptedServer server = new ScriptedServer(answer(r -> ok(r, "Sec-WebSocket-Protocol: v2\r\n"),
                        serverText))) {
            connect(h, server, () -> h.chat.events("rx").size() == 1);

            String request = server.request.get();
            assertTrue(request.startsWith("GET / HTTP/1.1\r\n"), request);
            assertTrue(request.contains("\r\nSec-WebSocket-Version: 13\r\n"), request);
            assertTrue(request.contains("\r\nSec-WebSocket-Protocol: chat, v2\r\n"), request);
            assertTrue(request.contains("\r\nOrigin: http://test\r\n"), request);
            assertTrue(request.contains("\r\nX-Extra: 1\r\n"), request);
            assertTrue(request.contains("\r\nHost: 127.0.0.1:" + server.port() + "\r\n"), request);
            assertTrue(AcceptKey.isValidKey(ScriptedServer.key(request)));
            assertEquals(List.of("session -", "established v2 ua=-", "rx TEXT first=true last=true remaining=0 hi"),
                    h.chat.events);
        }
    }

    @Test
    void clientFramesAreMaskedWithAFreshKeyEach() throws Exception {
        try (WsTestServer h = WsTestServer.create();
                ScriptedServer server = new ScriptedServer(answer(r -> ok(r, ""), new byte[0]))) {
            connect(h, server, () -> h.chat.events.size() >= 2);
            h.chat.write(ws -> ws.send(ByteBuffer.wrap("abcd".getBytes(StandardCharsets.UTF_8)), WsMessageType.TEXT,
                    true, true));
            h.chat.write(ws -> ws.send(ByteBuffer.wrap("abcd".getBytes(StandardCharsets.UTF_8)), WsMessageType.TEXT,
                    true, true));
            h.connection.run(() -> { });

            byte[] one = server.read(10);
            byte[] two = server.read(10);
            assertEquals(0x84, one[1] & 0xFF, "mask bit and length 4");
            assertEquals(0x84, two[1] & 0xFF);
            assertNotEquals(ByteBuffer.wrap(one, 2, 4), ByteBuffer.wrap(two, 2, 4), "a fresh key per frame");
        }
    }

    @Test
    void maskedServerFrameClosesWith1002() throws Exception {
        byte[] masked = Peer.text("no");
        try (WsTestServer h = WsTestServer.create();
                ScriptedServer server = new ScriptedServer(answer(r -> ok(r, ""), masked))) {
            connect(h, server, () -> h.chat.events.size() >= 2);
            int[] passes = {0};
            drive(h, () -> ++passes[0] > 50); // lets the loop read the frame and write its close
            assertEquals(List.of(), h.chat.events("rx"), "nothing of the masked frame is delivered");
            byte[] close = server.read(8);
            assertEquals(0x88, close[0] & 0xFF);
            byte[] code = {(byte) (close[6] ^ close[2]), (byte) (close[7] ^ close[3])};
            assertEquals(1002, ((code[0] & 0xFF) << 8) | (code[1] & 0xFF));
        }
    }

    /** Refused at once, although the policy would retry: the same request would get the same answer. */
    private void assertHandshakeRefused(Function<String, String> head, String why) throws Exception {
        try (WsTestServer h = WsTestServer.create();
                ScriptedServer server = new ScriptedServer(answer(head, new byte[0]))) {
            connect(h, server, TWO_QUICK_RETRIES, () -> !h.chat.events("connect-failed").isEmpty());
            driveBeyondRetryDelay(h);
            assertEquals(List.of("session -", "connect-failed WsHandshakeException"), h.chat.events, why);
            assertEquals(1, server.requests(), why + ": not retried");
        }
    }

    @Test
    void refusedConnectionIsReportedOnceAsConnectFailed() throws Exception {
        int port;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        try (WsTestServer h = WsTestServer.create()) {
            h.connection.run(() -> h.connection.context().vhosts().get(0).connect(ClientRequest
                    .builder("127.0.0.1", port).role("ws").protocol("chat").build()));
            drive(h, () -> !h.chat.events("connect-failed").isEmpty());
            int[] passes = {0};
            drive(h, () -> ++passes[0] > 20);
            assertEquals(List.of("session -", "connect-failed ConnectException"), h.chat.events);
        }
    }

    @Test
    void handshakeFailureIsReportedAsConnectFailedWithItsReason() throws Exception {
        try (WsTestServer h = WsTestServer.create();
                ScriptedServer server = new ScriptedServer(answer(r -> "HTTP/1.1 404 Not Found\r\n\r\n",
                        new byte[0]))) {
            connect(h, server, () -> !h.chat.events("connect-failed").isEmpty());
            assertEquals(List.of("session -", "connect-failed WsHandshakeException"), h.chat.events);
        }
    }

    @Test
    void notFoundIsNotRetriedEvenWhenThePolicyWould() throws Exception {
        assertHandshakeRefused(r -> "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", "404");
    }

    @Test
    void serviceUnavailableIsRetriedAndTheThird101ConnectsTheSameSession() throws Exception {
        try (WsTestServer h = WsTestServer.create();
                ScriptedServer server = new ScriptedServer((number, r) -> (number < 3
                        ? "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n"
                        : ok(r, "")).getBytes(StandardCharsets.ISO_8859_1))) {
            connect(h, server, TWO_QUICK_RETRIES, () -> h.chat.events.size() >= 2);

            assertEquals(List.of("session -", "established - ua=-"), h.chat.events,
                    "one session, which never heard of the failed attempts");
            assertEquals(3, server.requests());
            assertTrue(h.chat.socket.connection().isOpen());
        }
    }

    @Test
    void serviceUnavailableBeyondTheConcealCountIsReportedWithItsStatusLine() throws Exception {
        try (WsTestServer h = WsTestServer.create();
                ScriptedServer server = new ScriptedServer(answer(r -> "HTTP/1.1 503 Service Unavailable\r\n"
                        + "Content-Length: 0\r\n\r\n", new byte[0]))) {
            RetryPolicy oneRetry = RetryPolicy.builder().retryMillis(10).concealCount(1).build();
            connect(h, server, oneRetry, () -> !h.chat.events("connect-failed").isEmpty());
            driveBeyondRetryDelay(h);

            assertEquals(List.of("session -", "connect-failed WsHandshakeException"), h.chat.events);
            assertEquals(2, server.requests());
            String message = h.chat.connectFailure.getMessage();
            assertTrue(message.contains("'HTTP/1.1 503 Service Unavailable' instead of 101"), message);
        }
    }

    @Test
    void noAnswerWithinTheTimeoutIsRetried() throws Exception {
        try (WsTestServer h = WsTestServer.create();
                ScriptedServer server = new ScriptedServer((number, r) -> number == 1 ? new byte[0]
                        : ok(r, "").getBytes(StandardCharsets.ISO_8859_1))) {
            connect(h, server, TWO_QUICK_RETRIES, () -> server.request.isDone());
            h.connection.advanceSeconds(WsTestServer.TIMEOUT_SECS);
            driveWithClock(h, () -> h.chat.events.size() >= 2);

            assertEquals(List.of("session -", "established - ua=-"), h.chat.events);
            assertEquals(2, server.requests());
        }
    }

    @Test
    void serverClosingInsideTheHeadIsRetried() throws Exception {
        try (WsTestServer h = WsTestServer.create();
                ScriptedServer server = new ScriptedServer((number, r) -> (number == 1 ? "HTTP/1.1 101 Switching"
                        : ok(r, "")).getBytes(StandardCharsets.ISO_8859_1))) {
            connect(h, server, TWO_QUICK_RETRIES, () -> server.request.isDone());
            server.dropConnection();
            driveWithClock(h, () -> h.chat.events.size() >= 2);

            assertEquals(List.of("session -", "established - ua=-"), h.chat.events);
            assertEquals(2, server.requests());
        }
    }

    @Test
    void connectFailedNamesTheStatusLineTheServerAnswered() throws Exception {
        try (WsTestServer h = WsTestServer.create();
                ScriptedServer server = new ScriptedServer(answer(r -> "HTTP/1.1 503 Service Unavailable\r\n"
                        + "Retry-After: 1\r\nContent-Length: 0\r\n\r\n", new byte[0]))) {
            connect(h, server, () -> !h.chat.events("connect-failed").isEmpty());
            String message = h.chat.connectFailure.getMessage();
            assertTrue(message.contains("handshake with /127.0.0.1:" + server.port() + " failed"), message);
            assertTrue(message.contains("'HTTP/1.1 503 Service Unavailable' instead of 101"), message);
        }
    }

    @Test
    void wrongAcceptFailsTheHandshake() throws Exception {
        assertHandshakeRefused(r -> ok(r, "").replace(AcceptKey.accept(ScriptedServer.key(r)),
                AcceptKey.accept("x")), "accept not answering our key");
    }

    @Test
    void subprotocolNotOfferedFailsTheHandshake() throws Exception {
        assertHandshakeRefused(r -> ok(r, "Sec-WebSocket-Protocol: other\r\n"), "protocol not offered");
    }

    @Test
    void extensionNotOfferedFailsTheHandshake() throws Exception {
        assertHandshakeRefused(r -> ok(r, "Sec-WebSocket-Extensions: x-unknown\r\n"), "unknown extension");
    }

    @Test
    void responseHeadOverTheHttpLimitsFailsTheHandshake() throws Exception {
        assertHandshakeRefused(r -> ok(r, "X-Padding: " + "p".repeat(200_000) + "\r\n"), "oversized head");
    }

    @Test
    void serverClosingInsideTheHeadIsAConnectFailureWhenThePolicyConcealsNone() throws Exception {
        try (WsTestServer h = WsTestServer.create();
                ScriptedServer server = new ScriptedServer(answer(r -> "HTTP/1.1 101 Switching", new byte[0]))) {
            connect(h, server, () -> server.request.isDone());
            server.dropConnection();
            drive(h, () -> !h.chat.events("connect-failed").isEmpty());
            assertEquals(List.of("session -", "connect-failed WsHandshakeException"), h.chat.events);
            assertEquals(1, server.requests());
        }
    }

    @Test
    void statusOtherThan101FailsTheHandshake() throws Exception {
        assertHandshakeRefused(r -> "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n", "403");
    }

    @Test
    void serverWindowBitsBelow15AreAcceptedBecauseInflatingTakesAnyWindow() throws Exception {
        try (WsTestServer h = WsTestServer.create();
                ScriptedServer server = new ScriptedServer(answer(
                        r -> ok(r, "Sec-WebSocket-Extensions: permessage-deflate; server_max_window_bits=10\r\n"),
                        new byte[0]))) {
            connect(h, server, () -> h.chat.events.size() >= 2);
            assertEquals("established - ua=-", h.chat.events.get(1));
            assertEquals("permessage-deflate; server_max_window_bits=10", h.chat.socket.extensions().orElseThrow());
        }
    }
}
