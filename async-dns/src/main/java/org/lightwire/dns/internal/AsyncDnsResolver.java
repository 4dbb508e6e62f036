package org.lightwire.dns.internal;

import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.BiConsumer;
import org.lightwire.api.ServiceLoop;
import org.lightwire.dns.AsyncDns;
import org.lightwire.spi.Resolver;

/**
 * One context's async DNS as a {@link Resolver}: what {@link AsyncDnsResolverProvider}
 * opens for each context, with that context's settings, so its client connects resolve
 * through it (lws uses its async DNS for client connections automatically when built in).
 * Closing it closes its {@link AsyncDns}.
 */
public final class AsyncDnsResolver implements Resolver, AutoCloseable {

    private static final System.Logger LOG = System.getLogger("org.lightwire.dns");

    private final AsyncDns dns;

    public AsyncDnsResolver(AsyncDns dns) {
        this.dns = dns;
        LOG.log(Level.INFO, () -> "async DNS resolver ready: " + dns.settings());
    }

    public AsyncDns asyncDns() {
        return dns;
    }

    @Override
    public void resolve(String host, ServiceLoop loop, BiConsumer<List<InetAddress>, Throwable> callback) {
        dns.lookup(host, loop, result -> {
            if (result.isOk()) {
                callback.accept(result.addresses(), null);
            } else {
                callback.accept(null, new UnknownHostException(host + ": " + result.detail()));
            }
        });
    }

    @Override
    public void close() {
        dns.close();
    }
}
