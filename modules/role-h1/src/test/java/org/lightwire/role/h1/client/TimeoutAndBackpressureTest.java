package org.lightwire.role.h1.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Connection;
import org.lightwire.api.HttpLimits;

/**
 * The response timeout (timeout-secs without progress) and back-pressure: a session that
 * pauses reception stops the reading, the server's sends back up, and nothing is lost.
 */
class TimeoutAndBackpressureTest {

    private final ClientFixture client = new ClientFixture(1, HttpLimits.DEFAULTS, 1);

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void silentServerTimesOut() throws Exception {
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.readRequest();
            peer.awaitClientClose();
        })) {
            long start = System.nanoTime();
            Transcript t = client.get(server.port(), "/slow");
            long millis = (System.nanoTime() - start) / 1_000_000;

            HttpClientFailure f = assertInstanceOf(HttpClientFailure.class, t.failure);
            assertEquals(HttpClientFailure.Kind.RESPONSE_TIMEOUT, f.kind());
            assertTrue(f.getMessage().contains("within 1s"), f.getMessage());
            assertTrue(millis >= 900 && millis < 5000, "timed out after " + millis + " ms");
            assertFalse(t.connection.isOpen());
        }
    }

    @Test
    void stalledBodyTimesOut() throws Exception {
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.readRequest();
            peer.send("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
            peer.awaitClientClose();
        })) {
            Transcript t = client.get(server.port(), "/");

            HttpClientFailure f = assertInstanceOf(HttpClientFailure.class, t.failure);
            assertEquals(HttpClientFailure.Kind.RESPONSE_TIMEOUT, f.kind());
            assertTrue(f.getMessage().contains("7 body bytes still to come"), f.getMessage());
        }
    }

    @Test
    void steadyProgressIsNotATimeout() throws Exception {
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.readRequest();
            peer.send("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n");
            for (int i = 0; i < 4; i++) {
                Thread.sleep(600); // a slow drip: each byte resets the client's progress timer
                peer.send("x");
            }
            peer.awaitClientClose();
        })) {
            Transcript t = client.get(server.port(), "/");

            assertNull(t.failure, "2.4 s in all, but never 1 s without progress");
            assertEquals("xxxx", t.bodyText());
        }
    }

    @Test
    void pausedSessionStopsReadingUntilItResumes() throws Exception {
        byte[] big = new byte[16 << 20];
        new Random(3).nextBytes(big);
        CountDownLatch allSent = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.readRequest();
            peer.send("HTTP/1.1 200 OK\r\nContent-Length: " + big.length + "\r\n\r\n");
            peer.send(big);
            allSent.countDown();
            peer.awaitClientClose();
        })) {
            Transcript t = new Transcript();
            t.pauseOnFirstBody = true;
            Connection c = client.connect(ClientFixture.request(server.port(), "GET", "/big", t).build());
            assertTrue(t.firstBody.await(10, TimeUnit.SECONDS));
            // 2.5 timeouts: a paused session is not the server being slow
            assertFalse(allSent.await(2500, TimeUnit.MILLISECONDS), "the server's sends back up while the client is paused");
            assertEquals(1, t.bodyEvents, "no body event while paused");
            assertTrue(t.connection.isOpen());
            assertNull(t.failure);

            c.loop().execute(() -> c.rxFlowControl(true));
            t.awaitEnd();

            assertTrue(allSent.await(10, TimeUnit.SECONDS));
            assertNull(t.failure);
            assertArrayEquals(big, t.bodyBytes());
        }
    }
}
