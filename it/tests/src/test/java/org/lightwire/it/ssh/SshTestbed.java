package org.lightwire.it.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lightwire.it.LauncherProcess;

/**
 * What the SSH integration tests share: OpenSSH keys made by the real ssh-keygen, the
 * sshd-demo bundle from the distribution's {@code optional/}, and lwsws configs for an
 * SSH vhost written the way the lws README's port-2222 example is.
 */
final class SshTestbed {

    static final Duration DEPLOY = Duration.ofSeconds(30);
    static final String SSH_KEYGEN = "/usr/bin/ssh-keygen";
    static final String SSH = "/usr/bin/ssh";

    private SshTestbed() {
    }

    /** Fails (never skips) when an OpenSSH tool is missing. */
    static void requireOpenSsh() {
        for (String tool : List.of(SSH, SSH_KEYGEN)) {
            if (!Files.isExecutable(Path.of(tool))) {
                throw new AssertionError(tool + " is missing: install the Debian package openssh-client");
            }
        }
    }

    /** {@code ssh-keygen -t type -N '' -f dir/name}: the private key path ({@code .pub} beside it). */
    static Path keygen(Path dir, String name, String type) throws IOException, InterruptedException {
        requireOpenSsh();
        Path key = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of(SSH_KEYGEN, "-q", "-t", type, "-N", "", "-C", name, "-f", key.toString()));
        if (type.equals("rsa")) {
            cmd.addAll(List.of("-b", "3072"));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("ssh-keygen failed: " + out);
        }
        return key;
    }

    /** The public key line of a key made by {@link #keygen}. */
    static String publicLine(Path key) throws IOException {
        return Files.readString(Path.of(key + ".pub")).strip();
    }

    /** Writes an authorized_keys file listing the public halves of {@code keys}. */
    static Path authorizedKeys(Path file, Path... keys) throws IOException {
        StringBuilder sb = new StringBuilder("# written by the integration test\n");
        for (Path k : keys) {
            sb.append(publicLine(k)).append('\n');
        }
        Files.writeString(file, sb);
        return file;
    }

    /** The sshd-demo bundle as the distribution ships it (optional/). */
    static Path demoJar() throws IOException {
        Path optional = LauncherProcess.DIST.resolve("optional");
        try (Stream<Path> s = Files.list(optional)) {
            List<Path> jars = s.filter(p -> p.getFileName().toString().startsWith("lightwire-plugin-sshd-demo-")).toList();
            if (jars.size() != 1) {
                throw new AssertionError("expected one lightwire-plugin-sshd-demo jar in " + optional + ", found " + jars);
            }
            return jars.get(0);
        }
    }

    /** Copies a jar into a plugin dir as an operator would: elsewhere first, then an atomic move. */
    static Path deploy(Path jar, Path pluginDir) throws IOException {
        Path tmp = Files.createTempFile(pluginDir.getParent(), "deploy", ".part");
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        return Files.move(tmp, pluginDir.resolve(jar.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The lws README's sshd vhost: raw listen-accept, lws-ssh-base taking its ops from
     * lws-sshd-demo, which is the protocol marked {@code "raw": "1"}.
     */
    static String sshdVhost(String name, int port, List<Path> hostKeys, Path authorizedKeys) {
        String keys = hostKeys.stream().map(k -> "\"" + k + "\"").collect(Collectors.joining(", ", "[", "]"));
        return """
                { "name": "%s", "port": "%d", "interface": "127.0.0.1",
                  "listen-accept-role": "raw-skt", "apply-listen-accept": "1",
                  "ws-protocols": [{
                    "lws-ssh-base": { "status": "ok", "ops-from": "lws-sshd-demo" },
                    "lws-sshd-demo": { "status": "ok", "raw": "1",
                                       "host-key": %s, "authorized-keys": "%s" }
                  }] }""".formatted(name, port, keys, authorizedKeys);
    }

    /** Writes {@code dir/conf}. */
    static Path writeConfig(Path dir, String global, String... vhosts) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("conf"), "# written by the integration test\n{ \"global\": { " + global
                + " },\n  \"vhosts\": [\n" + String.join(",\n", vhosts) + "\n  ]\n}\n");
        return dir;
    }

    /**
     * Starts the launcher with sshd-demo deployed into its plugin dir and waits until an
     * {@code ssh ... true} login succeeds.
     */
    static LauncherProcess startWithDemo(Path tmp, int port, List<Path> hostKeys, Path authorized, Path clientKey)
            throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        deploy(demoJar(), plugins);
        Path conf = writeConfig(tmp.resolve("conf-dir"), "\"plugin-dir\": \"" + plugins + "\"",
                sshdVhost("sshd", port, hostKeys, authorized));
        LauncherProcess launcher = LauncherProcess.start("--config-dir", conf.toString(), "-d", "15");
        try {
            launcher.awaitLine("vhost 'sshd' listening on", DEPLOY);
            launcher.awaitLine("bundle org\\.lightwire\\.plugin\\.sshddemo ", DEPLOY);
            OpenSsh.awaitLogin(port, clientKey, DEPLOY, launcher);
            return launcher;
        } catch (Throwable t) {
            launcher.close();
            throw t;
        }
    }
}
