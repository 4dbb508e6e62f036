package org.lightwire.api.http;

import java.nio.ByteBuffer;
import org.lightwire.api.Connection;

/**
 * One server transaction: a request routed to a protocol and the response it gives (lws: an
 * HTTP wsi between {@code LWS_CALLBACK_HTTP} and {@code lws_http_transaction_completed}).
 * Loop thread only.
 *
 * <h2>Responding</h2>
 * Either answer at once with {@link #respond}, {@link #sendError} or {@link #redirect}, or
 * stream: {@link #sendHeaders} (any time), then the body with {@link #write}, one call per
 * writeable event as for every connection ({@link Connection#write} rules: ask with
 * {@link #requestWriteable()}). The role adds the vhost's headers, framing (Content-Length
 * or chunked) and keep-alive handling; for HEAD requests it sends no body bytes. The
 * transaction ends with the write marked {@code last}; the next pipelined request is then
 * served on the same connection.
 */
public interface HttpExchange {

    /** The connection carrying the transaction (an HTTP/2 stream's own connection, later). */
    Connection connection();

    HttpRequest request();

    /**
     * Sets the status and header fields to send before the body (lws
     * {@code lws_add_http_common_headers} + {@code lws_finalize_write_http_header}).
     * @param contentLength the body length; -1 if unknown (chunked on HTTP/1.1)
     * @throws IllegalStateException if headers were already given
     */
    void sendHeaders(int status, HttpFields headers, long contentLength);

    /**
     * Writes body bytes (their remaining bytes). Allowed once per writeable event, after
     * {@link #sendHeaders}; {@code last} ends the transaction (data may then be empty).
     * @throws org.lightwire.api.WriteDisciplineException outside a writeable event, or on a
     *         second write in one event
     * @throws IllegalStateException before headers, after the last write, or past the declared length
     */
    void write(ByteBuffer data, boolean last);

    /**
     * Sends a complete response with a body held in memory (copied) and ends the
     * transaction. Callable from any event of this exchange.
     */
    void respond(int status, HttpFields headers, ByteBuffer body);

    /**
     * Ends the transaction with an error status: the vhost's error page handling applies
     * (lws {@code lws_return_http_status}: a synthesized page linking {@code /error.css},
     * or the vhost's {@code error-document-404} redirect for 404).
     */
    void sendError(int status, String message);

    /** Ends the transaction with a redirect to {@code location} (lws {@code lws_http_redirect}). */
    void redirect(int status, String location);

    /** Asks for a writeable event for this exchange (lws {@code lws_callback_on_writable}). */
    void requestWriteable();

    /** Whether the status and headers have been given. */
    boolean headersSent();

    /** Whether the transaction has ended. */
    boolean isComplete();

    /**
     * How many body bytes the peer currently accepts (lws
     * {@code lws_get_peer_write_allowance}): unlimited ({@link Long#MAX_VALUE}) on
     * HTTP/1.1, the stream's flow-control credit on HTTP/2.
     */
    long peerWriteAllowance();
}
