package org.lightwire.role.ws;

import org.lightwire.api.Connection;

/**
 * A client's opening handshake failed (lws {@code CLIENT_CONNECTION_ERROR} with a reason):
 * the server answered something other than a valid 101 for our request. Names the peer.
 */
final class WsHandshakeException extends Exception {

    private static final long serialVersionUID = 1L;

    WsHandshakeException(Connection connection, String reason) {
        super("WebSocket handshake with " + connection.peerAddress().map(Object::toString).orElse("?") + " failed: "
                + reason);
    }
}
