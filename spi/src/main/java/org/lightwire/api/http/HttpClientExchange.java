package org.lightwire.api.http;

import java.nio.ByteBuffer;
import org.lightwire.api.Connection;

/**
 * One client request and its response (lws: an HTTP client wsi). Loop thread only.
 */
public interface HttpClientExchange {

    /**
     * The connection carrying the request. With pipelining, several requests share one
     * network connection in turn; each still has its own connection object here.
     */
    Connection connection();

    String method();

    /** The request target path (and query). */
    String path();

    /** The response status code; 0 before the response header arrived. */
    int status();

    /** The response reason phrase; empty before the response header arrived. */
    String reason();

    /** The response header fields; empty before they arrived. */
    HttpFields responseHeaders();

    /**
     * Writes request body bytes, once per {@link HttpClientSession#writeableRequestBody}
     * event; {@code last} ends the body.
     */
    void writeBody(ByteBuffer data, boolean last);

    /** Asks for a {@link HttpClientSession#writeableRequestBody} event. */
    void requestWriteable();
}
