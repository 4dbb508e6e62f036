package org.lightwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue acceptance 3: the real launcher in its default OSGi mode picks up, updates and
 * drops a plugin bundle from its plugin directory without a restart, while another vhost
 * served by another plugin keeps working throughout.
 */
class HotDeployIT {

    private static final Duration DEPLOY = Duration.ofSeconds(20);

    @Test
    void pluginJarGoesLiveIsUpdatedAndLeavesWithoutRestart(@TempDir Path tmp) throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        int rawPort = Net.freePort();
        int upperPort = Net.freePort();
        Path conf = Fixtures.writeConfig(tmp.resolve("conf-dir"), "\"plugin-dir\": \"" + plugins + "\"",
                Fixtures.rawVhost("raw", rawPort, "protocol-lws-raw-test"),
                Fixtures.rawVhost("upper", upperPort, "lightwire-it-uppercase"));
        Fixtures.deploy(Fixtures.UPPERCASE, plugins);

        try (LauncherProcess launcher = LauncherProcess.start("--config-dir", conf.toString(), "-d", "15")) {
            launcher.awaitLine("vhost 'raw' listening on", DEPLOY);
            Net.awaitRoundTrip(upperPort, "abc", "ABC", DEPLOY);

            // absent: the raw vhost accepts but has no protocol, so the connection is closed unanswered
            assertNull(Net.tryRoundTrip(rawPort, "hello"), "raw vhost must not echo before its plugin is deployed");
            launcher.awaitLine("refusing connection .*protocol 'protocol-lws-raw-test' is not installed", DEPLOY);

            // dropped in: goes live without a restart
            Path jar = Fixtures.deploy(Fixtures.RAW_TEST, plugins);
            Net.awaitRoundTrip(rawPort, "hello", "hello", DEPLOY);
            long pid = launcher.pid();

            // replaced: FileInstall updates the bundle; a fresh connection echoes again afterwards
            try (Socket before = Net.connect(rawPort)) {
                assertEquals("ping", Net.roundTrip(before, "ping"));
                Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
                launcher.awaitLine("bundle org.lightwire.plugin.rawtest .*updated", DEPLOY);
                assertTrue(Net.closedByPeer(before, DEPLOY), "an update closes the old instance's connections");
            }
            Net.awaitRoundTrip(rawPort, "again", "again", DEPLOY);

            // removed: its open connection is closed, the other vhost keeps serving
            try (Socket open = Net.connect(rawPort)) {
                assertEquals("still", Net.roundTrip(open, "still"));
                Files.delete(jar);
                assertTrue(Net.closedByPeer(open, DEPLOY), "removing the plugin closes its connections");
            }
            launcher.awaitLine("bundle org.lightwire.plugin.rawtest .*uninstalled", DEPLOY);
            assertNull(Net.tryRoundTrip(rawPort, "gone"), "no echo once the plugin is gone");
            try (Socket upper = Net.connect(upperPort)) {
                assertEquals("STILL SERVING", Net.roundTrip(upper, "still serving"));
            }
            assertTrue(launcher.isAlive(), "the launcher keeps running");
            assertEquals(pid, launcher.pid());
        }
    }
}
