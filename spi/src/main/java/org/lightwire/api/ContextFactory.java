package org.lightwire.api;

import java.util.ServiceLoader;

/**
 * Builds contexts (lws {@code lws_create_context}). The core module provides it as a
 * service; embedding applications reach it with {@link #load()} instead of naming an
 * implementation class.
 */
public interface ContextFactory {

    /**
     * Creates and starts a context: service loops run, listen sockets are bound, protocol
     * instances are created for every vhost that enables them, and the system state
     * advances to {@link SystemState.State#OPERATIONAL}.
     *
     * @throws LightwireException if a listen socket cannot be bound or the settings are
     *         inconsistent; nothing is left running in that case
     */
    Context create(ContextSettings settings);

    /**
     * Creates a context that replaces {@code predecessor} with new settings (lwsws' SIGHUP
     * reload): the predecessor stops listening and is {@linkplain Context#deprecate
     * deprecated}: its open connections go on undisturbed and it closes once they have
     * all closed. New connections reach the new context. Implementations hand listen
     * sockets over so that no connection is refused in between; this default frees the
     * ports first, then binds them again.
     *
     * @throws LightwireException if the new context cannot start; then the predecessor
     *         goes on serving as before where the implementation can arrange it
     */
    default Context succeed(Context predecessor, ContextSettings settings) {
        predecessor.deprecate(() -> { });
        return create(settings);
    }

    /** The implementation on the module path or class path. */
    static ContextFactory load() {
        return ServiceLoader.load(ContextFactory.class).findFirst()
                .orElseThrow(() -> new LightwireException(
                        "no ContextFactory found: put org.lightwire.core on the module path"));
    }
}
