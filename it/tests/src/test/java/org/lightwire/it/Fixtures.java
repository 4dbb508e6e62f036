package org.lightwire.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The plugin jars the tests deploy and the configs they write. */
final class Fixtures {

    static final Path JARS = Path.of(System.getProperty("lightwire.it.jars", "target/it-jars"));
    static final String RAW_TEST = "lightwire-plugin-raw-test.jar";
    static final String UPPERCASE = "lightwire-it-fixture-plugin.jar";

    private Fixtures() {
    }

    /** Copies a plugin jar into {@code dir} the way an operator would: write elsewhere, then move in. */
    static Path deploy(String jar, Path dir) throws IOException {
        Path tmp = Files.createTempFile(dir.getParent(), "deploy", ".part");
        Files.copy(JARS.resolve(jar), tmp, StandardCopyOption.REPLACE_EXISTING);
        return Files.move(tmp, dir.resolve(jar), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A raw listen-accept vhost entry bound to {@code protocol} on 127.0.0.1:{@code port}. */
    static String rawVhost(String name, int port, String protocol) {
        return """
                { "name": "%s", "port": "%d", "interface": "127.0.0.1",
                  "listen-accept-role": "raw-skt", "listen-accept-protocol": "%s",
                  "apply-listen-accept": "1",
                  "ws-protocols": [{ "%s": { "status": "ok", "raw": "1" } }] }""".formatted(name, port, protocol, protocol);
    }

    /** Writes {@code dir/conf} with the given global body and vhost entries. */
    static Path writeConfig(Path dir, String global, String... vhosts) throws IOException {
        Files.createDirectories(dir);
        String conf = "# written by the integration test\n{ \"global\": { " + global + " },\n  \"vhosts\": [\n"
                + String.join(",\n", vhosts) + "\n  ]\n}\n";
        Files.writeString(dir.resolve("conf"), conf);
        return dir;
    }
}
