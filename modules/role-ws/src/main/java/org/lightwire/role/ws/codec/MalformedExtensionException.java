package org.lightwire.role.ws.codec;

/**
 * A {@code Sec-WebSocket-Extensions} header, or one extension's parameters, that break
 * RFC 6455 §9.1 or RFC 7692 §7. A server declines such an offer; a client that receives
 * such a response fails the connection (RFC 7692 §5.1).
 */
public final class MalformedExtensionException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedExtensionException(String message) {
        super(message);
    }
}
