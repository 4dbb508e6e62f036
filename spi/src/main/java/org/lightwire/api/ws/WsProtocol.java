package org.lightwire.api.ws;

import org.lightwire.api.Protocol;

/**
 * A protocol that serves WebSocket connections (an lws protocol with WebSocket callbacks).
 * On the server its name is what clients ask for in {@code Sec-WebSocket-Protocol}; a vhost
 * option {@code "default": "1"} makes it serve clients that ask for none. On the client it
 * is the protocol a {@link org.lightwire.api.ClientRequest} with role {@code "ws"} binds.
 */
public interface WsProtocol extends Protocol {

    /**
     * Creates the session for one connection (server: the upgrade request is valid and this
     * protocol was chosen, lws {@code FILTER_PROTOCOL_CONNECTION}; client: the connection is
     * being made). The upgrade request is readable through {@link WebSocket#upgradeRequest()}.
     *
     * @throws WsRefusedException to refuse the upgrade (server: answered 403 or the status
     *         given; no session is kept)
     */
    WsSession newWsSession(WebSocket socket) throws Exception;

    /** Limits and delivery mode for this protocol's connections; the vhost's pvos may set them. */
    default WsLimits limits() {
        return WsLimits.DEFAULTS;
    }
}
