package org.lightwire.it.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.it.LauncherProcess;
import org.lightwire.it.Net;

/**
 * Issue 9 acceptance 3, "extend ssh-base in your own bundle": a vhost whose lws-ssh-base
 * takes its ops from a protocol nobody has installed refuses logins; a user's ops bundle,
 * built by the test against the distribution's jars ({@link CustomOpsBundle}), is dropped
 * into the running launcher's plugin dir and takes the vhost over via {@code ops-from}
 * without a restart — proven by an exec answer only those ops give; removing it refuses
 * logins again, while an sshd-demo vhost in the same process serves throughout.
 */
class SshOpsHotDeployIT {

    private static final Duration RUN = Duration.ofSeconds(30);

    @Test
    void userOpsBundleTakesOverAVhostWithoutRestart(@TempDir Path tmp) throws Exception {
        Path userKey = SshTestbed.keygen(tmp, "user_ed25519", "ed25519");
        Path customJar = CustomOpsBundle.build(tmp.resolve("custom-build"), userKey);
        Path authorized = SshTestbed.authorizedKeys(tmp.resolve("authorized_keys"), userKey);
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        SshTestbed.deploy(SshTestbed.demoJar(), plugins);
        int demoPort = Net.freePort();
        int customPort = Net.freePort();
        String customVhost = """
                { "name": "custom", "port": "%d", "interface": "127.0.0.1",
                  "listen-accept-role": "raw-skt", "listen-accept-protocol": "lws-ssh-base",
                  "apply-listen-accept": "1",
                  "ws-protocols": [{
                    "lws-ssh-base": { "status": "ok", "ops-from": "%s" },
                    "%s": { "status": "ok" }
                  }] }""".formatted(customPort, CustomOpsBundle.PROTOCOL, CustomOpsBundle.PROTOCOL);
        Path conf = SshTestbed.writeConfig(tmp.resolve("conf-dir"), "\"plugin-dir\": \"" + plugins + "\"",
                SshTestbed.sshdVhost("sshd", demoPort, List.of(tmp.resolve("ssh_host_ed25519_key")), authorized),
                customVhost);

        try (LauncherProcess launcher = LauncherProcess.start("--config-dir", conf.toString(), "-d", "15")) {
            launcher.awaitLine("vhost 'custom' listening on", SshTestbed.DEPLOY);
            OpenSsh.awaitLogin(demoPort, userKey, SshTestbed.DEPLOY, launcher);
            long pid = launcher.pid();

            OpenSsh.Result before = OpenSsh.run(OpenSsh.command(customPort, userKey, "u@127.0.0.1", "hello"), "", RUN);
            assertNotEquals(0, before.exit(), "no ops installed yet: refused; " + before);

            Path deployed = SshTestbed.deploy(customJar, plugins);
            launcher.awaitLine("bundle " + CustomOpsBundle.BSN.replace(".", "\\.") + " \\S+ started", SshTestbed.DEPLOY);
            OpenSsh.Result custom = awaitExit0(customPort, userKey, "hello", launcher);
            assertEquals("custom-ops says: olleh\n", custom.out(), custom.toString());

            OpenSsh.Result demo = OpenSsh.run(OpenSsh.command(demoPort, userKey, "u@127.0.0.1", "echo hello"), "", RUN);
            assertEquals("hello\n", demo.out(), "the sshd-demo vhost still runs its shell; " + demo);

            Files.delete(deployed);
            launcher.awaitLine("bundle " + CustomOpsBundle.BSN.replace(".", "\\.") + " \\S+ uninstalled", SshTestbed.DEPLOY);
            OpenSsh.Result after = OpenSsh.run(OpenSsh.command(customPort, userKey, "u@127.0.0.1", "hello"), "", RUN);
            assertNotEquals(0, after.exit(), "ops gone: refused again; " + after);
            assertTrue(launcher.isAlive(), "the launcher keeps running");
            assertEquals(pid, launcher.pid(), "never restarted");
        }
    }

    /** The bundle starts asynchronously after the log line: poll until its ops answer. */
    private static OpenSsh.Result awaitExit0(int port, Path key, String command, LauncherProcess launcher) throws Exception {
        long deadline = System.nanoTime() + SshTestbed.DEPLOY.toNanos();
        OpenSsh.Result r = null;
        while (System.nanoTime() < deadline) {
            r = OpenSsh.run(OpenSsh.command(port, key, "u@127.0.0.1", command), "", RUN);
            if (r.exit() == 0) {
                return r;
            }
            Thread.sleep(300); // the service registration follows the bundle start: poll again
        }
        throw new AssertionError("custom ops never answered; last " + r + "\nlauncher log:\n" + launcher.log());
    }
}
