package org.lightwire.plugin.rawtest;

import org.lightwire.api.Connection;
import org.lightwire.api.Options;
import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.Vhost;
import org.lightwire.api.raw.RawProtocol;
import org.lightwire.api.raw.RawSession;

/**
 * "protocol-lws-raw-test", the analogue of lws' raw-test plugin: every raw connection
 * bound to it — a socket on a listen-accept vhost, an adopted stream, a UDP socket — gets
 * back exactly what it sent (datagrams go back to their source).
 */
public final class RawTestProvider implements ProtocolProvider {

    public static final String NAME = "protocol-lws-raw-test";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Protocol create(Vhost vhost, Options options) {
        return new RawProtocol() {
            @Override
            public RawSession newSession(Connection connection) {
                return connection.kind() == Connection.Kind.DATAGRAM ? new DatagramEcho() : new StreamEcho();
            }
        };
    }
}
