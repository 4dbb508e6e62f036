package org.lightwire.api.http;

import java.nio.ByteBuffer;
import org.lightwire.api.Connection;

/**
 * The events of one HTTP client request (lws {@code LWS_CALLBACK_*_CLIENT_HTTP}), on the
 * connection's loop thread. An event that throws closes the connection. Buffers passed in
 * are valid only during the call.
 */
public interface HttpClientSession {

    /**
     * The request is about to be sent: add header fields (lws
     * {@code LWS_CALLBACK_CLIENT_APPEND_HANDSHAKE_HEADER}) and say whether a body follows.
     * Host, Content-Length / Transfer-Encoding and Connection are set by the role.
     * @return the body length: 0 for none, -1 for a chunked body of unknown length
     */
    default long prepareRequest(HttpClientExchange exchange, HttpFields.Builder headers) throws Exception {
        return 0;
    }

    /**
     * The request body may take one {@link HttpClientExchange#writeBody} (lws
     * {@code LWS_CALLBACK_CLIENT_HTTP_WRITEABLE}); only if {@link #prepareRequest}
     * announced a body.
     */
    default void writeableRequestBody(HttpClientExchange exchange) throws Exception {
    }

    /**
     * The response status and header fields arrived (lws
     * {@code LWS_CALLBACK_ESTABLISHED_CLIENT_HTTP}).
     */
    void responseHeaders(HttpClientExchange exchange) throws Exception;

    /**
     * Response body bytes, de-chunked (lws {@code LWS_CALLBACK_RECEIVE_CLIENT_HTTP_READ}).
     * Pause with {@code exchange.connection().rxFlowControl(false)}: nothing more is read
     * from the server until resumed.
     */
    void responseBody(HttpClientExchange exchange, ByteBuffer data) throws Exception;

    /** The response is complete (lws {@code LWS_CALLBACK_COMPLETED_CLIENT_HTTP}). */
    void responseComplete(HttpClientExchange exchange) throws Exception;

    /**
     * The request failed: no connection could be made after the retries its policy
     * conceals, the server closed early, a timeout fired, or the response was malformed
     * (lws {@code LWS_CALLBACK_CLIENT_CONNECTION_ERROR}). No further event follows.
     */
    default void failed(Connection connection, Throwable cause) {
    }

    /** The connection closed after the request ended (lws {@code LWS_CALLBACK_CLOSED_CLIENT_HTTP}). */
    default void closed(Connection connection) {
    }
}
