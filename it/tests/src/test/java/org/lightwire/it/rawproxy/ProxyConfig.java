package org.lightwire.it.rawproxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Config dirs for the raw-proxy ITs: lws' own keys, as README.http-fallback.md writes them. */
final class ProxyConfig {

    private ProxyConfig() {
    }

    /** A vhost on 127.0.0.1:{@code port} whose every connection is relayed to {@code onward} (apply-listen-accept). */
    static String proxyVhost(String name, int port, String onward) {
        return """
                { "name": "%s", "port": "%d", "interface": "127.0.0.1",
                  "listen-accept-role": "raw-proxy", "listen-accept-protocol": "raw-proxy",
                  "apply-listen-accept": "1",
                  "ws-protocols": [{ "raw-proxy": { "status": "ok", "onward": "%s" } }] }""".formatted(name, port, onward);
    }

    /** Writes {@code dir/conf} with the given global body and vhost entries. */
    static Path write(Path dir, String global, String... vhosts) throws IOException {
        Files.createDirectories(dir);
        String conf = "# written by the raw-proxy integration test\n{ \"global\": { " + global + " },\n  \"vhosts\": [\n"
                + String.join(",\n", vhosts) + "\n  ]\n}\n";
        Files.writeString(dir.resolve("conf"), conf);
        return dir;
    }
}
