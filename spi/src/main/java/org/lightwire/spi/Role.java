package org.lightwire.spi;

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

    /** Creates the role's state machine for one connection, on the connection's loop thread. */
    RoleHandler bind(RoleBinding binding);
}
