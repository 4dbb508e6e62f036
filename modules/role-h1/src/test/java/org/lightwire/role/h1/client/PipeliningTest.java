package org.lightwire.role.h1.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Connection;
import org.lightwire.api.HttpLimits;
import org.lightwire.api.ServiceLoop;

/**
 * Pipelined requests (lws LCCSCF_PIPELINE): requests to the same server queue behind the
 * first connection; a server that keeps alive carries them all on that one socket, in
 * order; a server that closes makes each queued request fall back to its own connection.
 */
class PipeliningTest {

    // two loops, so falling back onto the wrong loop would show
    private final ClientFixture client = new ClientFixture(5, HttpLimits.DEFAULTS, 2);

    @AfterEach
    void stop() {
        client.close();
    }

    private static void awaitRequests(ScriptedServer server, int n) throws InterruptedException {
        for (int i = 0; i < 500 && server.requests.size() < n; i++) {
            Thread.sleep(10); // the scripted server counts requests on its own thread: poll it
        }
        assertEquals(n, server.requests.size(), "requests the server received");
    }

    /** Waits until tasks posted to {@code loop} so far have run. */
    private static void drain(ServiceLoop loop) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        loop.execute(done::countDown);
        assertTrue(done.await(10, TimeUnit.SECONDS));
    }

    private Connection pipelined(int port, String path, Transcript t) {
        return client.connect(ClientFixture.request(port, "GET", path, t).pipeline(true).build());
    }

    @Test
    void keptAliveConnectionCarriesQueuedRequestsInOrderOnOneSocket() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.readRequest();
            release.await();
            peer.send("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\none");
            peer.readRequest();
            peer.send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\ntwo\r\n0\r\n\r\n");
            peer.readRequest();
            peer.send("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nthree");
            peer.awaitClientClose();
        })) {
            Transcript t1 = new Transcript();
            Transcript t2 = new Transcript();
            Transcript t3 = new Transcript();
            Connection c1 = pipelined(server.port(), "/1", t1);
            awaitRequests(server, 1);
            Connection c2 = pipelined(server.port(), "/2", t2);
            Connection c3 = pipelined(server.port(), "/3", t3);
            drain(c2.loop());
            release.countDown();
            t1.awaitEnd();
            t2.awaitEnd();
            t3.awaitEnd();

            assertEquals(1, server.accepted(), "one connection carried all three");
            assertEquals(List.of("GET /1 HTTP/1.1", "GET /2 HTTP/1.1", "GET /3 HTTP/1.1"),
                    server.requests.stream().map(ScriptedServer.Request::requestLine).toList());
            assertNull(server.requests.get(0).header("connection"), "a pipelining connection does not ask to close");
            assertEquals("one", t1.bodyText());
            assertEquals("two", t2.bodyText());
            assertEquals("three", t3.bodyText());
            for (Transcript t : List.of(t1, t2, t3)) {
                assertEquals(List.of("prepare", "headers 200", "body", "complete", "closed"), t.eventKinds());
                assertEquals(t1.threads.get(0), t.threads.get(0), "every session on the carrier's loop");
            }
            assertInstanceOf(PipelinedConnection.class, c2, "queued requests still have connections of their own");
            assertNotEquals(c2.id(), c3.id());
            assertNotEquals(c1.id(), c2.id());
            assertFalse(c2.isOpen(), "a queued request's connection closes when its response is complete");
            assertEquals(0, Pipelines.carrierCount(), "the finished connection left the registry");
        }
    }

    @Test
    void serverThatClosesMakesQueuedRequestsUseTheirOwnConnections() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer(peer -> {
            ScriptedServer.Request r = peer.readRequest();
            if (peer.index == 0) {
                release.await();
            }
            String body = "answer to " + r.requestLine().split(" ")[1];
            peer.send("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            peer.socket.close();
        })) {
            Transcript t1 = new Transcript();
            Transcript t2 = new Transcript();
            Transcript t3 = new Transcript();
            pipelined(server.port(), "/1", t1);
            awaitRequests(server, 1);
            Connection c2 = pipelined(server.port(), "/2", t2);
            pipelined(server.port(), "/3", t3);
            drain(c2.loop());
            assertEquals(1, server.accepted(), "queued requests wait for the first response");
            release.countDown();
            t1.awaitEnd();
            t2.awaitEnd();
            t3.awaitEnd();

            assertEquals(3, server.accepted(), "each queued request fell back to a connection of its own");
            assertEquals("answer to /1", t1.bodyText());
            assertEquals("answer to /2", t2.bodyText());
            assertEquals("answer to /3", t3.bodyText());
            assertNull(t2.failure);
            assertEquals(List.of("prepare", "headers 200", "body", "complete", "closed"), t2.eventKinds());
            assertTrue(t2.threads.stream().allMatch(t1.threads.get(0)::equals),
                    "a fallback connection stays on the loop its session lives on: " + t1.threads + " " + t2.threads);
            assertEquals(c2, t2.connection, "the session keeps the connection object it was created with");
        }
    }

    @Test
    void requestsWithoutPipelineGetTheirOwnConnections() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.readRequest();
            release.await();
            peer.send("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx");
            peer.awaitClientClose();
        })) {
            Transcript t1 = new Transcript();
            Transcript t2 = new Transcript();
            pipelined(server.port(), "/1", t1);
            awaitRequests(server, 1);
            client.connect(ClientFixture.request(server.port(), "GET", "/2", t2).build());
            awaitRequests(server, 2);
            release.countDown();
            t1.awaitEnd();
            t2.awaitEnd();

            assertEquals(2, server.accepted());
        }
    }

    @Test
    void closingAQueuedRequestWithdrawsItUnsent() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer(peer -> {
            while (peer.readRequest() != null) {
                release.await();
                peer.send("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx");
            }
        })) {
            Transcript t1 = new Transcript();
            Transcript t2 = new Transcript();
            Transcript t3 = new Transcript();
            pipelined(server.port(), "/1", t1);
            awaitRequests(server, 1);
            Connection c2 = pipelined(server.port(), "/2", t2);
            pipelined(server.port(), "/3", t3);
            drain(c2.loop());
            c2.close();
            t2.awaitEnd();
            release.countDown();
            t1.awaitEnd();
            t3.awaitEnd();

            assertEquals(List.of("failed"), t2.events);
            assertTrue(t2.failure.getMessage().contains("closed before the request was sent"));
            assertEquals(List.of("GET /1 HTTP/1.1", "GET /3 HTTP/1.1"),
                    server.requests.stream().map(ScriptedServer.Request::requestLine).toList());
            assertEquals("x", t3.bodyText());
        }
    }

    @Test
    void queuedRequestsFailWhenTheServerCannotBeReached() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Transcript t1 = new Transcript();
        Transcript t2 = new Transcript();
        pipelined(port, "/1", t1);
        pipelined(port, "/2", t2);
        t1.awaitEnd();
        t2.awaitEnd();

        assertInstanceOf(IOException.class, t1.failure);
        assertEquals(List.of("failed"), t2.events);
    }

    @Test
    void queuedRequestWritesItsBodyOverTheSharedConnection() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.readRequest();
            release.await();
            peer.send("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
            ScriptedServer.Request post = peer.readRequest();
            peer.send("HTTP/1.1 201 Created\r\nContent-Length: " + post.body().length + "\r\n\r\n");
            peer.send(post.body());
            peer.awaitClientClose();
        })) {
            Transcript t1 = new Transcript();
            Transcript t2 = new Transcript().body("part one, ", "part two");
            pipelined(server.port(), "/1", t1);
            awaitRequests(server, 1);
            Connection c2 = client.connect(ClientFixture.request(server.port(), "POST", "/2", t2).pipeline(true).build());
            drain(c2.loop());
            release.countDown();
            t2.awaitEnd();

            assertEquals(1, server.accepted());
            assertEquals("18", server.requests.get(1).header("content-length"));
            assertEquals(201, t2.status);
            assertEquals("part one, part two", t2.bodyText(), "the server echoed the body it received");
        }
    }

    @Test
    void garbageAfterAKeptAliveResponseSendsQueuedRequestsElsewhere() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer(peer -> {
            peer.readRequest();
            if (peer.index == 0) {
                release.await();
                peer.send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokJUNK");
                peer.awaitClientClose();
                return;
            }
            peer.send("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nclean");
            peer.awaitClientClose();
        })) {
            Transcript t1 = new Transcript();
            Transcript t2 = new Transcript();
            pipelined(server.port(), "/1", t1);
            awaitRequests(server, 1);
            Connection c2 = pipelined(server.port(), "/2", t2);
            drain(c2.loop());
            release.countDown();
            t1.awaitEnd();
            t2.awaitEnd();

            assertEquals("ok", t1.bodyText(), "the first response was whole");
            assertNull(t2.failure);
            assertEquals("clean", t2.bodyText());
            assertEquals(2, server.accepted(), "the queued request was never sent on the corrupted stream");
        }
    }
}
