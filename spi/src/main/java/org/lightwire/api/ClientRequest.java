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
    private final String method;
    private final String path;
    private final boolean pipeline;
    private final String httpProxy;

    private ClientRequest(Builder b) {
        this.host = Objects.requireNonNull(b.host, "host");
        this.port = b.port;
        this.role = Objects.requireNonNull(b.role, "role");
        this.protocol = Objects.requireNonNull(b.protocol, "protocol");
        this.retryPolicy = b.retryPolicy;
        this.sequencer = b.sequencer;
        this.userData = b.userData;
        this.method = b.method;
        this.path = b.path;
        this.pipeline = b.pipeline;
        this.httpProxy = b.httpProxy;
        if (method != null && !org.lightwire.api.http.HttpFields.isToken(method)) {
            throw new IllegalArgumentException("client request method '" + method + "' is not an HTTP token");
        }
        if (!path.startsWith("/") || !org.lightwire.api.http.HttpFields.isValidValue(path) || path.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("client request path must start with '/' and hold no spaces or control characters");
        }
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

    /** The HTTP method (lws {@code info.method}); empty for connections that are not HTTP requests. */
    public Optional<String> method() {
        return Optional.ofNullable(method);
    }

    /** The HTTP request path and query (lws {@code info.path}); "/" unless set. */
    public String path() {
        return path;
    }

    /**
     * Whether this HTTP request may queue behind another to the same host and port and be
     * pipelined on its connection once keep-alive is confirmed (lws {@code LCCSCF_PIPELINE}).
     */
    public boolean pipeline() {
        return pipeline;
    }

    /**
     * The HTTP proxy ("host:port") for a plain http request; empty: the {@code http_proxy}
     * environment variable applies, if set and the host is not in {@code no_proxy}.
     */
    public Optional<String> httpProxy() {
        return Optional.ofNullable(httpProxy);
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
        private String method;
        private String path = "/";
        private boolean pipeline;
        private String httpProxy;

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

        /** Makes the connection an HTTP request with this method (role "h1"). */
        public Builder method(String method) {
            this.method = method;
            return this;
        }

        public Builder path(String path) {
            this.path = path;
            return this;
        }

        public Builder pipeline(boolean pipeline) {
            this.pipeline = pipeline;
            return this;
        }

        public Builder httpProxy(String hostColonPort) {
            this.httpProxy = hostColonPort;
            return this;
        }

        public ClientRequest build() {
            return new ClientRequest(this);
        }
    }
}
