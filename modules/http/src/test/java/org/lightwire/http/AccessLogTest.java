package org.lightwire.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessLogTest {

    @TempDir
    Path dir;

    @Test
    void linesAreAppendedInOrderAndWrittenByClose() throws IOException {
        Path file = dir.resolve("access.log");
        Files.writeString(file, "earlier line\n");
        try (AccessLog log = AccessLog.open(file)) {
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
        AccessLog log = AccessLog.open(dir.resolve("closed.log"));
        log.close();
        log.close();
        log.log("1.2.3.4", null, 0, "GET / HTTP/1.1", 200, 0, null, null);
        assertEquals(1, log.droppedLines());
        assertEquals(0, Files.size(dir.resolve("closed.log")));
    }

    @Test
    void shutdownReturnsAtOnceYetWritesWhatWasQueuedThenReleasesTheFile() throws Exception {
        Path file = dir.resolve("shutdown.log");
        AccessLog log = AccessLog.open(file);
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
    void anUnwritablePathFailsToOpen() {
        assertThrows(IOException.class, () -> AccessLog.open(dir));
        assertThrows(IOException.class, () -> AccessLog.open(dir.resolve("no/such/dir/log")));
        assertThrows(IllegalArgumentException.class, () -> AccessLog.open(dir.resolve("x.log"), 0));
    }
}
