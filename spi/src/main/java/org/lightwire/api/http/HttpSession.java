package org.lightwire.api.http;

import java.nio.ByteBuffer;
import org.lightwire.api.Connection;

/**
 * The events of an HTTP connection bound to an {@link HttpProtocol} (lws
 * {@code LWS_CALLBACK_HTTP*}), on the connection's loop thread. One session lives from the
 * bind to {@link #dropped}: a keep-alive connection whose next request stays in the same
 * mount keeps its session. An event that throws closes only its own connection.
 * Buffers passed in are valid only during the call.
 */
public interface HttpSession {

    /**
     * A request's header is complete (lws {@code LWS_CALLBACK_HTTP}). Answer now or later;
     * a request body, if any, arrives next through {@link #body}.
     */
    void request(HttpExchange exchange) throws Exception;

    /**
     * Request body bytes, de-chunked (lws {@code LWS_CALLBACK_HTTP_BODY}). Pause with
     * {@code exchange.connection().rxFlowControl(false)} to stop more arriving.
     */
    default void body(HttpExchange exchange, ByteBuffer data) throws Exception {
    }

    /** The request body is complete (lws {@code LWS_CALLBACK_HTTP_BODY_COMPLETION}). */
    default void bodyComplete(HttpExchange exchange) throws Exception {
    }

    /** The exchange can take one {@link HttpExchange#write} (lws {@code LWS_CALLBACK_HTTP_WRITEABLE}). */
    default void writeable(HttpExchange exchange) throws Exception {
    }

    /**
     * The binding ended (lws {@code LWS_CALLBACK_HTTP_DROP_PROTOCOL}): the connection's next
     * request went elsewhere, or the connection closed. Release what the session holds.
     * {@code exchange} is the last one seen, possibly unfinished if the connection closed.
     */
    default void dropped(Connection connection) {
    }
}
