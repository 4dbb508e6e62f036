package org.lightwire.spi;

import java.util.List;

/**
 * A kind of connection behaviour (lws {@code lws_role_ops}): raw-skt, raw-file, udp, and
 * later h1, ws, h2. A role turns transport bytes into its protocol family's typed events
 * and back; the service loop calls it and knows nothing about protocols.
 *
 * <p>Roles are services found by {@link #name()} in the {@link Registry}.
 */
public interface Role {

    /** The role's name as configs know it ("raw-skt"). */
    String name();

    /**
     * The TLS ALPN protocol ids (RFC 7301) this role speaks, most preferred first, e.g.
     * "http/1.1" for h1 (lws' per-role {@code alpn} name). A TLS listener offers the ids of its
     * vhost's {@code alpn} key, else those of every installed role; a negotiated id of another
     * role moves the connection to that role before it opens. Empty: never chosen by ALPN.
     */
    default List<String> alpnIds() {
        return List.of();
    }

    /** Creates the role's state machine for one connection, on the connection's loop thread. */
    RoleHandler bind(RoleBinding binding);

    /**
     * {@code vhost} is retired (lws {@code LWS_CALLBACK_PROTOCOL_DESTROY}, for roles): its
     * context closed, a context replaced by a reload finished draining, or this role is
     * leaving the registry. Its connections of this role have been closed before. Called once
     * per vhost and role, on any thread; the role releases what it keeps per vhost (files,
     * threads). Default: nothing.
     */
    default void vhostClosed(org.lightwire.api.Vhost vhost) {
    }
}
