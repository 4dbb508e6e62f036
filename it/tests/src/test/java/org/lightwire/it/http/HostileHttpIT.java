package org.lightwire.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.it.LauncherProcess;
import org.lightwire.it.Net;

/**
 * The real launcher under 50+ hostile and malformed requests over real sockets (plain
 * java.net.Socket, so every byte is ours), while a well-behaved keep-alive client keeps
 * fetching a page in parallel: every hostile request gets its exact status with
 * {@code Connection: close} and its connection is closed, no request smuggled behind it is
 * answered, and the good client never sees a failure.
 */
class HostileHttpIT {

    private static final Duration START = Duration.ofSeconds(30);
    private static final String H = "Host: localhost\r\n";
    private static final String SMUGGLED = "GET /index.html HTTP/1.1\r\n" + H + "\r\n";

    @TempDir
    static Path tmp;

    private static LauncherProcess launcher;
    private static int port;
    private static final String PAGE = "<!DOCTYPE html><title>hostile</title><p>still here</p>\n";

    @BeforeAll
    static void start() throws Exception {
        port = Net.freePort();
        Path www = Files.createDirectories(tmp.resolve("www"));
        Files.writeString(www.resolve("index.html"), PAGE);
        String conf = """
                # HostileHttpIT: small limits so each is cheap to exceed
                {
                  "global": {
                    "server-string": "lightwire-hostile-it",
                    "timeout-secs": "3",
                    "http-max-request-line": "1024",
                    "http-max-header-bytes": "4096",
                    "http-max-header-count": "30",
                    "http-max-body-bytes": "8192",
                    "http-header-timeout-secs": "3"
                  },
                  "vhosts": [{
                    "name": "localhost", "port": "%1$d", "interface": "127.0.0.1",
                    "mounts": [
                      { "mountpoint": "/", "origin": "file://%2$s/www", "default": "index.html" },
                      { "mountpoint": "/formtest", "origin": "callback://protocol-post-demo" }
                    ],
                    "ws-protocols": [{ "protocol-post-demo": { "status": "ok", "upload-dir": "%2$s" } }]
                  }]
                }
                """.formatted(port, tmp);
        Path confDir = Files.createDirectories(tmp.resolve("conf-dir"));
        Files.writeString(confDir.resolve("conf"), conf);
        launcher = LauncherProcess.start("--config-dir", confDir.toString(),
                "--plugin-dir", LauncherProcess.DIST.resolve("plugins").toString());
        launcher.awaitLine("vhost 'localhost' listening on /127.0.0.1:" + port, START);
        launcher.awaitLine("vhost 'localhost': protocol 'protocol-post-demo' available", START);
    }

    @AfterAll
    static void stop() throws Exception {
        if (launcher != null) {
            launcher.close();
        }
    }

    private record Case(String rule, String request, int status) { }

    private static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        String post = "POST /formtest HTTP/1.1\r\n" + H;
        // request smuggling
        c.add(new Case("CL.TE", post + "Content-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nX", 400));
        c.add(new Case("TE.CL", post + "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n5c\r\n", 400));
        c.add(new Case("TE with CL 0", post + "Transfer-Encoding: chunked\r\nContent-Length: 0\r\n\r\n", 400));
        c.add(new Case("TE.TE chunked twice", post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", 400));
        c.add(new Case("TE.TE chunked, identity", post + "Transfer-Encoding: chunked, identity\r\n\r\n", 400));
        c.add(new Case("TE.TE gzip, chunked", post + "Transfer-Encoding: gzip, chunked\r\n\r\n", 501));
        c.add(new Case("TE.TE xchunked", post + "Transfer-Encoding: xchunked\r\n\r\n", 400));
        c.add(new Case("TE.TE obs-fold", post + "Transfer-Encoding:\r\n chunked\r\n\r\n", 400));
        c.add(new Case("TE.TE space before colon", post + "Transfer-Encoding : chunked\r\n\r\n", 400));
        c.add(new Case("TE.TE tab in name", post + "Transfer-Encoding\t: chunked\r\n\r\n", 400));
        c.add(new Case("TE on HTTP/1.0", "POST /formtest HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400));
        c.add(new Case("differing CL", post + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", 400));
        c.add(new Case("CL list differs", post + "Content-Length: 3, 4\r\n\r\nabcd", 400));
        c.add(new Case("signed CL", post + "Content-Length: +3\r\n\r\nabc", 400));
        c.add(new Case("negative CL", post + "Content-Length: -3\r\n\r\n", 400));
        c.add(new Case("hex CL", post + "Content-Length: 0x3\r\n\r\nabc", 400));
        c.add(new Case("overflowing CL", post + "Content-Length: 184467440737095516160\r\n\r\n", 400));
        c.add(new Case("CL over http-max-body-bytes", post + "Content-Length: 100000\r\n\r\n", 413));
        // chunked bodies
        c.add(new Case("chunked over http-max-body-bytes", post + "Transfer-Encoding: chunked\r\n\r\n3000\r\n", 413));
        c.add(new Case("non-hex chunk size", post + "Transfer-Encoding: chunked\r\n\r\nxyz\r\n", 400));
        c.add(new Case("chunk size 17 digits", post + "Transfer-Encoding: chunked\r\n\r\n00000000000000001\r\n", 400));
        c.add(new Case("chunk size overflow", post + "Transfer-Encoding: chunked\r\n\r\nfffffffffffffffffff\r\n", 400));
        c.add(new Case("chunk extension too long", post + "Transfer-Encoding: chunked\r\n\r\n1;" + "x".repeat(2000) + "\r\n", 400));
        c.add(new Case("chunk data too long", post + "Transfer-Encoding: chunked\r\n\r\n1\r\nabc\r\n0\r\n\r\n", 400));
        c.add(new Case("chunk line bare LF", post + "Transfer-Encoding: chunked\r\n\r\n1\na\r\n0\r\n\r\n", 400));
        c.add(new Case("trailers too large", post + "Transfer-Encoding: chunked\r\n\r\n0\r\n"
                + ("X-T: " + "t".repeat(200) + "\r\n").repeat(30) + "\r\n", 400));
        // field syntax
        c.add(new Case("obs-fold", "GET / HTTP/1.1\r\n" + H + "X-A: one\r\n two\r\n\r\n", 400));
        c.add(new Case("bare CR", "GET / HTTP/1.1\r\n" + H + "X-A: a\rb\r\n\r\n", 400));
        c.add(new Case("bare LF endings", "GET / HTTP/1.1\nHost: localhost\n\n", 400));
        c.add(new Case("NUL in value", "GET / HTTP/1.1\r\n" + H + "X-A: a\0b\r\n\r\n", 400));
        c.add(new Case("NUL in target", "GET /a\0b HTTP/1.1\r\n" + H + "\r\n", 400));
        c.add(new Case("space before colon", "GET / HTTP/1.1\r\nHost : localhost\r\n\r\n", 400));
        c.add(new Case("empty field name", "GET / HTTP/1.1\r\n" + H + ": v\r\n\r\n", 400));
        c.add(new Case("field without colon", "GET / HTTP/1.1\r\n" + H + "NoColon\r\n\r\n", 400));
        c.add(new Case("non-token name", "GET / HTTP/1.1\r\n" + H + "X<A>: v\r\n\r\n", 400));
        // Host
        c.add(new Case("missing Host", "GET / HTTP/1.1\r\n\r\n", 400));
        c.add(new Case("two Hosts", "GET / HTTP/1.1\r\n" + H + "Host: evil\r\n\r\n", 400));
        c.add(new Case("Host with slash", "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", 400));
        // request line
        c.add(new Case("bad method token", "GE(T / HTTP/1.1\r\n" + H + "\r\n", 400));
        c.add(new Case("method too long", "X".repeat(50) + " / HTTP/1.1\r\n" + H + "\r\n", 400));
        c.add(new Case("HTTP/2.0", "GET / HTTP/2.0\r\n" + H + "\r\n", 505));
        c.add(new Case("HTTP/9.9", "GET / HTTP/9.9\r\n" + H + "\r\n", 505));
        c.add(new Case("HTTP/1.10", "GET / HTTP/1.10\r\n" + H + "\r\n", 400));
        c.add(new Case("lower-case version", "GET / http/1.1\r\n" + H + "\r\n", 400));
        c.add(new Case("double space", "GET  / HTTP/1.1\r\n" + H + "\r\n", 400));
        c.add(new Case("no version", "GET /\r\n" + H + "\r\n", 400));
        c.add(new Case("quote in target", "GET /\"x HTTP/1.1\r\n" + H + "\r\n", 400));
        c.add(new Case("bad percent", "GET /%g0 HTTP/1.1\r\n" + H + "\r\n", 400));
        c.add(new Case("fragment", "GET /a#frag HTTP/1.1\r\n" + H + "\r\n", 400));
        c.add(new Case("relative target", "GET index.html HTTP/1.1\r\n" + H + "\r\n", 400));
        c.add(new Case("ftp absolute form", "GET ftp://localhost/ HTTP/1.1\r\n" + H + "\r\n", 400));
        c.add(new Case("asterisk with GET", "GET * HTTP/1.1\r\n" + H + "\r\n", 400));
        c.add(new Case("non-ASCII target", "GET /\u00ff HTTP/1.1\r\n" + H + "\r\n", 400));
        c.add(new Case("CONNECT", "CONNECT localhost:443 HTTP/1.1\r\n" + H + "\r\n", 501));
        // limits
        c.add(new Case("request line too long", "GET /" + "a".repeat(2000) + " HTTP/1.1\r\n" + H + "\r\n", 414));
        c.add(new Case("too many fields", "GET / HTTP/1.1\r\n" + H + "X-N: v\r\n".repeat(40) + "\r\n", 431));
        c.add(new Case("fields too large", "GET / HTTP/1.1\r\n" + H + "X-Big: " + "b".repeat(5000) + "\r\n\r\n", 431));
        c.add(new Case("Expect 200-ok", post + "Expect: 200-ok\r\nContent-Length: 1\r\n\r\nx", 417));
        return c;
    }

    @Test
    void hostileRequestsAreRefusedWhileAGoodClientIsServedThroughout() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        AtomicReference<Throwable> goodFailure = new AtomicReference<>();
        Thread good = new Thread(() -> goodClient(running, served, goodFailure), "good-client");
        good.start();
        List<String> problems = new ArrayList<>();
        try {
            List<Case> cases = cases();
            assertTrue(cases.size() >= 40, "at least 40 hostile requests");
            for (Case c : cases) {
                String problem = check(c);
                if (problem != null) {
                    problems.add(c.rule() + ": " + problem);
                }
            }
            slowDripIsCutAtTheHeaderTimeout(problems);
        } finally {
            running.set(false);
            good.join(10_000);
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems) + "\n--- server log:\n" + launcher.log());
        assertEquals(null, goodFailure.get(), () -> "the good client failed after " + served.get() + " responses: "
                + goodFailure.get() + "\n" + launcher.log());
        assertTrue(served.get() > 20, "the good client got only " + served.get() + " responses");
        assertTrue(launcher.isAlive());
    }

    /** Sends one hostile request plus a smuggled one; null if the server behaved, else what went wrong. */
    private static String check(Case c) throws IOException {
        try (Socket s = Net.connect(port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(c.request().getBytes(StandardCharsets.ISO_8859_1));
                out.write(SMUGGLED.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before reading everything: the response still counts
            }
            InputStream in = s.getInputStream();
            HttpWire.Response r;
            try {
                r = HttpWire.read(in);
            } catch (IOException e) {
                return "no response: " + e;
            }
            if (r.status() != c.status()) {
                return "status " + r.status() + ", expected " + c.status();
            }
            if (!r.header("connection").orElse("").equalsIgnoreCase("close")) {
                return "no Connection: close";
            }
            if (!r.header("server").orElse("").equals("lightwire-hostile-it")) {
                return "no Server: header";
            }
            s.shutdownOutput(); // lets the lingering server see our end and close at once
            try {
                int next = in.read();
                if (next >= 0) {
                    return "more bytes after the refusal (a smuggled request answered?): '" + (char) next + "'";
                }
            } catch (IOException reset) {
                // a reset is a close too
            }
            return null;
        }
    }

    /** One byte every 400 ms never completes a head: 408 at http-header-timeout-secs (3 s) after the first byte. */
    private static void slowDripIsCutAtTheHeaderTimeout(List<String> problems) throws Exception {
        try (Socket s = Net.connect(port)) {
            s.setSoTimeout(8000);
            long start = System.nanoTime();
            byte[] drip = ("GET / HTTP/1.1\r\n" + H + "X-Drip: " + "d".repeat(100)).getBytes(StandardCharsets.US_ASCII);
            HttpWire.Response r = null;
            for (int i = 0; i < drip.length && r == null; i++) {
                try {
                    s.getOutputStream().write(drip[i]);
                } catch (IOException closed) {
                    break;
                }
                Thread.sleep(400); // a slow client is the point of the test
                if (s.getInputStream().available() > 0) {
                    r = HttpWire.read(s.getInputStream());
                }
            }
            if (r == null) {
                r = HttpWire.read(s.getInputStream());
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (r.status() != 408) {
                problems.add("slow drip: status " + r.status() + ", expected 408");
            }
            if (ms < 2500 || ms > 6000) {
                problems.add("slow drip: cut after " + ms + " ms, expected about 3000");
            }
        }
    }

    /** Keeps fetching the page over keep-alive connections; records the first failure. */
    private static void goodClient(AtomicBoolean running, AtomicInteger served, AtomicReference<Throwable> failure) {
        byte[] request = ("GET /index.html HTTP/1.1\r\n" + H + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
            while (running.get()) {
                try (Socket s = Net.connect(port)) {
                    s.setSoTimeout(5000);
                    for (int i = 0; i < 50 && running.get(); i++) {
                        s.getOutputStream().write(request);
                        HttpWire.Response r = HttpWire.read(s.getInputStream());
                        if (r.status() != 200 || !r.text().equals(PAGE)) {
                            throw new AssertionError("good request got " + r.status() + ": " + r.text());
                        }
                        served.incrementAndGet();
                        Thread.sleep(5); // pace it: the point is continuity, not load
                    }
                }
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }
}
