package org.lightwire.it.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.it.LauncherProcess;
import org.lightwire.it.Net;

/**
 * Issue 9 acceptance 1: the real OpenSSH client against lws-sshd-demo on a raw vhost
 * configured as the lws README's port-2222 example — a command with its output and exit
 * status, an interactive shell on a pty ({@code ssh -tt}) that echoes what is typed, and a
 * key that is not in authorized_keys refused. The host key does not exist at start: the
 * demo has it generated and stores it with mode 0600.
 */
class SshdDemoOpenSshIT {

    private static final Duration RUN = Duration.ofSeconds(30);

    @TempDir
    static Path tmp;
    private static LauncherProcess launcher;
    private static int port;
    private static Path userKey;
    private static Path hostKey;

    @BeforeAll
    static void start() throws Exception {
        userKey = SshTestbed.keygen(tmp, "user_ed25519", "ed25519");
        Path authorized = SshTestbed.authorizedKeys(tmp.resolve("authorized_keys"), userKey);
        hostKey = tmp.resolve("hostkeys/ssh_host_ed25519_key");
        port = Net.freePort();
        launcher = SshTestbed.startWithDemo(tmp, port, List.of(hostKey), authorized, userKey);
    }

    @AfterAll
    static void stop() throws Exception {
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void execPrintsHiWithExitStatusZero() throws Exception {
        OpenSsh.Result r = OpenSsh.run(OpenSsh.command(port, userKey, "user@127.0.0.1", "echo hi"), "", RUN);
        assertEquals(0, r.exit(), r.toString());
        assertEquals("hi\n", r.out(), r.toString());
    }

    @Test
    void exitStatusAndStderrOfTheCommandReachTheClient() throws Exception {
        OpenSsh.Result r = OpenSsh.run(OpenSsh.command(port, userKey, "user@127.0.0.1", "echo to-err >&2; exit 42"), "", RUN);
        assertEquals(42, r.exit(), r.toString());
        assertTrue(r.err().contains("to-err"), r.toString());
    }

    @Test
    void stdinReachesTheCommandAndItsEndFinishesIt() throws Exception {
        String input = "line one\nline two\n".repeat(2000);
        OpenSsh.Result r = OpenSsh.run(OpenSsh.command(port, userKey, "user@127.0.0.1", "wc -c"), input, RUN);
        assertEquals(0, r.exit(), r.toString());
        assertEquals(String.valueOf(input.length()), r.out().strip(), r.toString());
    }

    @Test
    void interactiveShellOnAPtyEchoesWhatIsTyped() throws Exception {
        // sshd-demo gets a real pty from util-linux script(1); without it the pty is refused
        assertTrue(Files.isExecutable(Path.of("/usr/bin/script")),
                "/usr/bin/script is missing: install the Debian package bsdutils");
        // the echo of the typed line shows the arithmetic unevaluated, the output evaluated:
        // seeing both proves the terminal echoed our input and the shell ran it
        OpenSsh.Result r = OpenSsh.run(OpenSsh.command(port, userKey, "-tt", "user@127.0.0.1"),
                "echo typed-$((40+2))\nexit 0\n", RUN);
        assertTrue(r.out().contains("echo typed-$((40+2))"), "typed input echoed; " + r);
        assertTrue(r.out().contains("typed-42"), "command ran; " + r);
        assertEquals(0, r.exit(), r.toString());
    }

    @Test
    void aKeyNotInAuthorizedKeysIsRefused() throws Exception {
        Path stranger = SshTestbed.keygen(tmp, "stranger_ed25519", "ed25519");
        OpenSsh.Result r = OpenSsh.run(OpenSsh.command(port, stranger, "user@127.0.0.1", "echo hi"), "", RUN);
        assertNotEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("Permission denied"), r.toString());
        assertEquals("", r.out(), r.toString());
    }

    @Test
    void generatedHostKeyIsAnOpenSshKeyWithMode0600() throws Exception {
        assertTrue(Files.exists(hostKey), "host key generated at " + hostKey);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(hostKey)));
        // ssh-keygen itself can read it back and derive its public key
        Process p = new ProcessBuilder(SshTestbed.SSH_KEYGEN, "-y", "-f", hostKey.toString()).redirectErrorStream(true).start();
        String pub = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), pub);
        assertTrue(pub.startsWith("ssh-ed25519 "), pub);
    }
}
