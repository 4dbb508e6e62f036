/**
 * Lightwire's asynchronous DNS resolver (lws {@code LWS_WITH_SYS_ASYNC_DNS}): queries the
 * configured nameserver over UDP from the service loop, caches answers by TTL and
 * piggybacks concurrent lookups of one name on one query.
 *
 * <ul>
 *   <li>{@code org.lightwire.dns}: the getaddrinfo-shaped API for direct use.</li>
 *   <li>As a {@link org.lightwire.spi.ResolverProvider} in the registry it gives each
 *       context a resolver configured by that context's {@code async-dns-*} keys; client
 *       connections resolve through it while this bundle is installed.</li>
 *   <li>As the {@code lightwire-resolve} {@link java.util.spi.ToolProvider} it is the
 *       launcher's {@code resolve} command.</li>
 * </ul>
 */
module org.lightwire.dns {
    requires org.lightwire.spi;
    requires static org.osgi.annotation.bundle;
    requires static org.osgi.annotation.versioning;

    exports org.lightwire.dns;

    // the resolve tool runs its lookups on a bare context of the core it is loaded with
    uses org.lightwire.api.ContextFactory;

    provides org.lightwire.spi.ResolverProvider with org.lightwire.dns.internal.AsyncDnsResolverProvider;
    provides java.util.spi.ToolProvider with org.lightwire.dns.internal.ResolveTool;
}
