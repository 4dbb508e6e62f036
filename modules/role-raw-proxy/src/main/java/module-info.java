/**
 * The raw-proxy role and protocol (lws role raw-proxy with plugin protocol "raw-proxy"):
 * a connection accepted on a listen-accept vhost, or handed over by the TLS fallback, is
 * relayed byte for byte to the configured "onward" TCP target. Nothing is exported: the
 * role and the protocol are reached by name through the registry.
 */
module org.lightwire.role.rawproxy {
    requires org.lightwire.spi;

    provides org.lightwire.spi.Role with org.lightwire.role.rawproxy.RawProxyRole;
    provides org.lightwire.api.ProtocolProvider with org.lightwire.role.rawproxy.RawProxyProvider;
}
