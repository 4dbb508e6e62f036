package org.lightwire.benchmarks.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Lightwire as users run it: the launcher from the assembled distribution (OSGi mode), the
 * sshd-demo bundle from its {@code optional/} dropped into a plugin dir, and the lws
 * README's sshd vhost (lws-ssh-base with {@code "ops-from": "lws-sshd-demo"}).
 */
final class LightwireSshServer implements SshServerUnderTest {

    private final int port;
    private final Process process;

    private LightwireSshServer(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static LightwireSshServer start(Path work, int port, Path hostKey, Path authorizedKeys, int threads) throws Exception {
        Path dist = Path.of(System.getProperty("lightwire.dist", "../../launcher/target/lightwire")).toAbsolutePath();
        Path optional = dist.resolve("optional");
        Path jar;
        try (Stream<Path> s = Files.list(optional)) {
            jar = s.filter(p -> p.getFileName().toString().startsWith("lightwire-plugin-sshd-demo-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no sshd-demo jar in " + optional + ": build the launcher"));
        }
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Files.copy(jar, plugins.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Path conf = Files.createDirectories(work.resolve("conf-dir"));
        Files.writeString(conf.resolve("conf"), """
                { "global": { "count-threads": "%d", "plugin-dir": "%s" },
                  "vhosts": [ { "name": "sshd", "port": "%d", "interface": "127.0.0.1",
                    "listen-accept-role": "raw-skt", "apply-listen-accept": "1",
                    "ws-protocols": [{
                      "lws-ssh-base": { "status": "ok", "ops-from": "lws-sshd-demo" },
                      "lws-sshd-demo": { "status": "ok", "raw": "1",
                                         "host-key": "%s", "authorized-keys": "%s" } }] } ] }
                """.formatted(threads, plugins, port, hostKey, authorizedKeys));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = work.resolve("lightwire.log");
        Process p = new ProcessBuilder(List.of(java, "-Xms512m", "-Xmx512m", "-p", dist.resolve("lib").toString(),
                "--add-modules", "ALL-MODULE-PATH", "-m", "org.lightwire.launcher/org.lightwire.launcher.Main",
                "--config-dir", conf.toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new LightwireSshServer(port, p);
    }

    @Override
    public String name() {
        return "Lightwire sshd-demo";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
