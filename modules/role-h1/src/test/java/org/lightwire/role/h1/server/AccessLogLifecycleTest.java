package org.lightwire.role.h1.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.VhostSettings;
import org.lightwire.core.embedded.EmbeddedConnection;
import org.lightwire.role.h1.H1Role;
import org.lightwire.testkit.OpenDescriptors;

/**
 * A vhost's access log is open from its first logged line until the vhost is retired (its
 * context closed, or drained after a reload): one file handle and one writer thread for
 * however many connections come and go, shared with a reloaded vhost naming the same file.
 */
class AccessLogLifecycleTest {

    @TempDir
    Path dir;

    private ContextSettings settings(Path log) {
        return H1Server.settings(VhostSettings.builder("localhost").accessLog(log).build()).build();
    }

    private static void get(EmbeddedConnection c, String path) {
        c.writeInbound("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertTrue(c.readOutboundString().startsWith("HTTP/1.1 404"), path);
    }

    private static List<String> paths(Path log) throws Exception {
        return Files.readAllLines(log).stream().map(l -> l.split(" ")[6]).toList();
    }

    /** The live writer threads of {@code log} (AccessLog names them after the file). */
    private static List<Thread> writers(Path log) {
        String name = "lightwire-access-log " + log.getFileName();
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name) && t.isAlive()).toList();
    }

    @Test
    void closingTheContextWritesEveryLineAndReleasesTheFile() throws Exception {
        Path log = dir.resolve("closing.log");
        List<Thread> writer;
        try (EmbeddedConnection c = H1Server.connect(settings(log))) {
            get(c, "/a");
            get(c, "/b");
            assertEquals(1, OpenDescriptors.on(log));
            writer = writers(log);
            assertEquals(1, writer.size());
        }
        assertEquals(0, OpenDescriptors.awaitOn(log, n -> n == 0));
        writer.get(0).join(5000);
        assertFalse(writer.get(0).isAlive(), "the writer thread ended with the file");
        assertEquals(List.of("/a", "/b"), paths(log));
    }

    @Test
    void connectionsOneAfterAnotherShareOneOpenFileAndOneWriterThread() throws Exception {
        Path log = dir.resolve("sequential.log");
        Set<Thread> writersSeen = Collections.newSetFromMap(new IdentityHashMap<>());
        try (EmbeddedConnection first = H1Server.connect(settings(log))) {
            EmbeddedConnection c = first;
            for (int i = 1; i <= 3; i++) {
                get(c, "/" + i);
                assertEquals(1, OpenDescriptors.on(log), "connection " + i);
                writersSeen.addAll(writers(log));
                c.endInbound(); // the peer goes, and with it the connection; the vhost stays
                assertFalse(c.isOpen());
                c = first.accept();
            }
            assertEquals(1, OpenDescriptors.on(log), "open while the vhost lives, with no connection");
            writersSeen.addAll(writers(log));
        }
        assertEquals(1, writersSeen.size(), "one writer thread, never a new one per connection: " + writersSeen);
        assertEquals(0, OpenDescriptors.awaitOn(log, n -> n == 0));
        assertEquals(List.of("/1", "/2", "/3"), paths(log));
    }

    @Test
    void aReloadWithTheSameFileKeepsOneHandleAndLosesNoLine() throws Exception {
        Path log = dir.resolve("reload.log");
        H1Role role = new H1Role();
        EmbeddedConnection old = EmbeddedConnection.accepting(role, settings(log)).build();
        get(old, "/old-1");
        List<Thread> writer = writers(log);
        assertEquals(1, writer.size());
        try (EmbeddedConnection renewed = EmbeddedConnection.accepting(role, settings(log)).build()) {
            get(renewed, "/new-1");
            get(old, "/old-2");
            assertEquals(1, OpenDescriptors.on(log), "both contexts write through one handle");
            old.close(); // the replaced context has drained: it closes, its vhost is retired
            get(renewed, "/new-2");
            assertEquals(1, OpenDescriptors.on(log), "still held by the new context's vhost");
            assertEquals(writer, writers(log), "the same writer thread carries on");
        }
        assertEquals(0, OpenDescriptors.awaitOn(log, n -> n == 0));
        assertEquals(List.of("/old-1", "/new-1", "/old-2", "/new-2"), paths(log));
    }

    @Test
    void aVhostThatNeverLogsOpensNothing() throws Exception {
        Path log = dir.resolve("unused.log");
        try (EmbeddedConnection c = H1Server.connect(settings(log))) {
            assertTrue(c.isOpen());
            assertFalse(Files.exists(log), "opened on the first line, not before");
            assertEquals(List.of(), writers(log));
        }
    }
}
