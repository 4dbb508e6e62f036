package org.lightwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DESIGN.md's command-line contract: help, exit statuses, one-line errors naming file, line and key. */
class CommandLineIT {

    private static final Duration EXIT = Duration.ofSeconds(30);

    @Test
    void helpPrintsUsageAndExitsZero() throws Exception {
        try (LauncherProcess p = LauncherProcess.start("--help")) {
            assertEquals(0, p.awaitExit(EXIT));
            assertTrue(p.log().contains("usage: lightwire"), p.log());
            assertTrue(p.log().contains("--static"), p.log());
        }
    }

    @Test
    void unknownOptionIsBadUsageWithExitTwo() throws Exception {
        try (LauncherProcess p = LauncherProcess.start("--frobnicate")) {
            assertEquals(2, p.awaitExit(EXIT));
            assertEquals("lightwire: unknown option '--frobnicate' (try --help)", p.log().strip());
        }
    }

    @Test
    void unknownConfigKeyRefusesToStartNamingFileLineAndKey(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("conf.d"));
        Files.writeString(tmp.resolve("conf"), "{ \"global\": { \"count-threads\": \"1\" } }\n");
        Files.writeString(tmp.resolve("conf.d").resolve("raw"), """
                # a vhost with a typo
                { "vhosts": [{ "name": "raw", "port": "7690",
                    "listen-accept-protocoll": "protocol-lws-raw-test" }] }
                """);
        try (LauncherProcess p = LauncherProcess.start("--config-dir", tmp.toString())) {
            assertEquals(1, p.awaitExit(EXIT));
            String log = p.log().strip();
            assertTrue(log.startsWith("lightwire: "), log);
            assertTrue(log.contains("conf.d/raw:3:"), log);
            assertTrue(log.contains("listen-accept-protocoll"), log);
            assertEquals(1, log.lines().count(), "one clear line: " + log);
        }
    }

    @Test
    void portInUseIsARuntimeFailureNamingTheVhost(@TempDir Path tmp) throws Exception {
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Path conf = Fixtures.writeConfig(tmp, "",
                    Fixtures.rawVhost("busy", busy.getLocalPort(), "protocol-lws-raw-test"));
            try (LauncherProcess p = LauncherProcess.start("--config-dir", conf.toString())) {
                assertEquals(1, p.awaitExit(EXIT));
                assertTrue(p.log().contains("vhost 'busy': cannot listen on 127.0.0.1:" + busy.getLocalPort()), p.log());
            }
        }
    }

    @Test
    void lockFileRefusesASecondServerAndIsRemovedOnExit(@TempDir Path tmp) throws Exception {
        Path lock = tmp.resolve("lock");
        Path conf = Fixtures.writeConfig(tmp.resolve("a"), "",
                Fixtures.rawVhost("raw", Net.freePort(), "protocol-lws-raw-test"));
        try (LauncherProcess first = LauncherProcess.start("--config-dir", conf.toString(), "--lock", lock.toString())) {
            first.awaitLine("listening on", Duration.ofSeconds(20));
            assertEquals(String.valueOf(first.pid()), Files.readString(lock).strip());
            try (LauncherProcess second = LauncherProcess.start("--config-dir", conf.toString(), "--lock", lock.toString())) {
                assertEquals(1, second.awaitExit(EXIT));
                assertTrue(second.log().contains("already running: pid " + first.pid()), second.log());
            }
        }
        assertTrue(Files.notExists(lock), "the lock is removed when the server stops");
    }
}
