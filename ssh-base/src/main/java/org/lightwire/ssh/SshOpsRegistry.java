package org.lightwire.ssh;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Ops registered by name in this process, for the {@code "ops"} pvo (lws passes the ops
 * struct pointer as the pvo's value; a JSON config can only carry a name). An embedding
 * application registers its ops before the vhost needs them and names them with
 * {@code "ops": "<name>"}. Thread-safe.
 */
public final class SshOpsRegistry {

    private static final ConcurrentMap<String, SshOps> OPS = new ConcurrentHashMap<>();

    private SshOpsRegistry() {
    }

    /**
     * Registers {@code ops} under {@code name}, replacing any earlier ones.
     *
     * @return a handle whose {@code close()} removes this registration (if still current)
     */
    public static AutoCloseable register(String name, SshOps ops) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ops, "ops");
        OPS.put(name, ops);
        return () -> OPS.remove(name, ops);
    }

    /** The ops registered under {@code name}. */
    public static Optional<SshOps> lookup(String name) {
        return Optional.ofNullable(OPS.get(name));
    }
}
