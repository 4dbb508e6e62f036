package org.lightwire.api;

import java.nio.file.Path;
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
    private final List<Mount> mounts;
    private final List<Header> headers;
    private final boolean sts;
    private final Path accessLog;
    private final int keepaliveTimeoutSecs;
    private final String errorDocument404;
    private final boolean strictHostCheck;
    private final boolean disableNoProtocolWsUpgrades;
    private final boolean h2HalfClosedLongPoll;
    private final TlsSettings tls;
    private final boolean noIpv6;
    private final boolean ipv6Only;
    private final int foListenQueue;

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
        this.mounts = List.copyOf(b.mounts);
        this.headers = List.copyOf(b.headers);
        this.sts = b.sts;
        this.accessLog = b.accessLog;
        this.keepaliveTimeoutSecs = b.keepaliveTimeoutSecs;
        this.errorDocument404 = b.errorDocument404;
        this.strictHostCheck = b.strictHostCheck;
        this.disableNoProtocolWsUpgrades = b.disableNoProtocolWsUpgrades;
        this.h2HalfClosedLongPoll = b.h2HalfClosedLongPoll;
        this.tls = b.tls;
        this.noIpv6 = b.noIpv6;
        this.ipv6Only = b.ipv6Only;
        this.foListenQueue = b.foListenQueue;
        if (noIpv6 && ipv6Only) {
            throw new IllegalArgumentException("vhost '" + name + "': noipv6 and ipv6only contradict each other");
        }
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

    /**
     * The vhost's mounts in config order (key {@code "mounts"}); see {@link Mount} for how a
     * request picks one.
     */
    public List<Mount> mounts() {
        return mounts;
    }

    /** Headers added to every HTTP response of the vhost (key {@code "headers"}). */
    public List<Header> headers() {
        return headers;
    }

    /** Whether responses carry a Strict-Transport-Security header (key {@code "sts"}). */
    public boolean sts() {
        return sts;
    }

    /** Where Apache-style access log lines are appended (key {@code "access-log"}). */
    public Optional<Path> accessLog() {
        return Optional.ofNullable(accessLog);
    }

    /**
     * Seconds an idle HTTP/1.1 keep-alive connection is kept (key {@code "keepalive_timeout"};
     * also {@code "keepalive-timeout"} and README.lwsws.md's {@code "keeplive-timeout"}). Default 5, as lws.
     */
    public int keepaliveTimeoutSecs() {
        return keepaliveTimeoutSecs;
    }

    /** The URL path served instead of a bare 404 (key {@code "error-document-404"}). */
    public Optional<String> errorDocument404() {
        return Optional.ofNullable(errorDocument404);
    }

    /** Whether requests whose Host header does not name this vhost are refused (key {@code "strict-host-check"}). */
    public boolean strictHostCheck() {
        return strictHostCheck;
    }

    /** Whether WebSocket upgrades naming no protocol are refused (key {@code "disable-no-protocol-ws-upgrades"}). */
    public boolean disableNoProtocolWsUpgrades() {
        return disableNoProtocolWsUpgrades;
    }

    /** Whether half-closed h2 streams may stay open for long poll (key {@code "h2-half-closed-long-poll"}). */
    public boolean h2HalfClosedLongPoll() {
        return h2HalfClosedLongPoll;
    }

    /** The vhost's TLS settings, present if any TLS key was given. */
    public Optional<TlsSettings> tls() {
        return Optional.ofNullable(tls);
    }

    /** Whether IPv6 is disabled for the vhost (key {@code "noipv6"}). */
    public boolean noIpv6() {
        return noIpv6;
    }

    /** Whether the listen socket takes IPv6 only (key {@code "ipv6only"}). */
    public boolean ipv6Only() {
        return ipv6Only;
    }

    /** The TCP fast open queue length of the listen socket (key {@code "fo-listen-queue"}); 0: off. */
    public int foListenQueue() {
        return foListenQueue;
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
        private final List<Mount> mounts = new ArrayList<>();
        private final List<Header> headers = new ArrayList<>();
        private boolean sts;
        private Path accessLog;
        private int keepaliveTimeoutSecs = 5;
        private String errorDocument404;
        private boolean strictHostCheck;
        private boolean disableNoProtocolWsUpgrades;
        private boolean h2HalfClosedLongPoll;
        private TlsSettings tls;
        private boolean noIpv6;
        private boolean ipv6Only;
        private int foListenQueue;

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

        public Builder mount(Mount mount) {
            mounts.add(Objects.requireNonNull(mount, "mount"));
            return this;
        }

        public Builder header(Header header) {
            headers.add(Objects.requireNonNull(header, "header"));
            return this;
        }

        public Builder sts(boolean on) {
            this.sts = on;
            return this;
        }

        public Builder accessLog(Path file) {
            this.accessLog = Objects.requireNonNull(file, "access-log");
            return this;
        }

        public Builder keepaliveTimeoutSecs(int secs) {
            if (secs < 1 || secs > 86_400) {
                throw new IllegalArgumentException("keepalive_timeout must be 1..86400, not " + secs);
            }
            this.keepaliveTimeoutSecs = secs;
            return this;
        }

        /** A URL path starting with '/'. */
        public Builder errorDocument404(String path) {
            Objects.requireNonNull(path, "error-document-404");
            if (!path.startsWith("/") || Header.indexOfControl(path) >= 0) {
                throw new IllegalArgumentException("error-document-404 must be a URL path starting with '/', not '"
                        + Header.printable(path) + "'");
            }
            this.errorDocument404 = path;
            return this;
        }

        public Builder strictHostCheck(boolean on) {
            this.strictHostCheck = on;
            return this;
        }

        public Builder disableNoProtocolWsUpgrades(boolean on) {
            this.disableNoProtocolWsUpgrades = on;
            return this;
        }

        public Builder h2HalfClosedLongPoll(boolean on) {
            this.h2HalfClosedLongPoll = on;
            return this;
        }

        public Builder tls(TlsSettings tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        public Builder noIpv6(boolean on) {
            this.noIpv6 = on;
            return this;
        }

        public Builder ipv6Only(boolean on) {
            this.ipv6Only = on;
            return this;
        }

        public Builder foListenQueue(int queue) {
            if (queue < 0 || queue > 65_535) {
                throw new IllegalArgumentException("fo-listen-queue must be 0..65535, not " + queue);
            }
            this.foListenQueue = queue;
            return this;
        }

        public VhostSettings build() {
            return new VhostSettings(this);
        }
    }
}
