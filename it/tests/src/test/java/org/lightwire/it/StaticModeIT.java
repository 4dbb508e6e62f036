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
    void staticModeNeedsNoFelixJar(@TempDir Path tmp) throws Exception {
        // a distribution whose boot layer lacks the Felix framework jar
        Path home = tmp.resolve("lightwire");
        Path lib = Files.createDirectories(home.resolve("lib"));
        for (String jar : new String[] {"lightwire-launcher.jar", "lightwire-spi.jar", "lightwire-config.jar"}) {
            Files.copy(LauncherProcess.DIST.resolve("lib").resolve(jar), lib.resolve(jar));
        }
        Files.createSymbolicLink(home.resolve("bundles"), LauncherProcess.DIST.resolve("bundles").toAbsolutePath());
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Fixtures.deploy(Fixtures.RAW_TEST, plugins);
        int port = Net.freePort();
        Path conf = Fixtures.writeConfig(tmp.resolve("conf-dir"), "\"plugin-dir\": \"" + plugins + "\"",
                Fixtures.rawVhost("raw", port, "protocol-lws-raw-test"));

        try (LauncherProcess launcher = LauncherProcess.startFrom(home, "--static", "--config-dir", conf.toString())) {
            launcher.awaitLine("vhost 'raw' listening on", Duration.ofSeconds(20));
            try (Socket raw = Net.connect(port)) {
                assertEquals("no felix", Net.roundTrip(raw, "no felix"));
            }
        }
    }

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
