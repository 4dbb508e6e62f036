package org.lightwire.spi;

import java.net.InetAddress;
import java.util.List;
import java.util.function.BiConsumer;
import org.lightwire.api.ServiceLoop;

/**
 * Turns a host name into addresses without blocking a service loop (lws'
 * {@code lws_async_dns} or getaddrinfo off-thread). A context gets its resolver from the
 * highest-ranked {@link ResolverProvider} in the {@link Registry}, opened with that
 * context's settings; failing that it uses the highest-ranked {@code Resolver} registered
 * as such (one settings-free instance shared by every context, e.g. a test double), and
 * failing that the JDK resolver on helper threads.
 */
public interface Resolver extends AutoCloseable {

    /**
     * Resolves {@code host} and calls {@code callback} on {@code loop}'s thread with the
     * addresses in preference order, or with the failure.
     */
    void resolve(String host, ServiceLoop loop, BiConsumer<List<InetAddress>, Throwable> callback);

    /**
     * Releases what this resolver holds (sockets, caches, threads). Core calls it for the
     * resolvers it opened from a {@link ResolverProvider} when their context closes or the
     * provider leaves; lookups still pending then fail. Default: nothing to release.
     */
    @Override
    default void close() {
    }
}
