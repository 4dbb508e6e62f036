package org.lightwire.role.h1.client;

import java.io.IOException;

/**
 * Why an HTTP client request failed after its connection was made (the cause handed to
 * {@link org.lightwire.api.http.HttpClientSession#failed}; lws reports these as
 * {@code LWS_CALLBACK_CLIENT_CONNECTION_ERROR} with a reason string). Connect failures
 * keep core's own causes (resolution, refusal, connect timeout).
 */
public final class HttpClientFailure extends IOException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The response broke HTTP/1.1 syntax or framing rules, or a configured limit. */
        MALFORMED_RESPONSE,
        /** No response progress within the context's {@code timeout-secs}. */
        RESPONSE_TIMEOUT,
        /** The server closed the connection before the response was complete. */
        PREMATURE_CLOSE,
        /** The request itself could not be sent as asked (body longer or shorter than announced...). */
        BAD_REQUEST_BODY
    }

    private final Kind kind;
    private final String peer;

    /**
     * @param kind    what went wrong
     * @param peer    "host:port" of the server (or proxy) the connection went to
     * @param message what was seen, naming the rule broken
     */
    public HttpClientFailure(Kind kind, String peer, String message) {
        super(peer + ": " + message);
        this.kind = kind;
        this.peer = peer;
    }

    public Kind kind() {
        return kind;
    }

    /** "host:port" of the server (or proxy) the connection went to. */
    public String peer() {
        return peer;
    }
}
