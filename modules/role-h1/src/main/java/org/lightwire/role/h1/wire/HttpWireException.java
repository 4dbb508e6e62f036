package org.lightwire.role.h1.wire;

/**
 * A violation of the HTTP/1.1 message syntax or of a configured limit, found while
 * decoding. It names the status a server answers with (400, 413, 414, 431, 501, 505...);
 * a client treats every such violation as a malformed response. After one, the
 * connection's byte stream can no longer be trusted: the connection must close.
 */
public final class HttpWireException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status  the HTTP status a server answers the peer with
     * @param message what rule was broken, for logs (never sent to the peer verbatim)
     */
    public HttpWireException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The status a server answers with. */
    public int status() {
        return status;
    }
}
