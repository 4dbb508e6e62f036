package org.lightwire.spi;

import java.net.InetAddress;
import java.util.List;
import java.util.function.BiConsumer;
import org.lightwire.api.ServiceLoop;

/**
 * Turns a host name into addresses without blocking a service loop (lws'
 * {@code lws_async_dns} or getaddrinfo off-thread). The highest-ranked resolver in the
 * {@link Registry} is used; core falls back to the JDK resolver on a helper thread.
 */
public interface Resolver {

    /**
     * Resolves {@code host} and calls {@code callback} on {@code loop}'s thread with the
     * addresses in preference order, or with the failure.
     */
    void resolve(String host, ServiceLoop loop, BiConsumer<List<InetAddress>, Throwable> callback);
}
