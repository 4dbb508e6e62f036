/**
 * Lightwire's public contract.
 *
 * <ul>
 *   <li>{@code org.lightwire.api} and its family packages: what protocol authors and
 *       embedding applications use (contexts, vhosts, connections, protocols, timers,
 *       retry policies, sequencers, system state, blobs, settings).</li>
 *   <li>{@code org.lightwire.spi}: what role and backend implementers use (roles,
 *       the service registry, name resolvers).</li>
 * </ul>
 *
 * The module holds no implementation: {@link org.lightwire.api.ContextFactory} finds one
 * at run time.
 */
module org.lightwire.spi {
    requires static org.osgi.annotation.bundle;
    requires static org.osgi.annotation.versioning;

    exports org.lightwire.api;
    exports org.lightwire.api.crypto;
    exports org.lightwire.api.http;
    exports org.lightwire.api.raw;
    exports org.lightwire.api.tls;
    exports org.lightwire.api.ws;
    exports org.lightwire.spi;

    uses org.lightwire.api.ContextFactory;
}
