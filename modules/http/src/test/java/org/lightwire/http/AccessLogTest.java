package org.lightwire.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.HttpLimits;
import org.lightwire.testkit.OpenDescriptors;

class AccessLogTest {

    private static final int QUEUE_LINES = HttpLimits.DEFAULTS.accessLogQueueLines();

    @TempDir
    Path dir;

    @Test
    void linesAreAppendedInOrderAndWrittenByClose() throws IOException {
        Path file = dir.resolve("access.log");
        Files.writeString(file, "earlier line\n");
        try (AccessLog log = AccessLog.open(file, QUEUE_LINES)) {
            log.log("127.0.0.1", null, 0, "GET / HTTP/1.1", 200, 13, null, "curl/8");
            log.log("127.0.0.1", "testuser", 0, "GET /private/a.txt HTTP/1.1", 200, 36, "http://x/", "curl/8");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(3, lines.size());
        assertEquals("earlier line", lines.get(0));
        assertTrue(lines.get(1).startsWith("127.0.0.1 - - ["), lines.get(1));
        assertTrue(lines.get(1).endsWith("] \"GET / HTTP/1.1\" 200 13 \"-\" \"curl/8\""), lines.get(1));
        assertTrue(lines.get(2).contains(" - testuser ["), lines.get(2));
    }

    @Test
    void everyLineIsWrittenOrCountedAsDropped() throws IOException {
        Path file = dir.resolve("busy.log");
        AccessLog log = AccessLog.open(file, 4);
        for (int i = 0; i < 5000; i++) {
            log.log("10.0.0." + (i % 250), null, 0, "GET /" + i + " HTTP/1.1", 200, i, null, null);
        }
        log.close();
        long written = Files.readAllLines(file).size();
        assertEquals(5000, written + log.droppedLines());
    }

    @Test
    void afterCloseLinesAreDroppedAndCloseIsIdempotent() throws IOException {
        AccessLog log = AccessLog.open(dir.resolve("closed.log"), QUEUE_LINES);
        log.close();
        log.close();
        log.log("1.2.3.4", null, 0, "GET / HTTP/1.1", 200, 0, null, null);
        assertEquals(1, log.droppedLines());
        assertEquals(0, Files.size(dir.resolve("closed.log")));
    }

    @Test
    void shutdownReturnsAtOnceYetWritesWhatWasQueuedThenReleasesTheFile() throws Exception {
        Path file = dir.resolve("shutdown.log");
        AccessLog log = AccessLog.open(file, QUEUE_LINES);
        for (int i = 0; i < 100; i++) {
            log.log("127.0.0.1", null, 0, "GET /" + i + " HTTP/1.1", 200, i, null, null);
        }
        log.shutdown();
        log.shutdown();
        log.log("127.0.0.1", null, 0, "GET /late HTTP/1.1", 200, 0, null, null);
        assertEquals(0, OpenDescriptors.awaitOn(file, n -> n == 0));
        assertEquals(100, Files.readAllLines(file).size());
        assertEquals(1, log.droppedLines(), "only the line after shutdown is dropped");
    }

    @Test
    void aQueueOfTheGivenLengthFillsBehindAStalledWriterAndTheRestIsDroppedAndCounted() throws Exception {
        // A FIFO whose reader reads nothing yet: the writer takes the first line and blocks
        // writing it (it is larger than a pipe's 64 KiB buffer), so the queue alone holds the rest.
        Path fifo = dir.resolve("stalled.log");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CompletableFuture<InputStream> opened = CompletableFuture.supplyAsync(() -> {
            try {
                return new FileInputStream(fifo.toFile()); // blocks until the log opens the other end
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        AccessLog log = AccessLog.open(fifo, 16);
        String agent = "a".repeat(256 << 10);
        try (InputStream reader = opened.get(5, TimeUnit.SECONDS)) {
            log.log("10.0.0.1", null, 0, "GET /0 HTTP/1.1", 200, 0, null, agent);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (reader.available() == 0) {
                assertTrue(System.nanoTime() < deadline, "the writer never started on the first line");
                Thread.onSpinWait();
            }
            for (int i = 1; i <= 16; i++) {
                log.log("10.0.0.1", null, 0, "GET /" + i + " HTTP/1.1", 200, 0, null, agent);
            }
            assertEquals(0, log.droppedLines(), "16 lines fit in the queue");
            for (int i = 17; i < 27; i++) {
                log.log("10.0.0.1", null, 0, "GET /" + i + " HTTP/1.1", 200, 0, null, agent);
            }
            assertEquals(10, log.droppedLines(), "every line beyond the 16 queued is dropped and counted");

            CompletableFuture<Long> written = CompletableFuture.supplyAsync(() -> newlines(reader));
            log.close();
            assertEquals(17, written.get(10, TimeUnit.SECONDS), "the writer's line and the 16 queued reach the file");
        }
    }

    private static long newlines(InputStream in) {
        try {
            long lines = 0;
            byte[] buffer = new byte[64 << 10];
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    lines += buffer[i] == '\n' ? 1 : 0;
                }
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUnwritablePathFailsToOpen() {
        assertThrows(IOException.class, () -> AccessLog.open(dir, QUEUE_LINES));
        assertThrows(IOException.class, () -> AccessLog.open(dir.resolve("no/such/dir/log"), QUEUE_LINES));
        assertThrows(IllegalArgumentException.class, () -> AccessLog.open(dir.resolve("x.log"), 0));
    }
}
