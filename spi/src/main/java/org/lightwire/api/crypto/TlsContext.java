package org.lightwire.api.crypto;

import javax.net.ssl.SSLEngine;

/**
 * A configured TLS context (lws' per-vhost {@code SSL_CTX}): makes one
 * {@link SSLEngine} per connection, already set to its role, protocols, suites, ALPN and
 * client-authentication policy. Thread-safe.
 */
public interface TlsContext {

    TlsSettings settings();

    /** An engine for an accepted connection (server role). */
    SSLEngine serverEngine();

    /**
     * An engine for a connection to {@code peerHost}:{@code peerPort} (client role): SNI
     * is {@code peerHost} when it is a host name, and with {@link TlsSettings#verifyPeer()}
     * the server's certificate must name it.
     */
    SSLEngine clientEngine(String peerHost, int peerPort);
}
