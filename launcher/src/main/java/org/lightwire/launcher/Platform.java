package org.lightwire.launcher;

/**
 * A running platform in one of the two modes: Felix (bundles, hot deploy) or static
 * (module layer). Started with the settings, closed at shutdown.
 */
interface Platform extends AutoCloseable {

    /** Blocks until the platform stops on its own (framework stopped) or is closed. */
    void awaitStop() throws InterruptedException;

    @Override
    void close();
}
