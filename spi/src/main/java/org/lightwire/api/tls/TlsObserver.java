package org.lightwire.api.tls;

import org.lightwire.api.Connection;

/**
 * TLS events for a protocol (lws {@code LWS_CALLBACK_SSL_INFO} and the
 * {@code OPENSSL_PERFORM_*_VERIFICATION} callbacks): a {@link org.lightwire.api.Protocol}
 * implementing this hears about handshakes and alerts of connections on its vhost. Events
 * arrive on the connection's loop thread. The protocol hearing them is the connection's
 * bound protocol, or, for connections not bound yet (HTTP before the first request), every
 * protocol of the vhost that implements this interface.
 */
public interface TlsObserver {

    /**
     * The handshake of {@code connection} completed; the role has not seen the connection
     * yet. Returning false vetoes it: the connection is closed (logged) before any
     * application byte is read or written, e.g. to refuse a client certificate by a rule of
     * the protocol's own.
     */
    default boolean tlsHandshakeDone(Connection connection, TlsInfo info) {
        return true;
    }

    /**
     * The TLS layer of {@code connection} failed or received an alert: {@code description}
     * says what (e.g. "certificate_unknown", "handshake timed out", "renegotiation refused").
     * The connection closes after this event.
     */
    default void tlsAlert(Connection connection, String description) {
    }
}
