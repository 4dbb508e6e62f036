package org.lightwire.it.ssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.PtyChannelConfiguration;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.kex.KexProposalOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lightwire.it.LauncherProcess;
import org.lightwire.it.Net;

/**
 * Issue 9 acceptance 2: Apache MINA SSHD's client forces each cipher and each host-key
 * algorithm ssh-base offers, one at a time, and does an exec round trip through
 * lws-sshd-demo with each: 256 KiB of random bytes through {@code cat} and back, so every
 * cipher carries many packets both ways. Also: a shell on a pty whose size follows the
 * client's window-change requests. The vhost has two host keys (Ed25519 and RSA,
 * the {@code host-key} pvo given as a JSON array) so every host-key algorithm can be had.
 */
class SshdDemoMinaClientIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static Path tmp;
    private static LauncherProcess launcher;
    private static int port;
    private static KeyPair clientKey;
    private static SshClient client;

    @BeforeAll
    static void start() throws Exception {
        tmp = Files.createTempDirectory("lightwire-ssh-mina-it");
        Path edHost = SshTestbed.keygen(tmp, "ssh_host_ed25519_key", "ed25519");
        Path rsaHost = SshTestbed.keygen(tmp, "ssh_host_rsa_key", "rsa");
        Path probeKey = SshTestbed.keygen(tmp, "probe_ed25519", "ed25519");
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(3072);
        clientKey = g.generateKeyPair();
        Path authorized = SshTestbed.authorizedKeys(tmp.resolve("authorized_keys"), probeKey);
        Files.writeString(authorized, PublicKeyEntry.toString(clientKey.getPublic()) + " mina-client\n",
                java.nio.file.StandardOpenOption.APPEND);
        port = Net.freePort();
        launcher = SshTestbed.startWithDemo(tmp, port, List.of(edHost, rsaHost), authorized, probeKey);
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.stop();
        }
        if (launcher != null) {
            launcher.close();
        }
    }

    @ParameterizedTest(name = "{0} / {1} / host key {2}")
    @CsvSource({
        "chacha20-poly1305@openssh.com, hmac-sha2-256-etm@openssh.com, ssh-ed25519",
        "aes256-gcm@openssh.com,        hmac-sha2-256-etm@openssh.com, ssh-ed25519",
        "aes128-ctr,                    hmac-sha2-256-etm@openssh.com, ssh-ed25519",
        "chacha20-poly1305@openssh.com, hmac-sha2-256-etm@openssh.com, rsa-sha2-256",
        "chacha20-poly1305@openssh.com, hmac-sha2-256-etm@openssh.com, rsa-sha2-512",
        "aes128-ctr,                    hmac-sha2-256-etm@openssh.com, rsa-sha2-512",
    })
    void execRoundTripWithForcedAlgorithms(String cipher, String mac, String hostKeyAlgorithm) throws Exception {
        // one factory list per session is the client's; set and connect under the class lock
        synchronized (SshdDemoMinaClientIT.class) {
            client.setCipherFactoriesNames(cipher);
            client.setMacFactoriesNames(mac);
            // the host-key algorithm comes first; RSA signatures stay available for the RSA user key
            client.setSignatureFactoriesNames(hostKeyAlgorithm.equals("ssh-ed25519")
                    ? List.of("ssh-ed25519", "rsa-sha2-256") : List.of(hostKeyAlgorithm));
            try (ClientSession session = client.connect("mina", "127.0.0.1", port).verify(TIMEOUT).getSession()) {
                session.addPublicKeyIdentity(clientKey);
                session.auth().verify(TIMEOUT);
                assertEquals(cipher, session.getNegotiatedKexParameter(KexProposalOption.C2SENC));
                assertEquals(cipher, session.getNegotiatedKexParameter(KexProposalOption.S2CENC));
                assertEquals(hostKeyAlgorithm, session.getNegotiatedKexParameter(KexProposalOption.SERVERKEYS));
                if (cipher.equals("aes128-ctr")) {
                    assertEquals(mac, session.getNegotiatedKexParameter(KexProposalOption.S2CMAC));
                }
                byte[] data = new byte[256 * 1024];
                new Random(cipher.hashCode() ^ hostKeyAlgorithm.hashCode()).nextBytes(data);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                try (ChannelExec exec = session.createExecChannel("cat")) {
                    exec.setIn(new ByteArrayInputStream(data));
                    exec.setOut(out);
                    exec.setErr(err);
                    exec.open().verify(TIMEOUT);
                    exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
                    assertEquals(Integer.valueOf(0), exec.getExitStatus(), "exit status; stderr: " + err);
                }
                assertArrayEquals(data, out.toByteArray(), "cat gave back what was sent (" + out.size() + " bytes)");
                assertEquals("mina-" + cipher + "\n", session.executeRemoteCommand("echo mina-" + cipher));
            }
        }
    }

    @Test
    void windowChangeResizesTheShellsTerminal() throws Exception {
        synchronized (SshdDemoMinaClientIT.class) {
            client.setCipherFactoriesNames("chacha20-poly1305@openssh.com");
            client.setMacFactoriesNames("hmac-sha2-256-etm@openssh.com");
            client.setSignatureFactoriesNames(List.of("ssh-ed25519", "rsa-sha2-256"));
            try (ClientSession session = client.connect("mina", "127.0.0.1", port).verify(TIMEOUT).getSession()) {
                session.addPublicKeyIdentity(clientKey);
                session.auth().verify(TIMEOUT);
                PtyChannelConfiguration pty = new PtyChannelConfiguration();
                pty.setPtyType("xterm");
                pty.setPtyColumns(80);
                pty.setPtyLines(24);
                java.io.PipedOutputStream keyboard = new java.io.PipedOutputStream();
                ByteArrayOutputStream screen = new ByteArrayOutputStream();
                try (ChannelShell shell = session.createShellChannel(pty, java.util.Map.of())) {
                    shell.setIn(new java.io.PipedInputStream(keyboard, 4096));
                    shell.setOut(screen);
                    shell.setErr(screen);
                    shell.open().verify(TIMEOUT);
                    typeUntilSeen(keyboard, screen, "stty size\n", "24 80");
                    shell.sendWindowChange(132, 50);
                    // the resize is applied by the server asynchronously: ask again until it shows
                    typeUntilSeen(keyboard, screen, "stty size\n", "50 132");
                    keyboard.write("exit\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    keyboard.flush();
                    keyboard.close();
                    shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
                }
            }
        }
    }

    /** Types {@code line} (again every second) until {@code expected} appears on the screen. */
    private static void typeUntilSeen(java.io.OutputStream keyboard, ByteArrayOutputStream screen, String line,
            String expected) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!screen.toString(java.nio.charset.StandardCharsets.UTF_8).contains(expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never saw '" + expected + "'; screen:\n" + screen);
            }
            keyboard.write(line.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            keyboard.flush();
            Thread.sleep(1000); // waiting for the remote shell to answer: poll its output
        }
    }
}
