package org.lightwire.api;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
    private final boolean tls;
    private final Set<TlsClientOption> tlsOptions;
    private final List<String> alpn;
    private final String hostHeader;
    private final String origin;
    private final List<String> subprotocols;
    private final List<Header> headers;

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
        this.tls = b.tls;
        this.tlsOptions = b.tlsOptions.isEmpty() ? Set.of() : Set.copyOf(b.tlsOptions);
        this.alpn = List.copyOf(b.alpn);
        this.hostHeader = b.hostHeader;
        this.origin = b.origin;
        this.subprotocols = List.copyOf(b.subprotocols);
        this.headers = List.copyOf(b.headers);
        for (String name : subprotocols) {
            if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c >= 127 || c == ',')) {
                throw new IllegalArgumentException("WebSocket subprotocol '" + name + "' is not an HTTP token");
            }
        }
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

    /**
     * Whether the connection runs over TLS (lws {@code LCCSCF_USE_SSL}): https and wss. The
     * server's certificate is verified against the trusted CAs and its name checked against
     * {@link #host()} unless {@link #tlsOptions()} relax that.
     */
    public boolean tls() {
        return tls;
    }

    /** Explicit relaxations of the TLS checks; empty (verify everything) unless set. */
    public Set<TlsClientOption> tlsOptions() {
        return tlsOptions;
    }

    /** ALPN protocol ids to offer, in preference order; empty: the role's own (e.g. "http/1.1"). */
    public List<String> alpn() {
        return alpn;
    }

    /** The Host header (and TLS SNI name) to send; empty: {@link #host()}. */
    public Optional<String> hostHeader() {
        return Optional.ofNullable(hostHeader);
    }

    /** The Origin header for WebSocket clients (lws {@code info.origin}); empty: none sent. */
    public Optional<String> origin() {
        return Optional.ofNullable(origin);
    }

    /**
     * WebSocket subprotocols to offer in {@code Sec-WebSocket-Protocol}, in preference order;
     * empty: the bound {@link #protocol()} name is offered (lws: {@code info.protocol}).
     */
    public List<String> subprotocols() {
        return subprotocols;
    }

    /** Extra request header fields (lws {@code APPEND_HANDSHAKE_HEADER}), in order. */
    public List<Header> headers() {
        return headers;
    }

    /** Relaxations a TLS client may opt in to (lws {@code LCCSCF_*}); never the default. */
    public enum TlsClientOption {
        /** Accept a self-signed server certificate (lws {@code LCCSCF_ALLOW_SELFSIGNED}). */
        ALLOW_SELF_SIGNED,
        /** Accept a certificate whose names do not match the host (lws {@code LCCSCF_SKIP_SERVER_CERT_HOSTNAME_CHECK}). */
        SKIP_HOSTNAME_CHECK,
        /** Accept an expired or not yet valid certificate (lws {@code LCCSCF_ALLOW_EXPIRED}). */
        ALLOW_EXPIRED,
        /** Accept any certificate at all, e.g. for tests (lws {@code LCCSCF_ALLOW_INSECURE}). */
        ALLOW_INSECURE
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
        private boolean tls;
        private final Set<TlsClientOption> tlsOptions = EnumSet.noneOf(TlsClientOption.class);
        private List<String> alpn = List.of();
        private String hostHeader;
        private String origin;
        private List<String> subprotocols = List.of();
        private final ArrayList<Header> headers = new ArrayList<>();

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

        /** Runs the connection over TLS (https, wss). */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /** Opts in to a relaxation of the TLS checks. */
        public Builder tlsOption(TlsClientOption option) {
            this.tlsOptions.add(Objects.requireNonNull(option, "option"));
            return this;
        }

        public Builder alpn(List<String> protocolIds) {
            this.alpn = List.copyOf(protocolIds);
            return this;
        }

        public Builder hostHeader(String hostHeader) {
            this.hostHeader = hostHeader;
            return this;
        }

        public Builder origin(String origin) {
            this.origin = origin;
            return this;
        }

        public Builder subprotocols(List<String> subprotocols) {
            this.subprotocols = List.copyOf(subprotocols);
            return this;
        }

        /** Adds a request header field (validated like configured headers). */
        public Builder header(String name, String value) {
            this.headers.add(new Header(name, value));
            return this;
        }

        public ClientRequest build() {
            return new ClientRequest(this);
        }
    }
}
