package org.lightwire.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;

import org.lightwire.api.ContextSettings;
import org.lightwire.api.HttpLimits;
import org.lightwire.api.Privileges;
import org.lightwire.api.RejectServiceKeyword;
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.TcpKeepalive;
import org.lightwire.config.internal.JsonValue;
import org.lightwire.config.internal.JsonValue.ArrayValue;
import org.lightwire.config.internal.JsonValue.Member;
import org.lightwire.config.internal.JsonValue.ObjectValue;

/**
 * The {@code "global"} sections of every file, merged in reading order (lwsws' global
 * settings, lws {@code lws_context_creation_info}). A later file's value for a key
 * replaces an earlier one, except {@code plugin-dir}, which adds a directory.
 *
 * <p>Keys, from lwsws: {@code count-threads} (1..64 service loops), {@code plugin-dir}
 * (repeatable, at most {@value #MAX_PLUGIN_DIRS} in all), {@code timeout-secs} (1..86400),
 * {@code ip-limit-wsi} (connections per peer IP, 0: no limit), {@code ip-limit-ah} (HTTP
 * requests in header processing per peer IP, 0: no limit), {@code server-string},
 * {@code reject-service-keywords} (an array of objects mapping user-agent text to a status,
 * accumulating across files), {@code username}, {@code groupname}, {@code uid},
 * {@code gid} and {@code rlimit-nofile} (a JVM can neither drop privileges nor raise its
 * file limit: the launcher checks at start that the process already runs so).
 * {@code default-alpn} is the comma-separated ALPN list offered by TLS vhosts without an
 * {@code alpn} key; {@code init-ssl} is accepted (TLS is always available);
 * {@code ws-pingpong-secs} (seconds, 0..86400, 0: off) pings idle WebSockets.
 *
 * <p>Lightwire additions, for lws creation-info members lwsws does not expose:
 * <ul>
 *   <li>{@code rx-buffer-size}, {@code stream-buffer-size}: bytes, 512..16 MiB, the
 *       receive buffer of each loop and the per-direction buffer of an adopted stream
 *       (lws {@code pt_serv_buf_size});</li>
 *   <li>{@code ka-time}, {@code ka-interval}, {@code ka-probes}: TCP keepalive idle time,
 *       probe interval (seconds) and probe count (lws {@code ka_time}, {@code ka_interval},
 *       {@code ka_probes}); a {@code ka-time} above 0 needs the other two. The upper bounds
 *       are Linux's, so a value the kernel would refuse fails here, at startup;</li>
 *   <li>{@code udp-loss-sim-tx-pc}, {@code udp-loss-sim-rx-pc}: percent of datagrams
 *       dropped on purpose, for testing (lws {@code udp_loss_sim_tx_pc});</li>
 *   <li>{@code crypto-backend}: the crypto backend bundle to use ({@code "jca"},
 *       {@code "bc"}...); lws picks its TLS library at build time;</li>
 *   <li>{@code async-dns-nameserver}: "IP[:PORT]" the async-dns bundle queries instead
 *       of the first nameserver of {@code async-dns-resolv-conf} (a path, default
 *       /etc/resolv.conf); {@code async-dns-ipv6} (flag: ask for AAAA too),
 *       {@code async-dns-timeout-ms} (1..60000), {@code async-dns-retries} (0..10),
 *       {@code async-dns-cache-entries} (0..1000000), {@code async-dns-max-ttl-secs}
 *       (0..604800), {@code async-dns-max-in-flight} (1..10000): the rest of its settings,
 *       per context, so a reload changes them (lws fixes them at build time);</li>
 *   <li>{@code http-max-request-line}, {@code http-max-header-bytes},
 *       {@code http-max-header-count}, {@code http-max-body-bytes},
 *       {@code http-header-timeout-secs}, {@code http-max-chunk-line},
 *       {@code http-max-trailer-bytes}, {@code http-discard-body-bytes},
 *       {@code http-linger-secs}, {@code http-linger-bytes}, {@code http-max-range-parts},
 *       {@code http-max-zip-directory-bytes}, {@code http-max-credentials-file-bytes},
 *       {@code http-access-log-queue-lines}: the {@link HttpLimits} of every HTTP request,
 *       connection and file read for one (lws fixes these at build time);</li>
 *   <li>the retry and validity keys of {@link RetryKeys}.</li>
 * </ul>
 */
final class GlobalSection {

    /** lwsws' limit on {@code plugin-dir} entries. */
    static final int MAX_PLUGIN_DIRS = 10;

    private final Map<String, Consumer<ContextSettings.Builder>> settings = new LinkedHashMap<>();
    private final List<Path> pluginDirs = new ArrayList<>();
    private final RetryKeys retry = new RetryKeys();
    private final ContextSettings.Builder probe = ContextSettings.builder();
    private KeepaliveValue kaTime;
    private KeepaliveValue kaInterval;
    private KeepaliveValue kaProbes;
    private final List<RejectServiceKeyword> rejectServiceKeywords = new ArrayList<>();
    /** The HTTP limit keys given, in order; each was checked on its own when read. */
    private final Map<String, Consumer<HttpLimits.Builder>> httpLimits = new LinkedHashMap<>();
    private String username;
    private String groupname;
    private OptionalInt uid = OptionalInt.empty();
    private OptionalInt gid = OptionalInt.empty();
    /** Whether any privilege key was given, so that none leaves {@link Privileges#NONE}. */
    private boolean privilegesGiven;

    /** A keepalive key's value, with its field so a missing partner can be blamed on it. */
    private record KeepaliveValue(int value, Field field) {
    }

    /** Reads one file's {@code "global"} object on top of what earlier files set. */
    void read(Section section, ObjectValue global, Scalars scalars) throws ConfigException {
        for (Member member : global.members()) {
            Field f = section.field(member);
            switch (f.key()) {
                case "count-threads" -> set(f, scalars.integer(f), ContextSettings.Builder::countThreads);
                case "timeout-secs" -> set(f, scalars.integer(f), ContextSettings.Builder::timeoutSecs);
                case "ip-limit-wsi" -> set(f, scalars.integer(f), ContextSettings.Builder::ipLimitWsi);
                case "rx-buffer-size" -> set(f, scalars.integer(f), ContextSettings.Builder::rxBufferSize);
                case "stream-buffer-size" -> set(f, scalars.integer(f), ContextSettings.Builder::streamBufferSize);
                case "udp-loss-sim-tx-pc" -> set(f, scalars.integer(f), ContextSettings.Builder::udpLossSimTxPercent);
                case "udp-loss-sim-rx-pc" -> set(f, scalars.integer(f), ContextSettings.Builder::udpLossSimRxPercent);
                case "plugin-dir" -> addPluginDir(f, scalars.nonEmptyText(f));
                case "ka-time" -> kaTime = new KeepaliveValue(scalars.integer(f, 0, 32_767), f);
                case "ka-interval" -> kaInterval = new KeepaliveValue(scalars.integer(f, 1, 32_767), f);
                case "ka-probes" -> kaProbes = new KeepaliveValue(scalars.integer(f, 1, 127), f);
                case "ip-limit-ah" -> set(f, scalars.integer(f), ContextSettings.Builder::ipLimitAh);
                case "rlimit-nofile" -> set(f, scalars.integer(f), ContextSettings.Builder::rlimitNofile);
                case "server-string" -> setText(f, scalars.text(f), ContextSettings.Builder::serverString);
                case "crypto-backend" -> setText(f, scalars.text(f), ContextSettings.Builder::cryptoBackend);
                case "async-dns-nameserver" -> setText(f, scalars.text(f), ContextSettings.Builder::asyncDnsNameserver);
                case "async-dns-ipv6" -> set(f, scalars.flag(f), ContextSettings.Builder::asyncDnsIpv6);
                case "async-dns-timeout-ms" -> set(f, scalars.integer(f), ContextSettings.Builder::asyncDnsTimeoutMs);
                case "async-dns-retries" -> set(f, scalars.integer(f), ContextSettings.Builder::asyncDnsRetries);
                case "async-dns-cache-entries" -> set(f, scalars.integer(f), ContextSettings.Builder::asyncDnsCacheEntries);
                case "async-dns-max-ttl-secs" -> set(f, scalars.integer(f), ContextSettings.Builder::asyncDnsMaxTtlSecs);
                case "async-dns-max-in-flight" -> set(f, scalars.integer(f), ContextSettings.Builder::asyncDnsMaxInFlight);
                case "async-dns-resolv-conf" -> {
                    Path file = path(f, scalars.nonEmptyText(f));
                    settings.put(f.key(), b -> b.asyncDnsResolvConf(file));
                }
                case "reject-service-keywords" -> rejectServiceKeywords(f, scalars);
                case "username" -> username = privilegeName(f, scalars.text(f), false);
                case "groupname" -> groupname = privilegeName(f, scalars.text(f), true);
                case "uid" -> uid = privilegeId(scalars.integer(f, 0, Integer.MAX_VALUE));
                case "gid" -> gid = privilegeId(scalars.integer(f, 0, Integer.MAX_VALUE));
                case "http-max-request-line" -> limit(f, scalars.integer(f), HttpLimits.Builder::maxRequestLine);
                case "http-max-header-bytes" -> limit(f, scalars.integer(f), HttpLimits.Builder::maxHeaderBytes);
                case "http-max-header-count" -> limit(f, scalars.integer(f), HttpLimits.Builder::maxHeaderCount);
                case "http-max-body-bytes" -> {
                    long bytes = scalars.longInteger(f, 0, HttpLimits.MAX_BODY_BYTES);
                    limit(f, b -> b.maxBodyBytes(bytes));
                }
                case "http-header-timeout-secs" -> limit(f, scalars.integer(f), HttpLimits.Builder::headerTimeoutSecs);
                case "http-max-chunk-line" -> limit(f, scalars.integer(f), HttpLimits.Builder::maxChunkLine);
                case "http-max-trailer-bytes" -> limit(f, scalars.integer(f), HttpLimits.Builder::maxTrailerBytes);
                case "http-discard-body-bytes" -> limit(f, scalars.integer(f), HttpLimits.Builder::discardBodyBytes);
                case "http-linger-secs" -> limit(f, scalars.integer(f), HttpLimits.Builder::lingerSecs);
                case "http-linger-bytes" -> limit(f, scalars.integer(f), HttpLimits.Builder::lingerBytes);
                case "http-max-range-parts" -> limit(f, scalars.integer(f), HttpLimits.Builder::maxRangeParts);
                case "http-max-zip-directory-bytes" -> limit(f, scalars.integer(f), HttpLimits.Builder::maxZipDirectoryBytes);
                case "http-max-credentials-file-bytes" -> limit(f, scalars.integer(f), HttpLimits.Builder::maxCredentialsFileBytes);
                case "http-access-log-queue-lines" -> limit(f, scalars.integer(f), HttpLimits.Builder::accessLogQueueLines);
                case "init-ssl" -> set(f, scalars.flag(f), ContextSettings.Builder::initSsl);
                case "default-alpn" -> setText(f, scalars.text(f), ContextSettings.Builder::defaultAlpn);
                case "ws-pingpong-secs" -> set(f, scalars.integer(f), ContextSettings.Builder::wsPingpongSecs);
                default -> {
                    if (!retry.read(f, scalars)) {
                        throw PendingKeys.unknown(f);
                    }
                }
            }
            PendingKeys.requireBuilt(f, PendingKeys.GLOBAL);
        }
    }

    private void setText(Field f, String value, BiConsumer<ContextSettings.Builder, String> setter)
            throws ConfigException {
        try {
            setter.accept(probe, value);
        } catch (IllegalArgumentException e) {
            throw f.error(e.getMessage());
        }
        settings.put(f.key(), b -> setter.accept(b, value));
    }

    private void set(Field f, boolean value, BiConsumer<ContextSettings.Builder, Boolean> setter) {
        settings.put(f.key(), b -> setter.accept(b, value));
    }

    private void limit(Field f, int value, ObjIntConsumer<HttpLimits.Builder> setter) throws ConfigException {
        limit(f, b -> setter.accept(b, value));
    }

    /**
     * Keeps one HTTP limit key. Each limit is checked on its own against the defaults: the
     * limits are independent, so a value valid there is valid with any other valid values,
     * and the one {@code build()} in {@link #applyTo} cannot fail far from this key.
     */
    private void limit(Field f, Consumer<HttpLimits.Builder> change) throws ConfigException {
        HttpLimits.Builder alone = HttpLimits.DEFAULTS.toBuilder();
        change.accept(alone);
        try {
            alone.build();
        } catch (IllegalArgumentException e) {
            throw f.error(e.getMessage());
        }
        httpLimits.put(f.key(), change);
    }

    /** A user or group name, checked by {@link Privileges} so that the error names this key. */
    private String privilegeName(Field f, String name, boolean group) throws ConfigException {
        Optional<String> given = Optional.of(name);
        try {
            new Privileges(group ? Optional.empty() : given, group ? given : Optional.empty(), OptionalInt.empty(),
                    OptionalInt.empty());
        } catch (IllegalArgumentException e) {
            throw f.error(e.getMessage());
        }
        privilegesGiven = true;
        return name;
    }

    private OptionalInt privilegeId(int id) {
        privilegesGiven = true;
        return OptionalInt.of(id);
    }

    /** {@code "reject-service-keywords": [{ "scumbot": "404 Not Found" }, ...]}; adds across files. */
    private void rejectServiceKeywords(Field f, Scalars scalars) throws ConfigException {
        if (!(f.value() instanceof ArrayValue list)) {
            throw f.error("expected an array of objects mapping user-agent text to a status, found "
                    + f.value().kind());
        }
        for (int i = 0; i < list.elements().size(); i++) {
            JsonValue element = list.elements().get(i);
            String key = f.key() + "[" + i + "]";
            if (!(element instanceof ObjectValue pairs)) {
                throw f.section().error(element.at(), key,
                        "expected an object mapping user-agent text to a status, found " + element.kind());
            }
            for (Member pair : pairs.members()) {
                Field each = new Field(f.section(), key + "." + pair.name(), pair.at(), pair.value());
                try {
                    rejectServiceKeywords.add(new RejectServiceKeyword(pair.name(), scalars.text(each)));
                } catch (IllegalArgumentException e) {
                    throw each.error(e.getMessage());
                }
            }
        }
    }

    private void set(Field f, int value, ObjIntConsumer<ContextSettings.Builder> setter) throws ConfigException {
        // ContextSettings owns the ranges and checks them in its setters: try the value on a
        // probe so that the error points at this key, not at the end of loading
        try {
            setter.accept(probe, value);
        } catch (IllegalArgumentException e) {
            throw f.error(e.getMessage());
        }
        settings.put(f.key(), b -> setter.accept(b, value));
    }

    private static Path path(Field f, String text) throws ConfigException {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw f.error("not a usable path: " + e.getReason());
        }
    }

    private void addPluginDir(Field f, String dir) throws ConfigException {
        if (pluginDirs.size() == MAX_PLUGIN_DIRS) {
            throw f.error("more than " + MAX_PLUGIN_DIRS + " plugin directories in all");
        }
        try {
            pluginDirs.add(Path.of(dir));
        } catch (InvalidPathException e) {
            throw f.error("not a usable path: " + e.getReason());
        }
    }

    /** The context's retry and validity policy: lws' defaults with the global keys applied. */
    RetryPolicy retryPolicy() {
        return retry.over(RetryPolicy.DEFAULT);
    }

    /** Sets everything the global sections gave, including the retry policy. */
    void applyTo(ContextSettings.Builder builder) throws ConfigException {
        settings.values().forEach(setting -> setting.accept(builder));
        pluginDirs.forEach(builder::pluginDir);
        builder.tcpKeepalive(keepalive());
        builder.retryPolicy(retryPolicy());
        rejectServiceKeywords.forEach(builder::rejectServiceKeyword);
        HttpLimits.Builder limits = HttpLimits.DEFAULTS.toBuilder();
        httpLimits.values().forEach(change -> change.accept(limits));
        builder.httpLimits(limits.build());
        if (privilegesGiven) {
            builder.privileges(new Privileges(Optional.ofNullable(username), Optional.ofNullable(groupname), uid, gid));
        }
    }

    private TcpKeepalive keepalive() throws ConfigException {
        if (kaTime == null || kaTime.value() == 0) {
            return TcpKeepalive.OFF;
        }
        if (kaInterval == null || kaProbes == null) {
            throw kaTime.field().error("keepalive needs ka-interval and ka-probes as well");
        }
        try {
            return new TcpKeepalive(kaTime.value(), kaInterval.value(), kaProbes.value());
        } catch (IllegalArgumentException e) {
            throw kaTime.field().error(e.getMessage());
        }
    }
}
