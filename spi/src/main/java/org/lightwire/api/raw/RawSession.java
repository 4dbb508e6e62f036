package org.lightwire.api.raw;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.lightwire.api.Connection;

/**
 * The events of one raw connection (lws {@code LWS_CALLBACK_RAW_*}), all delivered on the
 * connection's loop thread.
 *
 * <p>An event method that throws closes only its own connection, with the failure
 * logged. Buffers passed in are valid only during the call: copy what must be kept.
 */
public interface RawSession {

    /**
     * The connection is ready: adopted (lws {@code RAW_ADOPT}, {@code RAW_ADOPT_FILE}) or,
     * for clients, connected (lws {@code RAW_CONNECTED}).
     */
    default void opened(Connection connection) throws Exception {
    }

    /** Bytes arrived on a socket or stream (lws {@code RAW_RX}, {@code RAW_RX_FILE}). */
    void received(Connection connection, ByteBuffer data) throws Exception;

    /**
     * A datagram arrived on a UDP connection, from {@code source}. By default handled like
     * stream bytes, without the source.
     */
    default void receivedDatagram(Connection connection, ByteBuffer data, InetSocketAddress source) throws Exception {
        received(connection, data);
    }

    /** The connection can take one write (lws {@code RAW_WRITEABLE}, {@code RAW_WRITEABLE_FILE}). */
    default void writeable(Connection connection) throws Exception {
    }

    /**
     * The connection has closed (lws {@code RAW_CLOSE}, {@code RAW_CLOSE_FILE}): the peer
     * hung up, the stream ended, a timeout fired, or someone called {@link Connection#close()}.
     */
    default void closed(Connection connection) {
    }

    /**
     * A client connection could not be made, after the retries its policy conceals (lws
     * {@code CLIENT_CONNECTION_ERROR}). No {@link #closed} follows.
     */
    default void connectFailed(Connection connection, Throwable cause) {
    }
}
