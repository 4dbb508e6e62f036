package org.lightwire.launcher;

/**
 * A running platform in one of the two modes: Felix (bundles, hot deploy) or static
 * (module layer). Started with the settings, closed at shutdown.
 */
interface Platform extends AutoCloseable {

    /**
     * Replaces the running context with one built from {@code settings} (SIGHUP): the old
     * context hands over its listen sockets and drains; connections open across the
     * reload are not cut.
     * @throws org.lightwire.api.LightwireException if the new context cannot start; the
     *         old one then goes on serving
     */
    void reload(org.lightwire.api.ContextSettings settings);

    /** Blocks until the platform stops on its own (framework stopped) or is closed. */
    void awaitStop() throws InterruptedException;

    @Override
    void close();
}
