package org.lightwire.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;

import org.lightwire.api.ContextSettings;
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.TcpKeepalive;
import org.lightwire.config.internal.JsonValue.Member;
import org.lightwire.config.internal.JsonValue.ObjectValue;

/**
 * The {@code "global"} sections of every file, merged in reading order (lwsws' global
 * settings, lws {@code lws_context_creation_info}). A later file's value for a key
 * replaces an earlier one, except {@code plugin-dir}, which adds a directory.
 *
 * <p>Keys, from lwsws: {@code count-threads} (1..64 service loops), {@code plugin-dir}
 * (repeatable, at most {@value #MAX_PLUGIN_DIRS} in all), {@code timeout-secs} (1..86400),
 * {@code ip-limit-wsi} (connections per peer IP, 0: no limit).
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
                default -> {
                    if (!retry.read(f, scalars)) {
                        throw PendingKeys.refuse(f, PendingKeys.GLOBAL);
                    }
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
