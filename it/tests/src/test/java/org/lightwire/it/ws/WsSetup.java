package org.lightwire.it.ws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.lightwire.it.LauncherProcess;
import org.lightwire.it.Net;

/**
 * Configs and processes the WebSocket ITs share: the fixture plugin (protocols
 * "lightwire-ws-echo" and "lightwire-ws-client-probe") deployed into a plugin dir, and
 * vhost entries using them.
 */
final class WsSetup {

    static final Path JARS = Path.of(System.getProperty("lightwire.it.jars", "target/it-jars"));
    static final String FIXTURE_JAR = "lightwire-it-fixture-plugin.jar";
    static final Duration START = Duration.ofSeconds(30);

    private WsSetup() {
    }

    /** Writes {@code dir/conf} with the fixture plugin deployed and these vhosts. */
    static Path config(Path dir, String extraGlobal, String... vhosts) throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(JARS.resolve(FIXTURE_JAR), plugins.resolve(FIXTURE_JAR), StandardCopyOption.REPLACE_EXISTING);
        Path conf = Files.createDirectories(dir.resolve("conf-dir"));
        String text = "# written by a WebSocket integration test\n{ \"global\": { \"plugin-dir\": \"" + plugins + "\""
                + (extraGlobal.isEmpty() ? "" : ", " + extraGlobal) + " },\n  \"vhosts\": [\n"
                + String.join(",\n", vhosts) + "\n  ]\n}\n";
        Files.writeString(conf.resolve("conf"), text);
        return conf;
    }

    /** A vhost on 127.0.0.1:{@code port} whose default WebSocket protocol is the echo ({@code pvos} added). */
    static String echoVhost(int port, String pvos) {
        return """
                { "name": "localhost", "port": "%d", "interface": "127.0.0.1",
                  "ws-protocols": [{ "lightwire-ws-echo": { "status": "ok", "default": "1"%s } }] }"""
                .formatted(port, pvos.isEmpty() ? "" : ", " + pvos);
    }

    /** A vhost running the client probe with {@code pvos} (connect-port, mode, report...). */
    static String probeVhost(String name, int port, String pvos) {
        return """
                { "name": "%s", "port": "%d", "interface": "127.0.0.1",
                  "ws-protocols": [{ "lightwire-ws-client-probe": { "status": "ok", %s } }] }"""
                .formatted(name, port, pvos);
    }

    /** Starts the launcher on {@code conf} and waits until the fixture's protocols are available. */
    static LauncherProcess start(Path conf, String protocol) throws IOException, InterruptedException {
        LauncherProcess launcher = LauncherProcess.start("--config-dir", conf.toString());
        launcher.awaitLine("protocol '" + protocol + "' available", START);
        return launcher;
    }

    /** Waits until {@code report} holds a line starting with {@code prefix}; fails with the report and log otherwise. */
    static String awaitReport(Path report, String prefix, Duration timeout, LauncherProcess launcher)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (Files.exists(report)) {
                for (String line : Files.readAllLines(report)) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no report line '" + prefix + "' within " + timeout + "; report:\n"
                        + (Files.exists(report) ? Files.readString(report) : "(none)") + "\nlog:\n" + launcher.log());
            }
            // polling a file another process appends to
            Thread.sleep(50);
        }
    }

    static int freePort() throws IOException {
        return Net.freePort();
    }
}
