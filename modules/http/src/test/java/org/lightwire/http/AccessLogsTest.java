package org.lightwire.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.HttpLimits;
import org.lightwire.testkit.OpenDescriptors;

class AccessLogsTest {

    private static final int QUEUE_LINES = HttpLimits.DEFAULTS.accessLogQueueLines();

    @TempDir
    Path dir;

    private final AccessLogs logs = new AccessLogs();

    private static void line(AccessLogs.Lease lease, String path) {
        lease.log("127.0.0.1", null, 0, "GET " + path + " HTTP/1.1", 200, 1, null, null);
    }

    @Test
    void leasesOnOneFileShareOneDescriptorWhateverThePathSpelling() throws Exception {
        Path file = dir.resolve("shared.log");
        AccessLogs.Lease a = logs.lease(file, QUEUE_LINES);
        AccessLogs.Lease b = logs.lease(dir.resolve("sub/../shared.log"), QUEUE_LINES);
        assertEquals(1, logs.openFiles());
        assertEquals(a.file(), b.file());
        assertEquals(1, OpenDescriptors.on(file));
        a.release();
        b.release();
    }

    @Test
    void theLastReleaseWritesPendingLinesAndClosesTheFile() throws Exception {
        Path file = dir.resolve("handover.log");
        AccessLogs.Lease old = logs.lease(file, QUEUE_LINES);
        AccessLogs.Lease replacement = logs.lease(file, QUEUE_LINES);
        line(old, "/1");
        old.release();
        assertEquals(1, OpenDescriptors.on(file), "another lease still holds the file");
        line(replacement, "/2");
        replacement.release();
        assertEquals(0, logs.openFiles());
        assertEquals(0, OpenDescriptors.awaitOn(file, n -> n == 0));
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), lines.toString());
        assertEquals(true, lines.get(0).contains("GET /1 "), lines.get(0));
        assertEquals(true, lines.get(1).contains("GET /2 "), lines.get(1));
    }

    @Test
    void releaseIsIdempotentAndAReleasedLeaseLogsNothing() throws Exception {
        Path file = dir.resolve("idempotent.log");
        AccessLogs.Lease first = logs.lease(file, QUEUE_LINES);
        AccessLogs.Lease second = logs.lease(file, QUEUE_LINES);
        first.release();
        first.release(); // must not count against the other holder
        assertEquals(1, logs.openFiles());
        line(first, "/ignored");
        line(second, "/kept");
        second.release();
        assertEquals(0, OpenDescriptors.awaitOn(file, n -> n == 0));
        assertEquals(List.of("/kept"), Files.readAllLines(file).stream().map(l -> l.split(" ")[6]).toList());
    }

    @Test
    void aFileIsOpenedAgainAfterItsLastLeaseWent() throws Exception {
        Path file = dir.resolve("again.log");
        AccessLogs.Lease once = logs.lease(file, QUEUE_LINES);
        line(once, "/1");
        once.release();
        AccessLogs.Lease twice = logs.lease(file, QUEUE_LINES);
        line(twice, "/2");
        assertEquals(1, logs.openFiles());
        twice.release();
        assertEquals(0, OpenDescriptors.awaitOn(file, n -> n == 0));
        assertEquals(2, Files.readAllLines(file).size());
    }

    @Test
    void oneLeaseServesManyThreadsAndConcurrentReleasesCountOnce() throws Exception {
        Path file = dir.resolve("threads.log");
        AccessLogs.Lease vhost = logs.lease(file, 4000); // room for every line: none may be dropped
        AccessLogs.Lease other = logs.lease(file, 4000);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int n = t;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    line(vhost, "/" + n + "-" + i);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join(5000);
        }
        List<Thread> releasers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(vhost::release); // each gives it back; only one counts
            thread.start();
            releasers.add(thread);
        }
        for (Thread t : releasers) {
            t.join(5000);
        }
        assertEquals(1, logs.openFiles(), "the other lease still holds the file");
        other.release();
        assertEquals(0, OpenDescriptors.awaitOn(file, n -> n == 0));
        assertEquals(2000, Files.readAllLines(file).size());
    }

    @Test
    void anUnopenableFileGivesNoLeaseAndIsTriedAgainOnlyAfterTheRetryInterval() throws IOException {
        long[] now = {0};
        AccessLogs timed = new AccessLogs(() -> now[0]);
        Path file = dir.resolve("later/access.log");
        assertNull(timed.lease(file, QUEUE_LINES));
        Files.createDirectory(dir.resolve("later"));
        now[0] = AccessLogs.RETRY_NANOS - 1;
        assertNull(timed.lease(file, QUEUE_LINES), "within the interval the file is not tried, though it could open now");
        assertFalse(Files.exists(file));
        assertEquals(0, timed.openFiles());
        now[0] = AccessLogs.RETRY_NANOS;
        AccessLogs.Lease lease = timed.lease(file, QUEUE_LINES);
        assertNotNull(lease);
        assertTrue(Files.exists(file));
        lease.release();
        assertThrows(IllegalArgumentException.class, () -> timed.lease(file, 0));
    }
}
