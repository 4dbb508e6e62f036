package org.lightwire.api.raw;

import org.lightwire.api.Connection;
import org.lightwire.api.Protocol;

/**
 * A protocol that serves raw connections: TCP sockets accepted on a listen-accept vhost
 * or opened as clients, adopted files and streams, and UDP sockets (the protocol side of
 * lws' raw-skt, raw-file and udp roles).
 */
public interface RawProtocol extends Protocol {

    /**
     * Creates the per-connection session (lws per-session user data) when a connection is
     * bound to this protocol; its {@link RawSession#opened} event follows (for clients:
     * its connected or connect-failed event).
     */
    RawSession newSession(Connection connection);
}
