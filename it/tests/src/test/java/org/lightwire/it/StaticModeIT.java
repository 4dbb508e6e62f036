package org.lightwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same jars on the module path without OSGi ({@code --static}). */
class StaticModeIT {

    @Test
    void staticModeServesThePluginsFoundAtStart(@TempDir Path tmp) throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Fixtures.deploy(Fixtures.RAW_TEST, plugins);
        Fixtures.deploy(Fixtures.UPPERCASE, plugins);
        int rawPort = Net.freePort();
        int upperPort = Net.freePort();
        Path conf = Fixtures.writeConfig(tmp.resolve("conf-dir"), "\"count-threads\": \"2\"",
                Fixtures.rawVhost("raw", rawPort, "protocol-lws-raw-test"),
                Fixtures.rawVhost("upper", upperPort, "lightwire-it-uppercase"));

        try (LauncherProcess launcher = LauncherProcess.start("--static", "--config-dir", conf.toString(),
                "--plugin-dir", plugins.toString())) {
            launcher.awaitLine("vhost 'upper' listening on", Duration.ofSeconds(20));
            String log = launcher.log();
            assertTrue(log.contains("static mode"), log);
            assertTrue(log.contains("module org.lightwire.plugin.rawtest 1.0.0"), log);
            try (Socket raw = Net.connect(rawPort); Socket upper = Net.connect(upperPort)) {
                assertEquals("echo me", Net.roundTrip(raw, "echo me"));
                assertEquals("SHOUT", Net.roundTrip(upper, "shout"));
            }
        }
    }
}
