package org.lightwire.dns.internal;

import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.BiConsumer;
import org.lightwire.api.ServiceLoop;
import org.lightwire.dns.AsyncDns;
import org.lightwire.dns.DnsSettings;
import org.lightwire.spi.Resolver;

/**
 * The registry face of async DNS: while this bundle is installed, core's client connects
 * resolve through it (lws uses its async DNS for client connections automatically when
 * built in). Settings come from system properties ({@link DnsSettings#fromSystemProperties});
 * a bad one makes construction fail, which the registry logs, and core keeps using the
 * JDK resolver.
 */
public final class AsyncDnsResolver implements Resolver, AutoCloseable {

    private static final System.Logger LOG = System.getLogger("org.lightwire.dns");

    private final AsyncDns dns;

    public AsyncDnsResolver() {
        this(AsyncDns.create(DnsSettings.fromSystemProperties()));
    }

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
