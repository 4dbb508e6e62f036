package org.lightwire.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.it.LauncherProcess;
import org.lightwire.it.Net;

/**
 * Issue acceptance (config reload): SIGHUP makes the launcher read its config again; a new
 * context takes over the listen socket, so new requests see the new config within seconds,
 * while a download that started under the old config runs to its last byte on the old
 * context, which closes once that connection is gone (lwsws' deprecate-and-drain).
 */
class ReloadIT {

    private static final long BIG = 64L * 1024 * 1024;
    /** The slow client's pace: the 64 MiB take about 11 s, so the reload happens mid-download. */
    private static final long BYTES_PER_SECOND = 6L * 1024 * 1024;
    private static final Duration START = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private static String config(int port, String name, Path root, Path accessLog) {
        return """
                # ReloadIT config %2$s
                {
                  "global": { "count-threads": "2" },
                  "vhosts": [{
                    "name": "localhost", "port": "%1$d", "interface": "127.0.0.1",
                    "access-log": "%4$s",
                    "headers": [{ "x-config": "%2$s" }],
                    "mounts": [{ "mountpoint": "/", "origin": "file://%3$s",
                                 "extra-mimetypes": { ".bin": "application/octet-stream" } }]
                  }]
                }
                """.formatted(port, name, root, accessLog);
    }

    @Test
    void sighupSwitchesNewRequestsToTheNewConfigWhileARunningDownloadCompletesOnTheOld() throws Exception {
        reloadDuringDownload();
    }

    @Test
    void sighupReloadsTheSameWayOnTheModulePath() throws Exception {
        reloadDuringDownload("--static");
    }

    private void reloadDuringDownload(String... mode) throws Exception {
        Path dirA = Files.createDirectories(tmp.resolve("a"));
        Path dirB = Files.createDirectories(tmp.resolve("b"));
        Path big = SiteFiles.random(dirA.resolve("big.bin"), BIG, 64);
        String bigSha = SiteFiles.sha256(big);
        Files.writeString(dirA.resolve("a.txt"), "served from A\n");
        Files.writeString(dirB.resolve("b.txt"), "served from B\n");
        int port = Net.freePort();
        String base = "http://127.0.0.1:" + port;
        Path confDir = Files.createDirectories(tmp.resolve("conf-dir"));
        Path accessLog = tmp.resolve("access.log");
        Files.writeString(confDir.resolve("conf"), config(port, "A", dirA, accessLog));

        List<String> args = new java.util.ArrayList<>(List.of(mode));
        args.addAll(List.of("--config-dir", confDir.toString(), "-d", "15"));
        try (LauncherProcess launcher = LauncherProcess.start(args.toArray(String[]::new))) {
            launcher.awaitLine("vhost 'localhost' listening on /127.0.0.1:" + port, START);
            Curl.Result before = Curl.run(base + "/a.txt");
            assertEquals(200, before.status(), () -> before + "\n" + launcher.log());
            assertEquals("A", before.header("x-config").orElseThrow());

            SlowDownload download = SlowDownload.start(port, "/big.bin", BYTES_PER_SECOND);
            download.awaitProgress(1024 * 1024, Duration.ofSeconds(10));

            Files.writeString(confDir.resolve("conf"), config(port, "B", dirB, accessLog));
            hangUp(launcher.pid());
            launcher.awaitLine("reload done", Duration.ofSeconds(20));

            Curl.Result after = awaitConfig(base + "/b.txt", "B", Duration.ofSeconds(5), launcher);
            assertEquals("served from B\n", after.text());
            long readWhenSwitched = download.received();
            assertTrue(readWhenSwitched < BIG - 16 * 1024 * 1024,
                    "the download must still be far from done when the new config answers (read " + readWhenSwitched + ")");
            assertFalse(launcher.log().contains("deprecated context drained"),
                    "the old context must not close while its download runs:\n" + launcher.log());
            assertEquals(404, Curl.run(base + "/a.txt").status(), "new requests no longer see config A's files");

            SlowDownload.Result done = download.await(Duration.ofSeconds(60));
            assertEquals(200, done.status());
            assertEquals("A", done.configHeader(), "the download keeps the config it started under");
            assertEquals(BIG, done.bytes(), "the whole file arrived");
            assertEquals(bigSha, done.sha256(), "and it is the right file");
            launcher.awaitLine("deprecated context drained: closing it", Duration.ofSeconds(15));
            assertEquals("B", Curl.run(base + "/b.txt").header("x-config").orElseThrow());
            // both configs name one access log: one writer for both contexts, no line lost (the
            // download's line is written by the old context after the new one took the file),
            // and the old context's close leaves exactly the new one's handle
            List<String> lines = awaitLogged(accessLog, List.of("\"GET /a.txt HTTP/1.1\" 200", "\"GET /big.bin HTTP/1.1\" 200",
                    "\"GET /a.txt HTTP/1.1\" 404", "\"GET /b.txt HTTP/1.1\" 200"), launcher);
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"GET /big.bin HTTP/1.1\" 200 " + BIG + " ")), lines::toString);
            assertEquals(1, handlesOn(launcher.pid(), accessLog), "handles the launcher holds on the access log");
        }
    }

    /** Waits until the access log has a line containing each of {@code needles} (its writer is another process' thread). */
    private static List<String> awaitLogged(Path log, List<String> needles, LauncherProcess launcher) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> lines = List.of();
        while (System.nanoTime() < deadline) {
            lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            List<String> seen = lines;
            if (needles.stream().allMatch(n -> seen.stream().anyMatch(l -> l.contains(n)))) {
                return lines;
            }
            Thread.sleep(100); // another process' writer thread: nothing to wait on but the file
        }
        throw new AssertionError("access log " + log + " lacks one of " + needles + ": " + lines + "\n" + launcher.log());
    }

    /** How many descriptors of process {@code pid} point at {@code file} (Linux /proc). */
    private static long handlesOn(long pid, Path file) throws IOException {
        Path real = file.toRealPath();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(real);
                } catch (IOException gone) {
                    return false; // closed while listing
                }
            }).count();
        }
    }

    private static void hangUp(long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(pid)).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -HUP " + pid + " failed");
    }

    private static Curl.Result awaitConfig(String url, String expected, Duration timeout, LauncherProcess launcher)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Curl.Result last;
        do {
            last = Curl.run(url);
            if (!last.responses().isEmpty() && last.header("x-config").orElse("").equals(expected)) {
                return last;
            }
            Thread.sleep(100); // polling another process: there is no event to wait on
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no response with x-config: " + expected + " within " + timeout + "; last: " + last
                + "\n" + launcher.log());
    }

    /** A client that downloads one URL at a fixed pace on its own thread, hashing as it reads. */
    private static final class SlowDownload {

        record Result(int status, String configHeader, long bytes, String sha256) {
        }

        private final AtomicLong received = new AtomicLong();
        private final CompletableFuture<Result> result = new CompletableFuture<>();

        static SlowDownload start(int port, String path, long bytesPerSecond) {
            SlowDownload d = new SlowDownload();
            Thread t = new Thread(() -> {
                try {
                    d.result.complete(d.run(port, path, bytesPerSecond));
                } catch (Throwable e) {
                    d.result.completeExceptionally(e);
                }
            }, "slow-download");
            t.setDaemon(true);
            t.start();
            return d;
        }

        private Result run(int port, String path, long bytesPerSecond) throws Exception {
            try (Socket s = new Socket()) {
                // a small window, so the server really has to wait for this reader
                s.setReceiveBufferSize(64 * 1024);
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                s.setSoTimeout(30_000);
                s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                InputStream in = s.getInputStream();
                HttpWire.Response head = HttpWire.readHead(in);
                MessageDigest sha = SiteFiles.digest();
                byte[] buf = new byte[32 * 1024];
                long started = System.nanoTime();
                long total = 0;
                long length = head.header("content-length").map(Long::parseLong).orElse(Long.MAX_VALUE);
                while (total < length) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, length - total));
                    if (n < 0) {
                        break;
                    }
                    sha.update(buf, 0, n);
                    total += n;
                    received.set(total);
                    long due = started + total * 1_000_000_000L / bytesPerSecond;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); // the pacing is the point
                    }
                }
                return new Result(head.status(), head.header("x-config").orElse(""), total,
                        HexFormat.of().formatHex(sha.digest()));
            }
        }

        long received() {
            return received.get();
        }

        void awaitProgress(long bytes, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (received.get() < bytes) {
                if (result.isDone() || System.nanoTime() > deadline) {
                    throw new AssertionError("the download did not get going (read " + received.get() + " bytes): "
                            + (result.isDone() ? result.handle((r, e) -> r != null ? r.toString() : e.toString()).join()
                                    : "still waiting"));
                }
                Thread.sleep(20); // progress is made by the download thread; poll its counter
            }
        }

        Result await(Duration timeout) throws Exception {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
