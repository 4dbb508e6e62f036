package org.lightwire.it.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lightwire.it.LauncherProcess;

/**
 * lws' own test client ({@code libwebsockets-test-client} from Debian's
 * libwebsockets-test-server, lws 4.1.6) against the launcher's embedded default config on
 * 127.0.0.1:7681: it opens dumb-increment-protocol and prints every number it receives, and
 * lws-mirror-protocol, where it draws random circles. A JDK WebSocket client on the same
 * mirror instance sees those circles relayed, and its own drawing come back.
 */
class LwsTestClientIT {

    private static final Path CLIENT = Path.of("/usr/bin/libwebsockets-test-client");
    /** The test client's dumb-increment receive log line (lws INFO level): {@code rx <len> '<text>'}. */
    private static final Pattern RX = Pattern.compile(" I: rx (\\d+) '(\\d+)'");
    /** What the test client draws: {@code c #RRGGBB x y r;}. */
    private static final Pattern CIRCLE = Pattern.compile("c #[0-9A-F]{6} \\d+ \\d+ \\d+;");

    @Test
    void lwsTestClientTalksDumbIncrementAndMirrorToTheDefaultConfig() throws Exception {
        if (!Files.isExecutable(CLIENT)) {
            throw new AssertionError("lws' test client is missing: install the Debian package "
                    + "'libwebsockets-test-server' (provides " + CLIENT + ")");
        }
        try (LauncherProcess launcher = LauncherProcess.start()) {
            launcher.awaitLine("vhost 'localhost' listening on /127.0.0.1:7681", Duration.ofSeconds(30));
            launcher.awaitLine("vhost 'localhost': protocol 'dumb-increment-protocol' available", Duration.ofSeconds(30));
            launcher.awaitLine("vhost 'localhost': protocol 'lws-mirror-protocol' available", Duration.ofSeconds(30));

            try (SiteWsClient watcher = SiteWsClient.open("ws://127.0.0.1:7681/", "lws-mirror-protocol")) {
                assertEquals("lws-mirror-protocol", watcher.subprotocol());
                // -d 15: errors, warnings, notices and INFO, where the client logs each number received
                Process client = new ProcessBuilder(CLIENT.toString(), "127.0.0.1", "--port=7681", "-d", "15")
                        .redirectErrorStream(true).start();
                ClientLog log = new ClientLog(client);
                try {
                    log.await("dumb: LWS_CALLBACK_CLIENT_ESTABLISHED", Duration.ofSeconds(15));
                    log.await("mirror: LWS_CALLBACK_CLIENT_ESTABLISHED", Duration.ofSeconds(15));
                    List<Long> numbers = log.awaitNumbers(20, Duration.ofSeconds(15));
                    for (int i = 1; i < numbers.size(); i++) {
                        assertEquals(numbers.get(i - 1) + 1, numbers.get(i), "the counter goes up by one: " + numbers);
                    }
                    assertEquals(0L, numbers.get(0), "a new connection's counter starts at 0");

                    List<String> circles = watcher.await(m -> CIRCLE.matcher(m).matches(), 20, Duration.ofSeconds(15),
                            "circles drawn by libwebsockets-test-client");
                    assertTrue(circles.size() >= 20, circles::toString);

                    watcher.send("d #ff0000 1 2 3 4;");
                    watcher.await("d #ff0000 1 2 3 4;"::equals, 1, Duration.ofSeconds(15),
                            "the watcher's own stroke relayed back to it");
                    assertTrue(client.isAlive(), () -> "the test client stays connected:\n" + log.text());
                    String text = log.text();
                    assertTrue(!text.contains("CLIENT_CONNECTION_ERROR") && !text.contains("illegal"), text);
                } finally {
                    client.destroy();
                    if (!client.waitFor(10, TimeUnit.SECONDS)) {
                        client.destroyForcibly();
                    }
                }
            }

            // the protocol's own commands, from another client: closeme closes with 1001 "seeya"
            try (SiteWsClient dumb = SiteWsClient.open("ws://127.0.0.1:7681/", "dumb-increment-protocol")) {
                dumb.await(m -> m.matches("\\d+"), 3, Duration.ofSeconds(10), "counter values");
                dumb.send("closeme\n");
                assertEquals("1001 seeya", dumb.closed.get(10, TimeUnit.SECONDS));
            }
            // a mirror message over the protocol's 16 KiB limit closes its sender with 1009
            try (SiteWsClient big = SiteWsClient.open("ws://127.0.0.1:7681/", "lws-mirror-protocol")) {
                big.send("c #000000 1 1 1;".repeat(1025));
                String closed = big.closed.get(10, TimeUnit.SECONDS);
                assertTrue(closed.startsWith("1009"), closed);
            }
        }
    }

    @Test
    void aStalledMirrorReaderIsDroppedWhileTheLwsClientAndOthersGoOn() throws Exception {
        if (!Files.isExecutable(CLIENT)) {
            throw new AssertionError("lws' test client is missing: install the Debian package "
                    + "'libwebsockets-test-server' (provides " + CLIENT + ")");
        }
        try (LauncherProcess launcher = LauncherProcess.start()) {
            launcher.awaitLine("vhost 'localhost': protocol 'lws-mirror-protocol' available", Duration.ofSeconds(30));
            try (Socket stalled = SiteWsClient.upgradeAndStall(7681, "lws-mirror-protocol");
                    SiteWsClient watcher = SiteWsClient.open("ws://127.0.0.1:7681/", "lws-mirror-protocol")) {
                Process client = new ProcessBuilder(CLIENT.toString(), "127.0.0.1", "--port=7681", "-d", "7")
                        .redirectErrorStream(true).start();
                ClientLog log = new ClientLog(client);
                try {
                    log.await("mirror: LWS_CALLBACK_CLIENT_ESTABLISHED", Duration.ofSeconds(15));
                    // far more than the stalled reader's socket buffers and the 32-message ring hold
                    String filler = "d #000000 0 0 0 0;".repeat(800);
                    for (int i = 0; i < 400; i++) {
                        watcher.send(filler + "d #0000ff " + i + " 0 0 0;");
                    }
                    watcher.await(m -> m.endsWith("d #0000ff 399 0 0 0;"), 1, Duration.ofSeconds(60),
                            "the watcher's last message relayed back despite the stalled reader");
                    int circlesBefore = watcher.await(m -> CIRCLE.matcher(m).matches(), 1, Duration.ofSeconds(15),
                            "circles from libwebsockets-test-client").size();
                    watcher.await(m -> CIRCLE.matcher(m).matches(), circlesBefore + 20, Duration.ofSeconds(15),
                            "the lws client's circles still flowing");
                    assertTrue(SiteWsClient.closedByServer(stalled, Duration.ofSeconds(30)),
                            "the stalled reader was dropped; launcher log:\n" + launcher.log());
                    assertTrue(client.isAlive(), () -> "the lws client was not dropped:\n" + log.text());
                } finally {
                    client.destroy();
                    if (!client.waitFor(10, TimeUnit.SECONDS)) {
                        client.destroyForcibly();
                    }
                }
            }
        }
    }

    /** The test client's output, kept as it arrives. */
    private static final class ClientLog {
        private final List<String> lines = new ArrayList<>();

        ClientLog(Process p) {
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        synchronized (lines) {
                            // its mirror side logs every write at USER level; not needed here
                            if (!line.contains("LWS_CALLBACK_CLIENT_WRITEABLE")) {
                                lines.add(line);
                            }
                            lines.notifyAll();
                        }
                    }
                } catch (IOException ignored) {
                    // the client went away
                }
            }, "lws-test-client-output");
            t.setDaemon(true);
            t.start();
        }

        String text() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }

        void await(String fragment, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (lines) {
                while (lines.stream().noneMatch(l -> l.contains(fragment))) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("libwebsockets-test-client did not log '" + fragment + "' within "
                                + timeout + ":\n" + String.join("\n", lines));
                    }
                    lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            }
        }

        List<Long> awaitNumbers(int count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (lines) {
                while (true) {
                    List<Long> numbers = new ArrayList<>();
                    for (String l : lines) {
                        Matcher m = RX.matcher(l);
                        if (m.find()) {
                            assertEquals(m.group(2).length(), Integer.parseInt(m.group(1)), l);
                            numbers.add(Long.parseLong(m.group(2)));
                        }
                    }
                    if (numbers.size() >= count) {
                        return numbers;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("libwebsockets-test-client printed " + numbers.size() + " numbers within "
                                + timeout + ", wanted " + count + ":\n" + String.join("\n", lines));
                    }
                    lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            }
        }
    }
}
