package org.lightwire.dns.internal;

import org.lightwire.api.ContextSettings;
import org.lightwire.dns.AsyncDns;
import org.lightwire.dns.DnsSettings;
import org.lightwire.spi.Resolver;
import org.lightwire.spi.ResolverProvider;

/**
 * The registry face of async DNS: while this bundle is installed, core opens one
 * {@link AsyncDnsResolver} per context from it, configured by that context's
 * {@code async-dns-*} global keys ({@link DnsSettings#fromContext}), and closes it with the
 * context — lws' async DNS lives in its {@code lws_context} the same way. A setting that
 * cannot be used (a nameserver that is not an address) fails {@link #open}, which core
 * logs before falling back to the JDK resolver for that context.
 */
public final class AsyncDnsResolverProvider implements ResolverProvider {

    @Override
    public Resolver open(ContextSettings settings) {
        return new AsyncDnsResolver(AsyncDns.create(DnsSettings.fromContext(settings)));
    }
}
