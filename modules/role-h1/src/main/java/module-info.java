/**
 * The HTTP/1.1 role "h1" (lws role h1): the HTTP/1.1 wire format for server connections
 * (request parsing, framing, keep-alive, pipelining, dispatch to the http module's routes
 * and to callback protocols) and for client connections. The role is reached by name through the registry and
 * protocols see the SPI's {@code org.lightwire.api.http} types; the one exported package
 * is the client's entry point for lws' client extras (HTTP proxy, pipelining), which plain
 * {@code Vhost.connect} cannot offer yet.
 */
module org.lightwire.role.h1 {
    requires org.lightwire.spi;
    requires org.lightwire.http;
    requires static org.osgi.annotation.bundle;
    requires static org.osgi.annotation.versioning;

    // H1Client: proxy and pipelining for protocols' HTTP client requests (see its Javadoc)
    exports org.lightwire.role.h1.client;

    provides org.lightwire.spi.Role with org.lightwire.role.h1.H1Role;
}
