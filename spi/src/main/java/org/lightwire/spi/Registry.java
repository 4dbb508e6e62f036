package org.lightwire.spi;

import java.util.List;

/**
 * Where the platform finds its services — roles, protocol providers, resolvers, crypto
 * backends — without naming an implementation class. One interface over two sources:
 * {@link java.util.ServiceLoader} on the module path (static mode, embedding) and the OSGi
 * service registry (the launcher's default mode, where bundles come and go at run time).
 *
 * <p>Thread-safe.
 */
public interface Registry {

    /** The services of {@code type} present now, highest ranking first. */
    <S> List<S> services(Class<S> type);

    /**
     * Tells {@code watcher} about every present service of {@code type}, then about each
     * one that appears or disappears until the returned handle is closed. A removal is
     * reported before the service's bundle stops, and the watcher should finish releasing
     * it before returning.
     */
    <S> AutoCloseable watch(Class<S> type, Watcher<S> watcher);

    /** Receives appearances and disappearances of one service type. */
    interface Watcher<S> {

        void added(S service);

        void removed(S service);
    }
}
