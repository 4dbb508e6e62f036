package org.lightwire.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How to create a context (lws {@code lws_context_creation_info}; lwsws' {@code "global"}
 * section plus its vhosts). Immutable; every limit has a safe default.
 */
public final class ContextSettings {

    private final int countThreads;
    private final int timeoutSecs;
    private final int ipLimitWsi;
    private final TcpKeepalive tcpKeepalive;
    private final RetryPolicy retryPolicy;
    private final int udpLossSimTxPercent;
    private final int udpLossSimRxPercent;
    private final int rxBufferSize;
    private final int streamBufferSize;
    private final List<Path> pluginDirs;
    private final List<VhostSettings> vhosts;
    private final List<SystemState.Notifier> systemNotifiers;
    private final String serverString;
    private final List<RejectServiceKeyword> rejectServiceKeywords;
    private final int ipLimitAh;
    private final OptionalInt rlimitNofile;
    private final Privileges privileges;
    private final String cryptoBackend;
    private final String asyncDnsNameserver;
    private final boolean asyncDnsIpv6;
    private final int asyncDnsTimeoutMs;
    private final int asyncDnsRetries;
    private final int asyncDnsCacheEntries;
    private final int asyncDnsMaxTtlSecs;
    private final int asyncDnsMaxInFlight;
    private final Path asyncDnsResolvConf;
    private final HttpLimits httpLimits;
    private final String defaultAlpn;
    private final boolean initSsl;
    private final int wsPingpongSecs;

    private ContextSettings(Builder b) {
        this.countThreads = b.countThreads;
        this.timeoutSecs = b.timeoutSecs;
        this.ipLimitWsi = b.ipLimitWsi;
        this.tcpKeepalive = b.tcpKeepalive;
        this.retryPolicy = b.retryPolicy;
        this.udpLossSimTxPercent = b.udpLossSimTxPercent;
        this.udpLossSimRxPercent = b.udpLossSimRxPercent;
        this.rxBufferSize = b.rxBufferSize;
        this.streamBufferSize = b.streamBufferSize;
        this.pluginDirs = List.copyOf(b.pluginDirs);
        this.vhosts = List.copyOf(b.vhosts);
        this.systemNotifiers = List.copyOf(b.systemNotifiers);
        this.serverString = b.serverString;
        this.rejectServiceKeywords = List.copyOf(b.rejectServiceKeywords);
        this.ipLimitAh = b.ipLimitAh;
        this.rlimitNofile = b.rlimitNofile;
        this.privileges = b.privileges;
        this.cryptoBackend = b.cryptoBackend;
        this.asyncDnsNameserver = b.asyncDnsNameserver;
        this.asyncDnsIpv6 = b.asyncDnsIpv6;
        this.asyncDnsTimeoutMs = b.asyncDnsTimeoutMs;
        this.asyncDnsRetries = b.asyncDnsRetries;
        this.asyncDnsCacheEntries = b.asyncDnsCacheEntries;
        this.asyncDnsMaxTtlSecs = b.asyncDnsMaxTtlSecs;
        this.asyncDnsMaxInFlight = b.asyncDnsMaxInFlight;
        this.asyncDnsResolvConf = b.asyncDnsResolvConf;
        this.httpLimits = b.httpLimits;
        this.defaultAlpn = b.defaultAlpn;
        this.initSsl = b.initSsl;
        this.wsPingpongSecs = b.wsPingpongSecs;
    }

    private static String requireText(String key, String value, int maxLength) {
        Objects.requireNonNull(value, key);
        if (value.isEmpty() || value.length() > maxLength) {
            throw new IllegalArgumentException(key + " must be 1.." + maxLength + " characters, not " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // Values here end up in HTTP headers or log lines: control characters could split them.
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException(key + " must not contain control characters (character " + (i + 1) + ")");
            }
        }
        return value;
    }

    private static int requireRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be " + min + ".." + max + ", not " + value);
        }
        return value;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Service loops to run (lws {@code count_threads}). Default 1. */
    public int countThreads() {
        return countThreads;
    }

    /** Timeout for network operations such as connecting, in seconds. Default 5, as lws. */
    public int timeoutSecs() {
        return timeoutSecs;
    }

    /** Most connections one peer IP may hold at once, extra ones are dropped; 0: no limit. */
    public int ipLimitWsi() {
        return ipLimitWsi;
    }

    public TcpKeepalive tcpKeepalive() {
        return tcpKeepalive;
    }

    /** The default retry and validity policy. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** Percentage of outgoing datagrams dropped on purpose, for testing (lws {@code udp_loss_sim_tx_pc}). */
    public int udpLossSimTxPercent() {
        return udpLossSimTxPercent;
    }

    /** Percentage of incoming datagrams dropped on purpose, for testing. */
    public int udpLossSimRxPercent() {
        return udpLossSimRxPercent;
    }

    /**
     * Size of each loop's receive buffer: the most one receive event carries. Default 64 KiB:
     * one buffer per loop, and bulk transfers need a quarter of the reads 16 KiB would take.
     */
    public int rxBufferSize() {
        return rxBufferSize;
    }

    /** Bytes buffered per direction for an adopted file or stream. Default 64 KiB. */
    public int streamBufferSize() {
        return streamBufferSize;
    }

    /** Directories the launcher watches for plugin bundles. */
    public List<Path> pluginDirs() {
        return pluginDirs;
    }

    public List<VhostSettings> vhosts() {
        return vhosts;
    }

    /**
     * System state notifiers registered before the context starts stepping toward
     * operational, so they see every state (lws {@code register_notifier_list}).
     */
    public List<SystemState.Notifier> systemNotifiers() {
        return systemNotifiers;
    }

    /** The {@code Server:} header value (key {@code "server-string"}). Default {@code "lightwire"}. */
    public String serverString() {
        return serverString;
    }

    /** User agents answered with a fixed status instead of being served (key {@code "reject-service-keywords"}). */
    public List<RejectServiceKeyword> rejectServiceKeywords() {
        return rejectServiceKeywords;
    }

    /**
     * Most HTTP requests one peer IP may have in header processing at once (key
     * {@code "ip-limit-ah"}, lws' per-IP "allocated header" limit); 0: no limit.
     */
    public int ipLimitAh() {
        return ipLimitAh;
    }

    /**
     * The open-file limit the server needs (key {@code "rlimit-nofile"}). lws raises its own
     * limit; a JVM cannot, so the launcher checks the process already has at least this
     * many (systemd {@code LimitNOFILE=}) and refuses to start otherwise.
     */
    public OptionalInt rlimitNofile() {
        return rlimitNofile;
    }

    /** The user/group the server must run as (keys {@code "username"}, {@code "groupname"}, {@code "uid"}, {@code "gid"}). */
    public Privileges privileges() {
        return privileges;
    }

    /**
     * The crypto backend bundle to use, e.g. {@code "jca"} or {@code "bc"} (key
     * {@code "crypto-backend"}, a Lightwire extension; lws picks its TLS library at build
     * time). Empty: the highest-ranked backend installed.
     */
    public Optional<String> cryptoBackend() {
        return Optional.ofNullable(cryptoBackend);
    }

    /**
     * The nameserver the async-dns bundle asks, "IP" or "IP:PORT" ("[v6]:PORT") (key
     * {@code "async-dns-nameserver"}, a Lightwire extension; lws takes it from
     * /etc/resolv.conf too). Empty: the first nameserver of /etc/resolv.conf.
     */
    public Optional<String> asyncDnsNameserver() {
        return Optional.ofNullable(asyncDnsNameserver);
    }

    /**
     * Whether the async-dns resolver asks for AAAA as well as A records (key
     * {@code "async-dns-ipv6"}; lws: built with {@code LWS_IPV6}). Default true.
     */
    public boolean asyncDnsIpv6() {
        return asyncDnsIpv6;
    }

    /** How long one async-dns query waits for its answer, in ms (key {@code "async-dns-timeout-ms"}, 1..60000). Default 2000. */
    public int asyncDnsTimeoutMs() {
        return asyncDnsTimeoutMs;
    }

    /** How often an unanswered async-dns query is sent again (key {@code "async-dns-retries"}, 0..10). Default 2. */
    public int asyncDnsRetries() {
        return asyncDnsRetries;
    }

    /**
     * How many (name, record type) answers each loop's async-dns cache keeps (key
     * {@code "async-dns-cache-entries"}, 0..1000000, 0: no caching). Default 512.
     */
    public int asyncDnsCacheEntries() {
        return asyncDnsCacheEntries;
    }

    /** The longest an async-dns answer is cached whatever its TTL, in seconds (key {@code "async-dns-max-ttl-secs"}, 0..604800). Default 86400. */
    public int asyncDnsMaxTtlSecs() {
        return asyncDnsMaxTtlSecs;
    }

    /**
     * How many async-dns questions one loop has out at the nameserver at once; more wait
     * their turn (key {@code "async-dns-max-in-flight"}, 1..10000). Default 64.
     */
    public int asyncDnsMaxInFlight() {
        return asyncDnsMaxInFlight;
    }

    /**
     * Where the async-dns resolver finds its nameserver when {@link #asyncDnsNameserver()}
     * is empty (key {@code "async-dns-resolv-conf"}). Default {@code /etc/resolv.conf}.
     */
    public Path asyncDnsResolvConf() {
        return asyncDnsResolvConf;
    }

    /** Limits on HTTP requests (Lightwire extension keys {@code "http-max-*"}, {@code "http-header-timeout-secs"}). */
    public HttpLimits httpLimits() {
        return httpLimits;
    }

    /** The ALPN list vhosts use when they name none, e.g. {@code "h2,http/1.1"} (key {@code "default-alpn"}). */
    public Optional<String> defaultAlpn() {
        return Optional.ofNullable(defaultAlpn);
    }

    /** Whether TLS support is initialised for the context (key {@code "init-ssl"}). */
    public boolean initSsl() {
        return initSsl;
    }

    /** Seconds an established WebSocket may be idle before it is pinged (key {@code "ws-pingpong-secs"}); 0: off. */
    public int wsPingpongSecs() {
        return wsPingpongSecs;
    }

    /** Builds context settings; each setter checks its value at once, naming the config key. */
    public static final class Builder {
        private int countThreads = 1;
        private int timeoutSecs = 5;
        private int ipLimitWsi;
        private TcpKeepalive tcpKeepalive = TcpKeepalive.OFF;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private int udpLossSimTxPercent;
        private int udpLossSimRxPercent;
        private int rxBufferSize = 64 * 1024;
        private int streamBufferSize = 64 * 1024;
        private final List<Path> pluginDirs = new ArrayList<>();
        private final List<VhostSettings> vhosts = new ArrayList<>();
        private final List<SystemState.Notifier> systemNotifiers = new ArrayList<>();
        private String serverString = "lightwire";
        private final List<RejectServiceKeyword> rejectServiceKeywords = new ArrayList<>();
        private int ipLimitAh;
        private OptionalInt rlimitNofile = OptionalInt.empty();
        private Privileges privileges = Privileges.NONE;
        private String cryptoBackend;
        private String asyncDnsNameserver;
        private boolean asyncDnsIpv6 = true;
        private int asyncDnsTimeoutMs = 2000;
        private int asyncDnsRetries = 2;
        private int asyncDnsCacheEntries = 512;
        private int asyncDnsMaxTtlSecs = 86_400;
        private int asyncDnsMaxInFlight = 64;
        private Path asyncDnsResolvConf = Path.of("/etc/resolv.conf");
        private HttpLimits httpLimits = HttpLimits.DEFAULTS;
        private String defaultAlpn;
        private boolean initSsl;
        private int wsPingpongSecs;

        public Builder countThreads(int n) {
            this.countThreads = requireRange("count-threads", n, 1, 64);
            return this;
        }

        public Builder timeoutSecs(int secs) {
            this.timeoutSecs = requireRange("timeout-secs", secs, 1, 86_400);
            return this;
        }

        public Builder ipLimitWsi(int limit) {
            this.ipLimitWsi = requireRange("ip-limit-wsi", limit, 0, Integer.MAX_VALUE);
            return this;
        }

        public Builder tcpKeepalive(TcpKeepalive keepalive) {
            this.tcpKeepalive = Objects.requireNonNull(keepalive, "tcpKeepalive");
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        public Builder udpLossSimTxPercent(int percent) {
            this.udpLossSimTxPercent = requireRange("udp-loss-sim-tx-pc", percent, 0, 100);
            return this;
        }

        public Builder udpLossSimRxPercent(int percent) {
            this.udpLossSimRxPercent = requireRange("udp-loss-sim-rx-pc", percent, 0, 100);
            return this;
        }

        public Builder rxBufferSize(int bytes) {
            this.rxBufferSize = requireRange("rx-buffer-size", bytes, 512, 16 << 20);
            return this;
        }

        public Builder streamBufferSize(int bytes) {
            this.streamBufferSize = requireRange("stream-buffer-size", bytes, 512, 16 << 20);
            return this;
        }

        public Builder pluginDir(Path dir) {
            pluginDirs.add(dir);
            return this;
        }

        public Builder vhost(VhostSettings vhost) {
            vhosts.add(vhost);
            return this;
        }

        public Builder systemNotifier(SystemState.Notifier notifier) {
            systemNotifiers.add(notifier);
            return this;
        }

        public Builder serverString(String server) {
            this.serverString = requireText("server-string", server, 256);
            return this;
        }

        public Builder rejectServiceKeyword(RejectServiceKeyword keyword) {
            rejectServiceKeywords.add(Objects.requireNonNull(keyword, "reject-service-keywords"));
            return this;
        }

        public Builder ipLimitAh(int limit) {
            this.ipLimitAh = requireRange("ip-limit-ah", limit, 0, Integer.MAX_VALUE);
            return this;
        }

        public Builder rlimitNofile(int limit) {
            this.rlimitNofile = OptionalInt.of(requireRange("rlimit-nofile", limit, 1, Integer.MAX_VALUE));
            return this;
        }

        public Builder privileges(Privileges privileges) {
            this.privileges = Objects.requireNonNull(privileges, "privileges");
            return this;
        }

        /** The backend name: letters, digits, '.', '_' or '-'. */
        public Builder cryptoBackend(String backend) {
            requireText("crypto-backend", backend, 64);
            for (int i = 0; i < backend.length(); i++) {
                char c = backend.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')) {
                    throw new IllegalArgumentException("crypto-backend '" + backend
                            + "' must hold only letters, digits, '.', '_' or '-'");
                }
            }
            this.cryptoBackend = backend;
            return this;
        }

        /** An IP literal with an optional port: "192.0.2.1", "192.0.2.1:5353", "[2001:db8::1]:53". */
        public Builder asyncDnsNameserver(String ipAndPort) {
            requireText("async-dns-nameserver", ipAndPort, 64);
            String host = ipAndPort;
            String port = null;
            if (host.startsWith("[")) {
                int end = host.indexOf(']');
                if (end < 0 || end + 1 < host.length() && host.charAt(end + 1) != ':') {
                    throw new IllegalArgumentException("async-dns-nameserver '" + ipAndPort + "' is not [IPv6]:PORT");
                }
                port = end + 1 < host.length() ? host.substring(end + 2) : null;
                host = host.substring(1, end);
            } else if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
                port = host.substring(host.indexOf(':') + 1);
                host = host.substring(0, host.indexOf(':'));
            }
            if (!isIpLiteral(host)) {
                throw new IllegalArgumentException("async-dns-nameserver '" + ipAndPort
                        + "' must be an IP address (a name would itself need resolving)");
            }
            if (port != null && !port.matches("[0-9]{1,5}") || port != null && Integer.parseInt(port) > 65535) {
                throw new IllegalArgumentException("async-dns-nameserver '" + ipAndPort + "' has a bad port");
            }
            this.asyncDnsNameserver = ipAndPort;
            return this;
        }

        public Builder asyncDnsIpv6(boolean enabled) {
            this.asyncDnsIpv6 = enabled;
            return this;
        }

        public Builder asyncDnsTimeoutMs(int millis) {
            this.asyncDnsTimeoutMs = requireRange("async-dns-timeout-ms", millis, 1, 60_000);
            return this;
        }

        public Builder asyncDnsRetries(int retries) {
            this.asyncDnsRetries = requireRange("async-dns-retries", retries, 0, 10);
            return this;
        }

        public Builder asyncDnsCacheEntries(int entries) {
            this.asyncDnsCacheEntries = requireRange("async-dns-cache-entries", entries, 0, 1_000_000);
            return this;
        }

        public Builder asyncDnsMaxTtlSecs(int secs) {
            this.asyncDnsMaxTtlSecs = requireRange("async-dns-max-ttl-secs", secs, 0, 7 * 86_400);
            return this;
        }

        public Builder asyncDnsMaxInFlight(int questions) {
            this.asyncDnsMaxInFlight = requireRange("async-dns-max-in-flight", questions, 1, 10_000);
            return this;
        }

        public Builder asyncDnsResolvConf(Path file) {
            this.asyncDnsResolvConf = Objects.requireNonNull(file, "async-dns-resolv-conf");
            return this;
        }

        private static boolean isIpLiteral(String host) {
            if (host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
                for (String part : host.split("\\.")) {
                    if (Integer.parseInt(part) > 255) {
                        return false;
                    }
                }
                return true;
            }
            return host.indexOf(':') >= 0 && host.matches("[0-9A-Fa-f:.]+");
        }

        public Builder httpLimits(HttpLimits limits) {
            this.httpLimits = Objects.requireNonNull(limits, "httpLimits");
            return this;
        }

        public Builder defaultAlpn(String alpn) {
            this.defaultAlpn = requireText("default-alpn", alpn, 255);
            return this;
        }

        public Builder initSsl(boolean init) {
            this.initSsl = init;
            return this;
        }

        public Builder wsPingpongSecs(int secs) {
            this.wsPingpongSecs = requireRange("ws-pingpong-secs", secs, 0, 86_400);
            return this;
        }

        public ContextSettings build() {
            return new ContextSettings(this);
        }
    }
}
