package org.lightwire.it.rawproxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.it.LauncherProcess;
import org.lightwire.it.Net;

/**
 * The raw-proxy role and protocol in the real launcher, on plain TCP: a vhost with
 * {@code "listen-accept-role": "raw-proxy"} relays every connection to an onward server
 * this test runs on 127.0.0.1 (and to socat's client), both ways, with back-pressure,
 * half-close and close passed on, and a refused onward connection closing the client.
 */
class RawProxyIT {

    private static final Duration START = Duration.ofSeconds(30);
    /** Peers' blocking I/O: one thread each (the common pool may have a single thread on a small machine). */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-proxy-it-peer");
        t.setDaemon(true);
        return t;
    });

    @TempDir
    static Path tmp;
    private static ServerSocket onward;
    private static LauncherProcess launcher;
    private static int proxyPort;
    private static int deadProxyPort;
    private static int deadPort;
    private static EchoPeer echo;
    private static int echoProxyPort;

    @BeforeAll
    static void startProxy() throws Exception {
        onward = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        onward.setSoTimeout(10_000);
        proxyPort = Net.freePort();
        deadProxyPort = Net.freePort();
        deadPort = Net.freePort(); // nothing listens here
        echo = EchoPeer.start(200, THREADS);
        echoProxyPort = Net.freePort();
        // two loops, so the test also covers the onward connection being pinned to the accepted one's loop
        Path conf = ProxyConfig.write(tmp.resolve("conf"), "\"count-threads\": \"2\"",
                ProxyConfig.proxyVhost("proxy", proxyPort, "ipv4:127.0.0.1:" + onward.getLocalPort()),
                ProxyConfig.proxyVhost("dead-end", deadProxyPort, "ipv4:127.0.0.1:" + deadPort),
                ProxyConfig.proxyVhost("echo", echoProxyPort, "ipv4:localhost:" + echo.port()));
        launcher = LauncherProcess.start("--config-dir", conf.toString());
        launcher.awaitLine("vhost 'dead-end' listening on", START);
    }

    @AfterAll
    static void stop() throws Exception {
        if (launcher != null) {
            launcher.close();
        }
        if (onward != null) {
            onward.close();
        }
        if (echo != null) {
            echo.close();
        }
    }

    private static Socket client() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", proxyPort), 2000);
        s.setSoTimeout(20_000);
        return s;
    }

    @Test
    void socatTalksToTheOnwardServerThroughTheProxy() throws Exception {
        CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> {
            try (Socket up = onward.accept()) {
                // echo line by line until the client half-closes, then say goodbye
                byte[] got = up.getInputStream().readAllBytes();
                up.getOutputStream().write(got);
                up.getOutputStream().write("bye\n".getBytes(StandardCharsets.US_ASCII));
                return new String(got, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, THREADS);
        String text = "SSH-2.0-not-really\r\nline two\n";
        Process socat = new ProcessBuilder("socat", "-t", "5", "-", "TCP:127.0.0.1:" + proxyPort)
                .redirectErrorStream(true).start();
        try (OutputStream in = socat.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        String out = new String(socat.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertTrue(socat.waitFor(20, TimeUnit.SECONDS), "socat finished");
        assertEquals(text, served.get(20, TimeUnit.SECONDS), "the onward server got the client's bytes and its end of stream");
        assertEquals(text + "bye\n", out, "socat got the echo and the answer sent after its half-close");
    }

    @Test
    void bigTransfersBothWaysAtOnceArriveIntact() throws Exception {
        int size = 48 * 1024 * 1024 + 12345;
        try (Socket c = client(); Socket up = onward.accept()) {
            up.setSoTimeout(20_000);
            CompletableFuture<byte[]> upSent = pump(up.getOutputStream(), size, 7, up);
            CompletableFuture<byte[]> clientSent = pump(c.getOutputStream(), size, 13, c);
            CompletableFuture<byte[]> upGot = digestOf(up.getInputStream());
            CompletableFuture<byte[]> clientGot = digestOf(c.getInputStream());
            assertArrayEquals(clientSent.get(60, TimeUnit.SECONDS), upGot.get(60, TimeUnit.SECONDS), "client -> onward");
            assertArrayEquals(upSent.get(60, TimeUnit.SECONDS), clientGot.get(60, TimeUnit.SECONDS), "onward -> client");
        }
    }

    @Test
    void aClientThatStopsReadingStopsTheOnwardServerInsteadOfFillingTheProxy() throws Exception {
        // what the kernel alone may hold on the path: the proxy's receive and send buffers at
        // their autotuned maximum, plus the small buffers of the test's own two sockets
        long kernel = maxOf("/proc/sys/net/ipv4/tcp_rmem") + maxOf("/proc/sys/net/ipv4/tcp_wmem");
        long slack = 4L * 1024 * 1024; // the proxy's one read per direction, the test's sockets, segments in flight
        long size = 2 * kernel + 32L * 1024 * 1024;
        try (Socket c = new Socket()) {
            c.setReceiveBufferSize(64 * 1024);
            c.connect(new InetSocketAddress("127.0.0.1", proxyPort), 2000);
            c.setSoTimeout(20_000);
            try (Socket up = onward.accept()) {
                up.setSendBufferSize(64 * 1024);
                AtomicLong written = new AtomicLong();
                CompletableFuture<byte[]> sent = CompletableFuture.supplyAsync(() -> {
                    try {
                        byte[] digest = writePattern(up.getOutputStream(), size, 3, written);
                        up.shutdownOutput();
                        return digest;
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                }, THREADS);
                InputStream in = c.getInputStream();
                MessageDigest got = MessageDigest.getInstance("SHA-256");
                byte[] buf = new byte[64 * 1024];
                long read = 0;
                while (read < 1024 * 1024) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, 1024 * 1024 - read));
                    got.update(buf, 0, n);
                    read += n;
                }
                // the client now stops reading: wait until the onward writer stops making progress
                long last = -1;
                while (written.get() != last) {
                    last = written.get();
                    Thread.sleep(1000); // polling another thread's progress: there is no event for "blocked"
                }
                long inFlight = written.get() - read;
                assertTrue(inFlight <= kernel + slack, "the onward server wrote " + written.get() + " bytes while the client read "
                        + read + ": " + inFlight + " in flight, more than the kernel buffers (" + kernel
                        + ") plus one read per direction; the proxy buffered");
                assertTrue(written.get() < size, "the writer is blocked, not done");
                // the client reads again: everything arrives, in order
                long n;
                while ((n = in.read(buf)) > 0) {
                    got.update(buf, 0, (int) n);
                    read += n;
                }
                assertEquals(size, read);
                assertArrayEquals(sent.get(60, TimeUnit.SECONDS), got.digest());
            }
        }
    }

    @Test
    void halfCloseTravelsBothWays() throws Exception {
        try (Socket c = client(); Socket up = onward.accept()) {
            up.setSoTimeout(20_000);
            c.getOutputStream().write("request".getBytes(StandardCharsets.US_ASCII));
            c.shutdownOutput();
            assertEquals("request", new String(up.getInputStream().readAllBytes(), StandardCharsets.US_ASCII),
                    "the onward server read the request and then the end of stream");
            up.getOutputStream().write("answer after the client's end".getBytes(StandardCharsets.US_ASCII));
            up.shutdownOutput();
            assertEquals("answer after the client's end",
                    new String(c.getInputStream().readAllBytes(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void theOnwardServerClosingClosesTheClientAfterItsLastBytes() throws Exception {
        try (Socket c = client()) {
            try (Socket up = onward.accept()) {
                up.getOutputStream().write("last words".getBytes(StandardCharsets.US_ASCII));
            } // closed outright
            assertEquals("last words", new String(c.getInputStream().readAllBytes(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void theClientClosingClosesTheOnwardConnection() throws Exception {
        Socket up;
        try (Socket c = client()) {
            up = onward.accept();
            c.getOutputStream().write("x".getBytes(StandardCharsets.US_ASCII));
            assertEquals('x', up.getInputStream().read());
        }
        try (up) {
            up.setSoTimeout(10_000);
            assertEquals(-1, up.getInputStream().read(), "the onward side sees the end too");
        }
    }

    @Test
    void aRefusedOnwardConnectionClosesTheClientWithALogLineNamingTheTarget() throws Exception {
        try (Socket c = new Socket()) {
            c.connect(new InetSocketAddress("127.0.0.1", deadProxyPort), 2000);
            c.getOutputStream().write("SSH-2.0-hello\r\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(Net.closedByPeer(c, Duration.ofSeconds(10)), "the client is closed");
        }
        launcher.awaitLine("raw-proxy: vhost 'dead-end': onward connection to ipv4:127.0.0.1:" + deadPort
                + " for .* failed: .*closing the accepted connection", Duration.ofSeconds(10));
    }

    @Test
    void manyConcurrentClientsEachGetTheirOwnBytesBack() throws Exception {
        int clients = 64;
        int size = 256 * 1024;
        List<CompletableFuture<Boolean>> results = new ArrayList<>();
        for (int k = 0; k < clients; k++) {
            int seed = 17 + 2 * k;
            results.add(CompletableFuture.supplyAsync(() -> {
                try (Socket c = new Socket()) {
                    c.connect(new InetSocketAddress("127.0.0.1", echoProxyPort), 5000);
                    c.setSoTimeout(30_000);
                    CompletableFuture<byte[]> back = digestOf(c.getInputStream());
                    byte[] sent = writePattern(c.getOutputStream(), size, seed, new AtomicLong());
                    c.shutdownOutput();
                    return MessageDigest.isEqual(sent, back.get(60, TimeUnit.SECONDS));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }, THREADS));
        }
        int good = 0;
        for (CompletableFuture<Boolean> r : results) {
            good += r.get(120, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertEquals(clients, good, "clients whose echo matched what they sent (no bytes crossed between pairs)");
    }

    // ---- helpers ----

    private static long maxOf(String procFile) throws IOException {
        // /proc files report size 0: Files.readString would stop after the first read
        String text;
        try (InputStream in = Files.newInputStream(Path.of(procFile))) {
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        String[] f = text.trim().split("\\s+");
        return Long.parseLong(f[f.length - 1]);
    }

    /** Writes {@code size} pattern bytes, half-closes, and yields their SHA-256. */
    private static CompletableFuture<byte[]> pump(OutputStream out, long size, int seed, Socket s) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                byte[] digest = writePattern(out, size, seed, new AtomicLong());
                s.shutdownOutput();
                return digest;
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }, THREADS);
    }

    private static byte[] writePattern(OutputStream out, long size, int seed, AtomicLong written) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        byte[] chunk = new byte[32 * 1024];
        long done = 0;
        while (done < size) {
            int n = (int) Math.min(chunk.length, size - done);
            for (int i = 0; i < n; i++) {
                long p = done + i;
                chunk[i] = (byte) (p * seed + (p >>> 13));
            }
            out.write(chunk, 0, n);
            d.update(chunk, 0, n);
            done += n;
            written.set(done);
        }
        return d.digest();
    }

    private static CompletableFuture<byte[]> digestOf(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                MessageDigest d = MessageDigest.getInstance("SHA-256");
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = in.read(buf)) > 0) {
                    d.update(buf, 0, n);
                }
                return d.digest();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }, THREADS);
    }
}
