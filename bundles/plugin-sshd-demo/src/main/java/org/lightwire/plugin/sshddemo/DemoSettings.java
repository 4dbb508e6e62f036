package org.lightwire.plugin.sshddemo;

import java.nio.file.Files;
import java.nio.file.Path;
import org.lightwire.api.Options;

/**
 * The per-vhost options ("pvo") of lws-sshd-demo, read once when the protocol starts on a
 * vhost. Every limit has a safe default and its own option name; a bad value is an
 * {@link IllegalArgumentException} naming the vhost and the option.
 *
 * <ul>
 *   <li>{@code host-key}: the OpenSSH private key file of the host key (created as an
 *       Ed25519 key with mode 0600 when missing); default
 *       {@code ~/.lightwire/sshd-demo/ssh_host_ed25519_key}. Repeat the option (a JSON array)
 *       for several keys, e.g. an RSA and an Ed25519 key.</li>
 *   <li>{@code authorized-keys}: the OpenSSH authorized_keys file deciding who may log in;
 *       default {@code ~/.ssh/authorized_keys} — the children run as the launcher's user,
 *       so this is that user's own list.</li>
 *   <li>{@code shell}: the shell for "shell" and "exec" requests, default {@code /bin/sh}.</li>
 *   <li>{@code pty-wrapper}: util-linux {@code script}, which gives a child a real
 *       pseudo-terminal (Java cannot open one), default {@code /usr/bin/script}.</li>
 *   <li>{@code max-sessions}: concurrent session channels on the vhost, default 32.</li>
 *   <li>{@code stream-buffer-bytes}: each direction's buffer between a child and the
 *       loop, default 65536.</li>
 *   <li>{@code authorized-keys-max-bytes}: the largest authorized_keys file read, default
 *       1 MiB.</li>
 *   <li>{@code max-env}: environment variables a channel may set (LANG and LC_* only),
 *       default 16.</li>
 *   <li>{@code banner}: text sent before authentication, default none.</li>
 * </ul>
 */
record DemoSettings(java.util.List<Path> hostKeys, Path authorizedKeys, String shell, Path ptyWrapper,
        int maxSessions, int streamBufferBytes, int authorizedKeysMaxBytes, int maxEnv,
        String banner) {

    static final String HOST_KEY = "host-key";
    static final String AUTHORIZED_KEYS = "authorized-keys";

    static DemoSettings read(String vhost, Options options) {
        Path home = Path.of(System.getProperty("user.home", "/"));
        java.util.List<String> keys = options.all(HOST_KEY);
        java.util.List<Path> hostKeys = keys.isEmpty()
                ? java.util.List.of(home.resolve(".lightwire/sshd-demo/ssh_host_ed25519_key"))
                : keys.stream().map(k -> path(vhost, HOST_KEY, k)).toList();
        Path authorized = options.get(AUTHORIZED_KEYS).map(v -> path(vhost, AUTHORIZED_KEYS, v))
                .orElse(home.resolve(".ssh/authorized_keys"));
        String shell = options.get("shell").orElse("/bin/sh");
        if (!shell.startsWith("/") || shell.indexOf('\0') >= 0) {
            throw bad(vhost, "shell", "must be an absolute path, not '" + shell + "'");
        }
        Path wrapper = path(vhost, "pty-wrapper", options.get("pty-wrapper").orElse("/usr/bin/script"));
        return new DemoSettings(hostKeys, authorized, shell, wrapper,
                positive(vhost, options, "max-sessions", 32, 100_000),
                positive(vhost, options, "stream-buffer-bytes", 65_536, 16 << 20),
                positive(vhost, options, "authorized-keys-max-bytes", 1 << 20, 64 << 20),
                positive(vhost, options, "max-env", 16, 1024),
                options.get("banner").orElse(""));
    }

    /** Whether pty requests can be honoured with a real pseudo-terminal. */
    boolean ptyAvailable() {
        return Files.isExecutable(ptyWrapper);
    }

    private static Path path(String vhost, String key, String value) {
        if (value.isBlank() || value.indexOf('\0') >= 0) {
            throw bad(vhost, key, "must be a file path, not '" + value + "'");
        }
        return Path.of(value);
    }

    private static int positive(String vhost, Options options, String key, int fallback, int max) {
        int v;
        try {
            v = options.intValue(key, fallback);
        } catch (IllegalArgumentException e) {
            throw bad(vhost, key, e.getMessage());
        }
        if (v < 1 || v > max) {
            throw bad(vhost, key, "must be between 1 and " + max + ", not " + v);
        }
        return v;
    }

    private static IllegalArgumentException bad(String vhost, String key, String why) {
        return new IllegalArgumentException("vhost '" + vhost + "': lws-sshd-demo option '" + key + "' " + why);
    }
}
