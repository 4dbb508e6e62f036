package org.lightwire.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to create one vhost (the vhost members of lws {@code lws_context_creation_info};
 * one entry of lwsws' {@code "vhosts"}). Immutable.
 */
public final class VhostSettings {

    /** {@link #port()} value for a vhost that does not listen (client or adoption only). */
    public static final int NO_LISTEN = -1;

    private final String name;
    private final int port;
    private final String iface;
    private final boolean unixSocket;
    private final String unixSocketOwner;
    private final String listenAcceptRole;
    private final String listenAcceptProtocol;
    private final boolean applyListenAccept;
    private final List<ProtocolSelection> protocols;
    private final RetryPolicy retryPolicy;

    private VhostSettings(Builder b) {
        this.name = Objects.requireNonNull(b.name, "vhost name");
        this.port = b.port;
        this.iface = b.iface;
        this.unixSocket = b.unixSocket;
        this.unixSocketOwner = b.unixSocketOwner;
        this.listenAcceptRole = b.listenAcceptRole;
        this.listenAcceptProtocol = b.listenAcceptProtocol;
        this.applyListenAccept = b.applyListenAccept;
        this.protocols = List.copyOf(b.protocols);
        this.retryPolicy = b.retryPolicy;
        if (unixSocket && (iface == null || iface.isEmpty())) {
            throw new IllegalArgumentException("vhost '" + name + "': a unix-socket vhost needs its socket path in 'interface'");
        }
        if (!unixSocket && (port < NO_LISTEN || port > 65535)) {
            throw new IllegalArgumentException("vhost '" + name + "': port " + port + " is out of range");
        }
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** The TCP port; 0 picks an ephemeral port, {@link #NO_LISTEN} means no listen socket. */
    public int port() {
        return port;
    }

    /** Whether a listen socket is wanted. */
    public boolean listens() {
        return unixSocket || port != NO_LISTEN;
    }

    /**
     * Where to listen: an IP address, a host name, or a network interface name (lws
     * {@code iface}); the socket path for unix-socket vhosts. Empty: every address.
     */
    public Optional<String> iface() {
        return Optional.ofNullable(iface);
    }

    /** Whether the vhost listens on a unix domain socket at {@link #iface()}. */
    public boolean unixSocket() {
        return unixSocket;
    }

    /** The "user:group" (either part may be empty) to give the unix socket file, mode 0600. */
    public Optional<String> unixSocketOwner() {
        return Optional.ofNullable(unixSocketOwner);
    }

    /** The role accepted connections are bound to when {@link #applyListenAccept()}. */
    public Optional<String> listenAcceptRole() {
        return Optional.ofNullable(listenAcceptRole);
    }

    /** The protocol accepted connections are bound to; else the protocol marked raw. */
    public Optional<String> listenAcceptProtocol() {
        return Optional.ofNullable(listenAcceptProtocol);
    }

    /** Whether every accepted connection goes straight to the listen-accept role and protocol. */
    public boolean applyListenAccept() {
        return applyListenAccept;
    }

    /** The protocols the vhost enables, in order, with their options. */
    public List<ProtocolSelection> protocols() {
        return protocols;
    }

    /** The vhost's own retry and validity policy; empty: the context's. */
    public Optional<RetryPolicy> retryPolicy() {
        return Optional.ofNullable(retryPolicy);
    }

    @Override
    public String toString() {
        return "vhost '" + name + "'";
    }

    /** Builds vhost settings. */
    public static final class Builder {
        private final String name;
        private int port = NO_LISTEN;
        private String iface;
        private boolean unixSocket;
        private String unixSocketOwner;
        private String listenAcceptRole;
        private String listenAcceptProtocol;
        private boolean applyListenAccept;
        private final List<ProtocolSelection> protocols = new ArrayList<>();
        private RetryPolicy retryPolicy;

        private Builder(String name) {
            this.name = name;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder iface(String iface) {
            this.iface = iface;
            return this;
        }

        public Builder unixSocket(boolean unixSocket) {
            this.unixSocket = unixSocket;
            return this;
        }

        public Builder unixSocketOwner(String userColonGroup) {
            this.unixSocketOwner = userColonGroup;
            return this;
        }

        public Builder listenAcceptRole(String role) {
            this.listenAcceptRole = role;
            return this;
        }

        public Builder listenAcceptProtocol(String protocol) {
            this.listenAcceptProtocol = protocol;
            return this;
        }

        public Builder applyListenAccept(boolean apply) {
            this.applyListenAccept = apply;
            return this;
        }

        public Builder protocol(String name, Options options) {
            protocols.add(new ProtocolSelection(name, options));
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = policy;
            return this;
        }

        public VhostSettings build() {
            return new VhostSettings(this);
        }
    }
}
