package org.lightwire.api.ws;

import java.nio.ByteBuffer;

/**
 * The events of one WebSocket connection (lws' ws callbacks), on its loop thread. An event
 * that throws closes the connection with 1011 (server error), logged. Buffers passed in
 * are valid only during the call.
 */
public interface WsSession {

    /**
     * The handshake is complete (lws {@code ESTABLISHED} / {@code CLIENT_ESTABLISHED}):
     * messages may flow. The upgrade headers are readable during this call only.
     */
    default void established(WebSocket socket) throws Exception {
    }

    /**
     * Message data arrived (lws {@code RECEIVE} / {@code CLIENT_RECEIVE}). In fragment mode
     * a message comes in pieces: {@code first} on its first piece, {@code last} on its
     * final one ({@code lws_is_first_fragment}, {@code lws_is_final_fragment}); in
     * whole-message mode ({@link WsLimits#wholeMessages()}) both are always true. Text is
     * valid UTF-8 so far (a piece may end inside a character; the whole message is complete
     * UTF-8). Pause with {@code connection().rxFlowControl(false)}.
     */
    void received(WebSocket socket, ByteBuffer data, WsMessageType type, boolean first, boolean last) throws Exception;

    /** One write may go out (lws {@code SERVER_WRITEABLE} / {@code CLIENT_WRITEABLE}). */
    default void writeable(WebSocket socket) throws Exception {
    }

    /** A pong arrived (lws {@code RECEIVE_PONG}); pings are answered by the role itself. */
    default void pong(WebSocket socket, ByteBuffer payload) throws Exception {
    }

    /**
     * The peer started the closing handshake (lws {@code WS_PEER_INITIATED_CLOSE}) with
     * {@code code} (1005 if it sent none) and {@code reason}; the role answers it, then
     * {@link #closed} follows.
     */
    default void peerClosing(WebSocket socket, int code, String reason) throws Exception {
    }

    /** The connection has closed, cleanly or not (lws {@code CLOSED} / {@code CLIENT_CLOSED}). */
    default void closed(WebSocket socket) {
    }

    /**
     * Client: the connection or its handshake failed for good, after the retries its policy
     * allows (lws {@code CLIENT_CONNECTION_ERROR}); no {@link #closed} follows.
     */
    default void connectFailed(WebSocket socket, Throwable cause) {
    }
}
