/**
 * The WebSocket role "ws" (lws role ws, RFC 6455 with RFC 7692 permessage-deflate): server
 * connections upgraded from h1 and ws:// client connections, serving
 * {@link org.lightwire.api.ws.WsProtocol}s. The wire codec
 * ({@code org.lightwire.role.ws.codec}) is internal; the role is reached by name through
 * the registry.
 */
module org.lightwire.role.ws {
    requires org.lightwire.spi;

    provides org.lightwire.spi.Role with org.lightwire.role.ws.WsRole;
}
