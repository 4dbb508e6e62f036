package org.lightwire.plugin.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lightwire.api.Vhost;

/** What lws-status says the server is: lws' library version and canonical hostname. */
final class ServerIdentity {

    private ServerIdentity() {
    }

    /** "lightwire" and the running core's version. */
    static String version(Vhost vhost) {
        return vhost.context().version();
    }

    /** The kernel's host name (lws {@code lws_canonical_hostname}); read from /proc, no DNS lookup. */
    static String hostname() {
        try {
            String h = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).trim();
            if (!h.isEmpty() && h.length() <= 255) {
                return h;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        String env = System.getenv("HOSTNAME");
        return env == null || env.isBlank() ? "unknown" : env;
    }
}
