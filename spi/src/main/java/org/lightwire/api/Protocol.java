package org.lightwire.api;

/**
 * One protocol's instance on one vhost (lws {@code lws_protocols} after
 * {@code LWS_CALLBACK_PROTOCOL_INIT}). Created by its {@link ProtocolProvider} for each
 * vhost that enables it, receiving that vhost's options.
 *
 * <p>A protocol serves connections through family interfaces: it implements
 * {@link org.lightwire.api.raw.RawProtocol} to serve raw sockets, files and datagrams, and
 * the HTTP and WebSocket families as they arrive. A vhost may run several loops, so state
 * shared by the instance across connections needs thread-safety when count-threads > 1.
 */
public interface Protocol {

    /**
     * Called on each service loop after {@link Context#cancelService()} (lws
     * {@code LWS_CALLBACK_EVENT_WAIT_CANCELLED}).
     */
    default void waitCancelled(ServiceLoop loop) {
    }

    /**
     * Called once when the instance is retired (lws {@code LWS_CALLBACK_PROTOCOL_DESTROY}):
     * the context closes or the provider's bundle goes away. Its connections have been
     * closed before.
     */
    default void destroy() {
    }
}
