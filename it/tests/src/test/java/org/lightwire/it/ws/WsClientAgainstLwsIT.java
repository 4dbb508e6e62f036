package org.lightwire.it.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.it.LauncherProcess;

/**
 * Issue 4 acceptance 2 (client part): Lightwire's ws client against the real lws 4.1.6
 * {@code libwebsockets-test-server} (Debian libwebsockets-test-server): the
 * dumb-increment-protocol counter increments, and a message sent on lws-mirror-protocol
 * comes back relayed.
 */
class WsClientAgainstLwsIT {

    private static final Path TEST_SERVER = Path.of("/usr/bin/libwebsockets-test-server");

    @Test
    void counterIncrementsAndMirrorRelays(@TempDir Path tmp) throws Exception {
        WsProcess.require(TEST_SERVER, "libwebsockets-test-server");
        int lwsPort = WsSetup.freePort();
        Path counter = tmp.resolve("counter.report");
        Path mirror = tmp.resolve("mirror.report");
        try (WsProcess lws = WsProcess.start(tmp, "lws", List.of(TEST_SERVER.toString(), "--port=" + lwsPort))) {
            awaitListening(lwsPort);
            Path conf = WsSetup.config(tmp, "",
                    WsSetup.probeVhost("counter", WsSetup.freePort(), "\"connect-port\": \"" + lwsPort + "\","
                            + " \"subprotocol\": \"dumb-increment-protocol\", \"mode\": \"counter\","
                            + " \"origin\": \"http://127.0.0.1\", \"report\": \"" + counter + "\""),
                    WsSetup.probeVhost("mirror", WsSetup.freePort(), "\"connect-port\": \"" + lwsPort + "\","
                            + " \"subprotocol\": \"lws-mirror-protocol\", \"mode\": \"mirror\","
                            + " \"report\": \"" + mirror + "\""));
            try (LauncherProcess launcher = WsSetup.start(conf, "lightwire-ws-client-probe")) {
                assertEquals("established subprotocol=dumb-increment-protocol extensions=",
                        WsSetup.awaitReport(counter, "established", Duration.ofSeconds(30), launcher).replaceAll(
                                "extensions=.*", "extensions="));
                WsSetup.awaitReport(counter, "counter-ok", Duration.ofSeconds(30), launcher);
                List<String> lines = Files.readAllLines(counter);
                assertTrue(lines.stream().noneMatch(l -> l.startsWith("counter-not-increasing")), lines.toString());
                assertTrue(lines.stream().filter(l -> l.matches("counter \\d+")).count() >= 5, lines.toString());

                assertTrue(WsSetup.awaitReport(mirror, "established", Duration.ofSeconds(30), launcher)
                        .startsWith("established subprotocol=lws-mirror-protocol"));
                WsSetup.awaitReport(mirror, "mirror-ok", Duration.ofSeconds(30), launcher);
                WsSetup.awaitReport(mirror, "closed", Duration.ofSeconds(30), launcher);
            }
        }
    }

    private static void awaitListening(int port) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (java.io.IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("libwebsockets-test-server did not listen on " + port);
                }
                // polling another process' listen socket
                Thread.sleep(50);
            }
        }
    }
}
