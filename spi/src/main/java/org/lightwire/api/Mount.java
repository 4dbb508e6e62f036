package org.lightwire.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One mount of a vhost's URL space (lws {@code struct lws_http_mount}; one entry of an
 * lwsws vhost's {@code "mounts"}): requests under {@link #mountpoint()} are served from
 * {@link #origin()}. Immutable; built with {@link #builder(String, String)}.
 *
 * <h2>Matching (as lws)</h2>
 * <ul>
 *   <li>A mount matches a request whose URL path starts with the mountpoint and, right after
 *       it, ends or continues with {@code '/'}; the mountpoint {@code "/"} matches every path.
 *       So {@code "/formtest"} matches {@code /formtest} and {@code /formtest/x} but not
 *       {@code /formtestx}. The query string takes no part in matching.</li>
 *   <li>Of the mounts that match, the one with the longest mountpoint wins.</li>
 *   <li>With {@link #exactMatch()} a mount matches only the path equal to its mountpoint.</li>
 *   <li>A {@link Kind#FILE} mount serves the file at the origin directory plus the rest of the
 *       path past the mountpoint ({@code /file.jpg} under mountpoint {@code "/"} and origin
 *       {@code file:///var/www/site} is {@code /var/www/site/file.jpg}); a request for the
 *       mountpoint itself or a directory is given {@link #defaultDocument()}. Files are
 *       served only if their suffix has a known MIME type or an {@link #extraMimetypes()}
 *       entry ({@code "*"} serves any suffix, without a Content-Type if unknown), so a
 *       path escaping the mount cannot serve e.g. {@code /etc/passwd}.</li>
 *   <li>A {@link Kind#CALLBACK} mount binds the connection to the protocol named by
 *       {@link #target()} for requests under the mountpoint (any method: GET, POST...);
 *       the binding changes when a later request on the connection leaves that area.</li>
 *   <li>{@link Kind#REDIRECT_HTTP} / {@link Kind#REDIRECT_HTTPS} answer every matching
 *       request with a redirect to {@code http(s)://}{@link #target()}.</li>
 *   <li>{@link Kind#PROXY_HTTP} / {@link Kind#PROXY_HTTPS} reverse-proxy to the target: the
 *       part of the URL past the mountpoint is appended to the origin URL.</li>
 *   <li>{@link Kind#CGI} runs the program named by the target with the rest of the path
 *       past the mountpoint.</li>
 *   <li>With {@link #appendPath()} a redirect or proxy appends the request path past the
 *       mountpoint to the target; {@link #noWsUpgrades()} refuses WebSocket upgrades under
 *       the mount.</li>
 *   <li>Without any cache key the content is marked uncacheable ({@code no-store});
 *       {@link #cacheNo()} forces that even when other cache keys are given.</li>
 * </ul>
 */
public final class Mount {

    /** What the origin's scheme says to do with matching requests (lws {@code LWSMPRO_*}). */
    public enum Kind {
        /** {@code file://dir}: serve files below the directory (lws {@code LWSMPRO_FILE}). */
        FILE("file://"),
        /** {@code callback://protocol}: hand requests to a protocol (lws {@code LWSMPRO_CALLBACK}). */
        CALLBACK("callback://"),
        /** {@code >http://} (README spelling {@code ^http://}): redirect (lws {@code LWSMPRO_REDIR_HTTP}). */
        REDIRECT_HTTP(">http://"),
        /** {@code >https://} (README spelling {@code ^https://}): redirect (lws {@code LWSMPRO_REDIR_HTTPS}). */
        REDIRECT_HTTPS(">https://"),
        /** {@code http://}: reverse proxy (lws {@code LWSMPRO_HTTP}). */
        PROXY_HTTP("http://"),
        /** {@code https://}: reverse proxy over TLS (lws {@code LWSMPRO_HTTPS}). */
        PROXY_HTTPS("https://"),
        /** {@code cgi://program}: run a CGI (lws {@code LWSMPRO_CGI}). */
        CGI("cgi://"),
        /** {@code gzip://}: serve from a zip file of gzip members (lws' gzip origin). */
        GZIP("gzip://");

        private final String scheme;

        Kind(String scheme) {
            this.scheme = scheme;
        }

        /** The origin prefix lws writes for this kind, e.g. {@code "file://"}, {@code ">https://"}. */
        public String scheme() {
            return scheme;
        }

        /**
         * The kind an origin names, and the length of its scheme prefix. Both lws'
         * {@code '>'} and README.lwsws.md's {@code '^'} redirect spellings are accepted.
         */
        static Kind of(String origin) {
            String o = origin.startsWith("^") ? ">" + origin.substring(1) : origin;
            for (Kind k : values()) {
                if (o.startsWith(k.scheme)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("origin '" + Header.printable(origin) + "' has no known scheme;"
                    + " use file://, callback://, >http://, >https:// (or ^http://, ^https://), http://, https://,"
                    + " cgi:// or gzip://");
        }
    }

    private final String mountpoint;
    private final String origin;
    private final Kind kind;
    private final String target;
    private final String defaultDocument;
    private final int authMask;
    private final Path basicAuth;
    private final OptionalInt cacheMaxAge;
    private final boolean cacheReuse;
    private final boolean cacheRevalidate;
    private final boolean cacheIntermediaries;
    private final boolean cacheNo;
    private final boolean exactMatch;
    private final boolean appendPath;
    private final boolean noWsUpgrades;
    private final Map<String, String> extraMimetypes;
    private final Map<String, String> interpret;
    private final List<Header> headers;
    private final OptionalInt keepaliveTimeoutSecs;
    private final Options pmo;
    private final OptionalInt cgiTimeoutSecs;
    private final List<Header> cgiEnv;
    private final String cgiChroot;
    private final String cgiChdir;

    private Mount(Builder b) {
        this.mountpoint = b.mountpoint;
        this.origin = b.origin;
        this.kind = b.kind;
        this.target = b.target;
        this.defaultDocument = b.defaultDocument;
        this.authMask = b.authMask;
        this.basicAuth = b.basicAuth;
        this.cacheMaxAge = b.cacheMaxAge;
        this.cacheReuse = b.cacheReuse;
        this.cacheRevalidate = b.cacheRevalidate;
        this.cacheIntermediaries = b.cacheIntermediaries;
        this.cacheNo = b.cacheNo;
        this.exactMatch = b.exactMatch;
        this.appendPath = b.appendPath;
        this.noWsUpgrades = b.noWsUpgrades;
        this.extraMimetypes = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraMimetypes));
        this.interpret = Collections.unmodifiableMap(new LinkedHashMap<>(b.interpret));
        this.headers = List.copyOf(b.headers);
        this.keepaliveTimeoutSecs = b.keepaliveTimeoutSecs;
        this.pmo = b.pmo;
        this.cgiTimeoutSecs = b.cgiTimeoutSecs;
        this.cgiEnv = List.copyOf(b.cgiEnv);
        this.cgiChroot = b.cgiChroot;
        this.cgiChdir = b.cgiChdir;
    }

    /**
     * Starts a mount.
     *
     * @param mountpoint where in the URL space: starts with {@code '/'} (key {@code "mountpoint"})
     * @param origin     what serves it, scheme first (key {@code "origin"})
     * @throws IllegalArgumentException if the mountpoint does not start with {@code '/'}, either
     *         holds CR, LF or NUL, the origin's scheme is unknown or nothing follows it
     */
    public static Builder builder(String mountpoint, String origin) {
        return new Builder(mountpoint, origin);
    }

    /** The URL path prefix this mount serves (key {@code "mountpoint"}), e.g. {@code "/"}. */
    public String mountpoint() {
        return mountpoint;
    }

    /** The origin as written in the config after {@code _lws_ddir_} replacement (key {@code "origin"}). */
    public String origin() {
        return origin;
    }

    /** What the origin's scheme selects. */
    public Kind kind() {
        return kind;
    }

    /**
     * The origin past its scheme: the directory for {@link Kind#FILE}, the protocol name for
     * {@link Kind#CALLBACK}, {@code host[:port][/path]} for redirects and proxies, the
     * program for {@link Kind#CGI}, the file for {@link Kind#GZIP}.
     */
    public String target() {
        return target;
    }

    /** The document served for the mountpoint itself or a directory (key {@code "default"}). */
    public Optional<String> defaultDocument() {
        return Optional.ofNullable(defaultDocument);
    }

    /** Authorization bits a session must hold to access the mount (key {@code "auth-mask"}); 0: none. */
    public int authMask() {
        return authMask;
    }

    /**
     * The credentials file ({@code user:password} per line) protecting the mount with HTTP
     * Basic Auth (key {@code "basic-auth"}). Whether it exists is checked by whoever serves it.
     */
    public Optional<Path> basicAuth() {
        return Optional.ofNullable(basicAuth);
    }

    /** Seconds clients may cache responses (key {@code "cache-max-age"}). */
    public OptionalInt cacheMaxAge() {
        return cacheMaxAge;
    }

    /** Whether clients may reuse a cached response at all (key {@code "cache-reuse"}). */
    public boolean cacheReuse() {
        return cacheReuse;
    }

    /** Whether clients must revalidate a cached response each time (key {@code "cache-revalidate"}). */
    public boolean cacheRevalidate() {
        return cacheRevalidate;
    }

    /** Whether intermediary caches may hold responses (key {@code "cache-intermediaries"}). */
    public boolean cacheIntermediaries() {
        return cacheIntermediaries;
    }

    /** Whether responses are marked uncacheable whatever the other cache keys say (key {@code "cache-no"}). */
    public boolean cacheNo() {
        return cacheNo;
    }

    /** Whether only the path equal to the mountpoint matches (key {@code "exact-match"}). */
    public boolean exactMatch() {
        return exactMatch;
    }

    /** Whether redirects and proxies append the path past the mountpoint to the target (key {@code "append-path"}). */
    public boolean appendPath() {
        return appendPath;
    }

    /** Whether WebSocket upgrades under this mount are refused (key {@code "no-ws-upgrades"}). */
    public boolean noWsUpgrades() {
        return noWsUpgrades;
    }

    /**
     * Extra file suffix to MIME type mappings, in config order (key {@code "extra-mimetypes"}):
     * keys like {@code ".zip"}; the key {@code "*"} with any value serves every suffix.
     */
    public Map<String, String> extraMimetypes() {
        return extraMimetypes;
    }

    /** File suffixes whose files are handed to a protocol to interpret, e.g. {@code ".js"} → protocol name (key {@code "interpret"}). */
    public Map<String, String> interpret() {
        return interpret;
    }

    /** Headers added to every response of this mount, after the vhost's (key {@code "headers"}). */
    public List<Header> headers() {
        return headers;
    }

    /** The idle keep-alive timeout for connections last served by this mount (key {@code "keepalive-timeout"}); empty: the vhost's. */
    public OptionalInt keepaliveTimeoutSecs() {
        return keepaliveTimeoutSecs;
    }

    /** Per-mount options for the protocol serving the mount (key {@code "pmo"}, lws {@code pvo} per mount). */
    public Options pmo() {
        return pmo;
    }

    /** Seconds a CGI may run (key {@code "cgi-timeout"}). */
    public OptionalInt cgiTimeoutSecs() {
        return cgiTimeoutSecs;
    }

    /** Extra environment variables for a CGI (key {@code "cgi-env"}), name and value each. */
    public List<Header> cgiEnv() {
        return cgiEnv;
    }

    /** The directory a CGI is chrooted to (key {@code "cgi-chroot"}). */
    public Optional<String> cgiChroot() {
        return Optional.ofNullable(cgiChroot);
    }

    /** The directory a CGI starts in (key {@code "cgi-chdir"}). */
    public Optional<String> cgiChdir() {
        return Optional.ofNullable(cgiChdir);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mount m
                && mountpoint.equals(m.mountpoint) && origin.equals(m.origin)
                && Objects.equals(defaultDocument, m.defaultDocument) && authMask == m.authMask
                && Objects.equals(basicAuth, m.basicAuth) && cacheMaxAge.equals(m.cacheMaxAge)
                && cacheReuse == m.cacheReuse && cacheRevalidate == m.cacheRevalidate
                && cacheIntermediaries == m.cacheIntermediaries && cacheNo == m.cacheNo
                && exactMatch == m.exactMatch && appendPath == m.appendPath && noWsUpgrades == m.noWsUpgrades
                && extraMimetypes.equals(m.extraMimetypes) && interpret.equals(m.interpret)
                && headers.equals(m.headers) && keepaliveTimeoutSecs.equals(m.keepaliveTimeoutSecs)
                && pmo.equals(m.pmo) && cgiTimeoutSecs.equals(m.cgiTimeoutSecs) && cgiEnv.equals(m.cgiEnv)
                && Objects.equals(cgiChroot, m.cgiChroot) && Objects.equals(cgiChdir, m.cgiChdir);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mountpoint, origin, defaultDocument, authMask, basicAuth, headers, pmo);
    }

    @Override
    public String toString() {
        return "mount " + mountpoint + " -> " + origin;
    }

    /** Builds a mount; each setter checks its value at once, naming the config key. */
    public static final class Builder {
        private final String mountpoint;
        private final String origin;
        private final Kind kind;
        private final String target;
        private String defaultDocument;
        private int authMask;
        private Path basicAuth;
        private OptionalInt cacheMaxAge = OptionalInt.empty();
        private boolean cacheReuse;
        private boolean cacheRevalidate;
        private boolean cacheIntermediaries;
        private boolean cacheNo;
        private boolean exactMatch;
        private boolean appendPath;
        private boolean noWsUpgrades;
        private final Map<String, String> extraMimetypes = new LinkedHashMap<>();
        private final Map<String, String> interpret = new LinkedHashMap<>();
        private final List<Header> headers = new ArrayList<>();
        private OptionalInt keepaliveTimeoutSecs = OptionalInt.empty();
        private Options pmo = Options.EMPTY;
        private OptionalInt cgiTimeoutSecs = OptionalInt.empty();
        private final List<Header> cgiEnv = new ArrayList<>();
        private String cgiChroot;
        private String cgiChdir;

        private Builder(String mountpoint, String origin) {
            Objects.requireNonNull(mountpoint, "mountpoint");
            Objects.requireNonNull(origin, "origin");
            if (!mountpoint.startsWith("/")) {
                throw new IllegalArgumentException("mountpoint '" + Header.printable(mountpoint) + "' must start with '/'");
            }
            requireText("mountpoint", mountpoint);
            requireText("origin", origin);
            this.mountpoint = mountpoint;
            this.origin = origin;
            this.kind = Kind.of(origin);
            this.target = origin.substring(kind.scheme().length());
            if (target.isEmpty()) {
                throw new IllegalArgumentException("origin '" + origin + "' names nothing after " + kind.scheme());
            }
        }

        /** Key {@code "default"}. */
        public Builder defaultDocument(String document) {
            this.defaultDocument = requireText("default", document);
            return this;
        }

        /** Key {@code "auth-mask"}; 0 or more. */
        public Builder authMask(int mask) {
            this.authMask = requireRange("auth-mask", mask, 0, Integer.MAX_VALUE);
            return this;
        }

        /** Key {@code "basic-auth"}. */
        public Builder basicAuth(Path credentialsFile) {
            this.basicAuth = Objects.requireNonNull(credentialsFile, "basic-auth");
            return this;
        }

        /** Key {@code "cache-max-age"}; 0 .. 10 years in seconds. */
        public Builder cacheMaxAge(int secs) {
            this.cacheMaxAge = OptionalInt.of(requireRange("cache-max-age", secs, 0, 315_360_000));
            return this;
        }

        /** Key {@code "cache-reuse"}. */
        public Builder cacheReuse(boolean on) {
            this.cacheReuse = on;
            return this;
        }

        /** Key {@code "cache-revalidate"}. */
        public Builder cacheRevalidate(boolean on) {
            this.cacheRevalidate = on;
            return this;
        }

        /** Key {@code "cache-intermediaries"}. */
        public Builder cacheIntermediaries(boolean on) {
            this.cacheIntermediaries = on;
            return this;
        }

        /** Key {@code "cache-no"}. */
        public Builder cacheNo(boolean on) {
            this.cacheNo = on;
            return this;
        }

        /** Key {@code "exact-match"}. */
        public Builder exactMatch(boolean on) {
            this.exactMatch = on;
            return this;
        }

        /** Key {@code "append-path"}. */
        public Builder appendPath(boolean on) {
            this.appendPath = on;
            return this;
        }

        /** Key {@code "no-ws-upgrades"}. */
        public Builder noWsUpgrades(boolean on) {
            this.noWsUpgrades = on;
            return this;
        }

        /** One {@code "extra-mimetypes"} entry; a later entry for the same suffix replaces the earlier. */
        public Builder extraMimetype(String suffix, String mimeType) {
            requireText("extra-mimetypes", suffix);
            Objects.requireNonNull(mimeType, "extra-mimetypes value");
            if (Header.indexOfControl(mimeType) >= 0) {
                throw new IllegalArgumentException("extra-mimetypes: type for '" + suffix + "' must not contain CR, LF or NUL");
            }
            extraMimetypes.put(suffix, mimeType);
            return this;
        }

        /** One {@code "interpret"} entry: files with {@code suffix} go to {@code protocol}. */
        public Builder interpret(String suffix, String protocol) {
            requireText("interpret", suffix);
            requireText("interpret protocol", protocol);
            interpret.put(suffix, protocol);
            return this;
        }

        /** One {@code "headers"} entry. */
        public Builder header(Header header) {
            headers.add(Objects.requireNonNull(header, "header"));
            return this;
        }

        /** Key {@code "keepalive-timeout"}; 1..86400. */
        public Builder keepaliveTimeoutSecs(int secs) {
            this.keepaliveTimeoutSecs = OptionalInt.of(requireRange("keepalive-timeout", secs, 1, 86_400));
            return this;
        }

        /** Key {@code "pmo"}. */
        public Builder pmo(Options options) {
            this.pmo = Objects.requireNonNull(options, "pmo");
            return this;
        }

        /** Key {@code "cgi-timeout"}; 1..86400. */
        public Builder cgiTimeoutSecs(int secs) {
            this.cgiTimeoutSecs = OptionalInt.of(requireRange("cgi-timeout", secs, 1, 86_400));
            return this;
        }

        /** One {@code "cgi-env"} entry. */
        public Builder cgiEnv(Header variable) {
            cgiEnv.add(Objects.requireNonNull(variable, "cgi-env"));
            return this;
        }

        /** Key {@code "cgi-chroot"}. */
        public Builder cgiChroot(String dir) {
            this.cgiChroot = requireText("cgi-chroot", dir);
            return this;
        }

        /** Key {@code "cgi-chdir"}. */
        public Builder cgiChdir(String dir) {
            this.cgiChdir = requireText("cgi-chdir", dir);
            return this;
        }

        public Mount build() {
            return new Mount(this);
        }

        private static String requireText(String key, String value) {
            Objects.requireNonNull(value, key);
            if (value.isEmpty()) {
                throw new IllegalArgumentException(key + " must not be empty");
            }
            if (Header.indexOfControl(value) >= 0) {
                throw new IllegalArgumentException(key + " '" + Header.printable(value) + "' must not contain CR, LF or NUL");
            }
            return value;
        }

        private static int requireRange(String key, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(key + " must be " + min + ".." + max + ", not " + value);
            }
            return value;
        }
    }
}
