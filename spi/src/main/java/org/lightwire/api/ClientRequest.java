package org.lightwire.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What to connect to and how (lws {@code lws_client_connect_info}). Immutable.
 */
public final class ClientRequest {

    private final String host;
    private final int port;
    private final String role;
    private final String protocol;
    private final RetryPolicy retryPolicy;
    private final Sequencer sequencer;
    private final Object userData;

    private ClientRequest(Builder b) {
        this.host = Objects.requireNonNull(b.host, "host");
        this.port = b.port;
        this.role = Objects.requireNonNull(b.role, "role");
        this.protocol = Objects.requireNonNull(b.protocol, "protocol");
        this.retryPolicy = b.retryPolicy;
        this.sequencer = b.sequencer;
        this.userData = b.userData;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("client port " + port + " is out of range");
        }
    }

    /** A request for {@code host:port}, by default on the raw-skt role. */
    public static Builder builder(String host, int port) {
        return new Builder(host, port);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The role the connection is bound to once connected. */
    public String role() {
        return role;
    }

    /** The protocol, enabled on the vhost, that receives the connection's events. */
    public String protocol() {
        return protocol;
    }

    /** The connection's own retry and validity policy; empty: the vhost's. */
    public Optional<RetryPolicy> retryPolicy() {
        return Optional.ofNullable(retryPolicy);
    }

    /** The sequencer that receives the connection's lifecycle events. */
    public Optional<Sequencer> sequencer() {
        return Optional.ofNullable(sequencer);
    }

    public Object userData() {
        return userData;
    }

    /** Builds a client request. */
    public static final class Builder {
        private final String host;
        private final int port;
        private String role = "raw-skt";
        private String protocol;
        private RetryPolicy retryPolicy;
        private Sequencer sequencer;
        private Object userData;

        private Builder(String host, int port) {
            this.host = host;
            this.port = port;
        }

        public Builder role(String role) {
            this.role = role;
            return this;
        }

        public Builder protocol(String protocol) {
            this.protocol = protocol;
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = policy;
            return this;
        }

        /** Sends the connection's lifecycle events to {@code sequencer} (lws {@code info->seq}). */
        public Builder sequencer(Sequencer sequencer) {
            this.sequencer = sequencer;
            return this;
        }

        public Builder userData(Object userData) {
            this.userData = userData;
            return this;
        }

        public ClientRequest build() {
            return new ClientRequest(this);
        }
    }
}
