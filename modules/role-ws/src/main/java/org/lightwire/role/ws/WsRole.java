package org.lightwire.role.ws;

import org.lightwire.spi.Role;
import org.lightwire.spi.RoleBinding;
import org.lightwire.spi.RoleHandler;

/**
 * The "ws" role (lws role ws): WebSocket connections, RFC 6455 with RFC 7692
 * permessage-deflate. Server connections arrive from h1 through
 * {@link RoleBinding#switchRole} once an upgrade request was accepted there; client
 * connections are made with a {@link org.lightwire.api.ClientRequest} naming role "ws", for
 * which this role writes the upgrade request itself. Either way the bound
 * {@link org.lightwire.api.ws.WsProtocol} sees the same events.
 */
public final class WsRole implements Role {

    /** The role's name, as h1 and client requests name it. */
    public static final String NAME = "ws";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RoleHandler bind(RoleBinding binding) {
        return new WsEndpoint(binding);
    }
}
