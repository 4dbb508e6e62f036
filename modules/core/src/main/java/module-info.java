/**
 * Lightwire's engine: service loops with their timers, vhosts and listen sockets,
 * connections and the rules they obey, system state, sequencers and blobs, and the
 * registry over {@link java.util.ServiceLoader} or OSGi.
 *
 * <p>Exports only the in-memory test harness; everything else is reached through the SPI
 * ({@link org.lightwire.api.ContextFactory}).
 */
module org.lightwire.core {
    requires transitive org.lightwire.spi;
    requires jdk.net;
    requires static org.osgi.framework;
    requires static org.osgi.util.tracker;
    requires static org.osgi.annotation.bundle;
    requires static org.osgi.annotation.versioning;

    exports org.lightwire.core.embedded;

    uses org.lightwire.spi.Role;
    uses org.lightwire.spi.Resolver;
    uses org.lightwire.spi.ResolverProvider;
    uses org.lightwire.api.ProtocolProvider;
    uses org.lightwire.api.crypto.CryptoBackend;

    provides org.lightwire.api.ContextFactory with org.lightwire.core.CoreContextFactory;
}
