package org.lightwire.core.net;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import jdk.net.ExtendedSocketOptions;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.TcpKeepalive;
import org.lightwire.core.loop.EventLoop;
import org.lightwire.spi.Resolver;
import org.lightwire.spi.Role;

/**
 * The connection machinery one context shares between its vhosts: the loops and how work
 * is spread over them, the installed roles, peer limits, socket options, connection ids,
 * the default client TLS contexts.
 */
public final class Network {

    private static final System.Logger LOG = Wire.LOG;

    private final ContextSettings settings;
    private final List<EventLoop> loops;
    private final AtomicIntegerArray handoffs;
    private final Map<String, Role> roles = new ConcurrentHashMap<>();
    private final PeerLimits peerLimits;
    private final AtomicLong ids = new AtomicLong();
    private final Supplier<Resolver> resolver;
    private final DefaultClientTls defaultClientTls = new DefaultClientTls();

    public Network(ContextSettings settings, List<EventLoop> loops, Supplier<Resolver> resolver) {
        this.settings = settings;
        this.loops = List.copyOf(loops);
        this.handoffs = new AtomicIntegerArray(loops.size());
        this.peerLimits = new PeerLimits(settings.ipLimitWsi());
        this.resolver = resolver;
    }

    /** Client TLS contexts for vhosts without TLS settings, this context's own. */
    DefaultClientTls defaultClientTls() {
        return defaultClientTls;
    }

    ContextSettings settings() {
        return settings;
    }

    List<EventLoop> loops() {
        return loops;
    }

    PeerLimits peerLimits() {
        return peerLimits;
    }

    Resolver resolver() {
        return resolver.get();
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    /** The loop with the fewest connections, counting ones handed to it but not yet joined. */
    EventLoop leastLoaded() {
        EventLoop best = loops.get(0);
        int bestLoad = Integer.MAX_VALUE;
        for (int i = 0; i < loops.size(); i++) {
            int load = loops.get(i).connectionCount() + handoffs.get(i);
            if (load < bestLoad) {
                best = loops.get(i);
                bestLoad = load;
            }
        }
        return best;
    }

    /** Runs {@code work} on {@code target}, counted as load there until it runs. */
    void handoff(EventLoop target, Runnable work) {
        int i = target.index();
        handoffs.incrementAndGet(i);
        target.execute(() -> {
            handoffs.decrementAndGet(i);
            work.run();
        });
    }

    // ---- roles ----

    /** The installed role of that name, or null. */
    Role role(String name) {
        return roles.get(name);
    }

    public void roleAdded(Role role) {
        Role previous = roles.putIfAbsent(role.name(), role);
        if (previous != null && previous != role) {
            LOG.log(Level.WARNING, "role '" + role.name() + "' is provided twice; keeping the first");
        }
    }

    /** A role went away: its connections close. */
    public void roleRemoved(Role role) {
        if (!roles.remove(role.name(), role)) {
            return;
        }
        LoopTasks.onEveryLoopAndWait(loops, loop -> loop.forEachResident(Wire.class, w -> {
            if (w.role() == role) {
                w.closeNow();
            }
        }));
    }

    /**
     * The ALPN ids the installed roles declare ({@link Role#alpnIds()}),
     * most preferred first by role name order; empty if none declares any.
     */
    List<String> declaredAlpn() {
        List<String> out = new ArrayList<>();
        roles.values().stream().sorted(Comparator.comparing(Role::name)).forEach(r -> {
            for (String id : r.alpnIds()) {
                if (!out.contains(id)) {
                    out.add(id);
                }
            }
        });
        return out;
    }

    /** The installed role declaring ALPN id {@code id}, or null. */
    Role roleForAlpn(String id) {
        for (Role r : roles.values()) {
            if (r.alpnIds().contains(id)) {
                return r;
            }
        }
        return null;
    }

    // ---- sockets ----

    /** Applies the context's socket options to a new TCP socket. */
    void configureTcp(NetworkChannel channel) {
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            TcpKeepalive ka = settings.tcpKeepalive();
            if (ka.enabled()) {
                channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
                channel.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, ka.idleSecs());
                channel.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, ka.intervalSecs());
                channel.setOption(ExtendedSocketOptions.TCP_KEEPCOUNT, ka.probes());
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.DEBUG, () -> "cannot set socket options: " + e);
        }
    }
}
