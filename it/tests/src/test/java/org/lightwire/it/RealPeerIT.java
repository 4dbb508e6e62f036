package org.lightwire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raw vhosts of the real launcher against a real peer (socat): TCP, a unix domain socket
 * with lws' 0600 mode, and the per-IP connection limit.
 */
class RealPeerIT {

    @Test
    void socatGetsItsBytesBackOverTcpAndUnixSocket(@TempDir Path tmp) throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Fixtures.deploy(Fixtures.RAW_TEST, plugins);
        int port = Net.freePort();
        Path sock = tmp.resolve("raw.sock");
        String user = System.getProperty("user.name");
        String group = command("id", "-gn").strip();
        String unixVhost = """
                { "name": "unix", "unix-socket": "1", "interface": "%s", "unix-socket-perms": "%s:%s",
                  "listen-accept-role": "raw-skt", "listen-accept-protocol": "protocol-lws-raw-test",
                  "apply-listen-accept": "1",
                  "ws-protocols": [{ "protocol-lws-raw-test": { "status": "ok" } }] }""".formatted(sock, user, group);
        Path conf = Fixtures.writeConfig(tmp.resolve("conf-dir"), "\"plugin-dir\": \"" + plugins + "\"",
                Fixtures.rawVhost("tcp", port, "protocol-lws-raw-test"), unixVhost);

        try (LauncherProcess launcher = LauncherProcess.start("--config-dir", conf.toString())) {
            launcher.awaitLine("vhost 'unix' listening on", Duration.ofSeconds(20));
            Net.awaitRoundTrip(port, "x", "x", Duration.ofSeconds(20));
            String text = "hello from socat\nline two\n";
            assertEquals(text, Socat.exchange("TCP:127.0.0.1:" + port, text, 2));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sock)));
            assertEquals(user, Files.getOwner(sock).getName());
            assertEquals(group, String.valueOf(Files.getAttribute(sock, "posix:group")));
            assertEquals(text, Socat.exchange("UNIX-CONNECT:" + sock, text, 2));
        }
        assertTrue(Files.notExists(sock), "the socket file is removed when the server stops");
    }

    /** A config dir for one raw-test vhost on {@code port}, with the plugin deployed and extra global keys. */
    private static Path rawTestConfig(Path tmp, int port, String extraGlobal) throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Fixtures.deploy(Fixtures.RAW_TEST, plugins);
        return Fixtures.writeConfig(tmp.resolve("conf-dir"), "\"plugin-dir\": \"" + plugins + "\", " + extraGlobal,
                Fixtures.rawVhost("tcp", port, "protocol-lws-raw-test"));
    }

    @Test
    void tcpKeepaliveKeysArmTheKernelsKeepaliveTimer(@TempDir Path tmp) throws Exception {
        int withKa = Net.freePort();
        Path conf = rawTestConfig(tmp, withKa, "\"ka-time\": \"60\", \"ka-interval\": \"5\", \"ka-probes\": \"3\"");
        try (LauncherProcess launcher = LauncherProcess.start("--config-dir", conf.toString())) {
            Net.awaitRoundTrip(withKa, "x", "x", Duration.ofSeconds(20));
            try (Socket s = Net.connect(withKa)) {
                assertEquals("ka", Net.roundTrip(s, "ka"));
                // the server's side of this connection, as the kernel reports it (iproute2's ss)
                String state = command("ss", "-tnoH", "state", "established", "( sport = :" + withKa + " )");
                assertTrue(state.contains("timer:(keepalive"), "server socket has keepalive armed: " + state);
            }
        }
    }

    private static String command(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        return out;
    }

    @Test
    void peerOverIpLimitLosesOnlyItsExtraConnection(@TempDir Path tmp) throws Exception {
        int port = Net.freePort();
        Path conf = rawTestConfig(tmp, port, "\"ip-limit-wsi\": \"2\"");

        try (LauncherProcess launcher = LauncherProcess.start("--config-dir", conf.toString(), "-d", "7")) {
            Net.awaitRoundTrip(port, "x", "x", Duration.ofSeconds(20));
            try (Socket a = Net.connect(port); Socket b = Net.connect(port)) {
                assertEquals("a", Net.roundTrip(a, "a"));
                assertEquals("b", Net.roundTrip(b, "b"));
                try (Socket extra = Net.connect(port)) {
                    assertTrue(Net.closedByPeer(extra, Duration.ofSeconds(5)), "the third connection is dropped");
                }
                launcher.awaitLine("at ip-limit-wsi \\(2\\), dropping its new connection", Duration.ofSeconds(5));
                assertEquals("a2", Net.roundTrip(a, "a2"));
                assertEquals("b2", Net.roundTrip(b, "b2"));
            }
            // both closed: the peer is under its limit again
            Net.awaitRoundTrip(port, "again", "again", Duration.ofSeconds(10));
        }
    }
}
