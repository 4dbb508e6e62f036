package org.lightwire.core.net;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.lightwire.api.ClientRequest;
import org.lightwire.api.Connection;
import org.lightwire.api.Context;
import org.lightwire.api.LightwireException;
import org.lightwire.api.Options;
import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.ProtocolSelection;
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.UdpRequest;
import org.lightwire.api.Vhost;
import org.lightwire.api.VhostStats;
import org.lightwire.api.VhostSettings;
import org.lightwire.core.loop.EventLoop;
import org.lightwire.core.loop.Fatal;
import org.lightwire.core.system.SequencerImpl;
import org.lightwire.spi.Role;

/**
 * A vhost: its protocol slots, its listeners, and how it turns sockets, files and client
 * requests into {@link Wire}s.
 *
 * <p>A vhost that lists protocols enables just those, with their options; one that lists
 * none has every installed protocol available with no options, as lws vhosts get every
 * plugin by default.
 */
public final class VhostImpl implements Vhost {

    /** The role accepted connections get on a vhost that does not apply listen-accept. */
    static final String DEFAULT_ACCEPT_ROLE = "h1";

    private static final System.Logger LOG = Wire.LOG;

    private final Network network;
    private final Context context;
    private final VhostSettings settings;
    private final RetryPolicy retryPolicy;
    private final boolean allProtocols;
    private final Map<String, ProtocolSlot> slots = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    // null without TLS keys
    private volatile org.lightwire.core.tls.VhostTls tls;
    // lws conn_stats, one slice per service loop (indexed by EventLoop.index()): each loop
    // writes only its own, stats() sums them
    private final VhostCounters[] counters;

    public VhostImpl(Network network, Context context, VhostSettings settings, RetryPolicy contextPolicy) {
        this.network = network;
        this.context = context;
        this.settings = settings;
        this.retryPolicy = settings.retryPolicy().orElse(contextPolicy);
        this.allProtocols = settings.protocols().isEmpty();
        this.counters = new VhostCounters[network.loops().size()];
        for (int i = 0; i < counters.length; i++) {
            counters[i] = new VhostCounters();
        }
        for (ProtocolSelection p : settings.protocols()) {
            slots.put(p.name(), new ProtocolSlot(p));
        }
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public Context context() {
        return context;
    }

    /** This vhost's counters on {@code loop}; only that loop's thread may add to them. */
    VhostCounters counters(EventLoop loop) {
        return counters[loop.index()];
    }

    @Override
    public VhostStats stats() {
        long rx = 0, tx = 0, accepted = 0, transactions = 0, upgrades = 0, rejected = 0;
        for (VhostCounters c : counters) {
            rx += c.rx();
            tx += c.tx();
            accepted += c.accepted();
            transactions += c.transactions();
            upgrades += c.upgrades();
            rejected += c.rejected();
        }
        return new VhostStats(rx, tx, accepted, transactions, upgrades, rejected);
    }

    /** The connection machinery of this vhost's context. */
    Network network() {
        return network;
    }

    @Override
    public VhostSettings settings() {
        return settings;
    }

    @Override
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    @Override
    public List<SocketAddress> listenAddresses() {
        List<SocketAddress> out = new ArrayList<>();
        for (Listener l : listeners) {
            out.add(l.address());
        }
        return List.copyOf(out);
    }

    /**
     * Sets up the vhost's TLS contexts if it has TLS keys (before its listener binds).
     *
     * @throws LightwireException naming the vhost and key when the TLS settings or files are unusable
     */
    public void startTls(java.util.function.Supplier<org.lightwire.api.crypto.CryptoBackend> crypto) {
        if (settings.tls().isEmpty()) {
            return;
        }
        tls = new org.lightwire.core.tls.VhostTls(name(), settings.tls().get(), crypto, this::roleAlpn);
    }

    /** The ALPN ids to offer without an {@code alpn} key: the roles' own; h1's http/1.1 for HTTP vhosts. */
    private List<String> roleAlpn() {
        if (settings.applyListenAccept()) {
            Role r = network.role(settings.listenAcceptRole().orElse("raw-skt"));
            return r == null ? List.of() : r.alpnIds();
        }
        Optional<String> contextDefault = context.settings().defaultAlpn();
        if (contextDefault.isPresent()) {
            // global default-alpn: the context's list for vhosts without their own alpn key
            return Arrays.stream(contextDefault.get().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        List<String> declared = network.declaredAlpn();
        return declared.isEmpty() ? List.of("http/1.1") : declared;
    }

    /** The vhost's TLS contexts; null if it has no TLS keys. */
    public org.lightwire.core.tls.VhostTls tls() {
        return tls;
    }

    /** Whether the vhost's listen socket speaks TLS (a certificate and key are configured). */
    boolean servesTls() {
        return tls != null && tls.settings().servesTls();
    }

    /** The installed role declaring ALPN id {@code id}, or null. */
    Role roleForAlpn(String id) {
        return network.roleForAlpn(id);
    }

    /**
     * The listen-accept role and protocol for a connection that falls back from TLS
     * (lws {@code fallback-listen-accept}); null with a log line when either is missing.
     */
    Fallback fallbackBinding(String peer) {
        String roleName = settings.listenAcceptRole().orElse("raw-skt");
        Role role = network.role(roleName);
        ProtocolSlot slot = acceptSlot();
        ProtocolSlot.Binding binding = slot == null ? null : slot.current();
        if (role == null || binding == null) {
            LOG.log(Level.INFO, () -> "vhost '" + name() + "': non-TLS connection from " + peer
                    + " cannot fall back: " + (role == null ? "role '" + roleName + "' is not installed"
                    : "no listen-accept-protocol installed"));
            return null;
        }
        return new Fallback(role, binding);
    }

    /** Where a non-TLS connection on a TLS listener goes with fallback-listen-accept. */
    record Fallback(Role role, ProtocolSlot.Binding binding) {
    }

    void addListener(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public Optional<Protocol> protocol(String name) {
        ProtocolSlot slot = slots.get(name);
        ProtocolSlot.Binding b = slot == null ? null : slot.current();
        return b == null ? Optional.empty() : Optional.of(b.instance());
    }

    /** The current binding of protocol {@code name}, null if not enabled here or not installed. */
    ProtocolSlot.Binding currentBinding(String name) {
        ProtocolSlot slot = slots.get(name);
        return slot == null ? null : slot.current();
    }

    // ---- protocols coming and going ----

    /** A provider appeared: give it an instance here if this vhost enables its protocol. */
    public void protocolAdded(ProtocolProvider provider) {
        String name = provider.name();
        ProtocolSlot slot = allProtocols
                ? slots.computeIfAbsent(name, n -> new ProtocolSlot(new ProtocolSelection(n, Options.EMPTY)))
                : slots.get(name);
        if (slot == null || slot.current() != null) {
            return;
        }
        Protocol instance;
        try {
            instance = provider.create(this, slot.selection().options());
        } catch (Throwable e) {
            Fatal.rethrowIfFatal(e);
            LOG.log(Level.ERROR, "vhost '" + name() + "': protocol '" + name + "' failed to initialize", e);
            return;
        }
        slot.set(new ProtocolSlot.Binding(name, provider, instance));
        LOG.log(Level.INFO, () -> "vhost '" + name() + "': protocol '" + name + "' available");
    }

    /**
     * A provider went away: its connections on this vhost close (their protocol sees the
     * close events), then its instance is destroyed.
     */
    public void protocolRemoved(ProtocolProvider provider) {
        ProtocolSlot slot = slots.get(provider.name());
        ProtocolSlot.Binding old = slot == null ? null : slot.current();
        if (old == null || old.provider() != provider) {
            return;
        }
        slot.set(null);
        LoopTasks.onEveryLoopAndWait(network.loops(), loop -> loop.forEachResident(Wire.class, w -> {
            if (w.protocolBinding() == old) {
                w.closeNow();
            }
        }));
        destroy(old);
        LOG.log(Level.INFO, () -> "vhost '" + name() + "': protocol '" + old.name() + "' removed");
    }

    /** Destroys every protocol instance (context shutdown, after the loops closed their wires). */
    public void destroyProtocols() {
        for (ProtocolSlot slot : slots.values()) {
            ProtocolSlot.Binding b = slot.current();
            if (b != null) {
                slot.set(null);
                destroy(b);
            }
        }
    }

    private void destroy(ProtocolSlot.Binding b) {
        try {
            b.instance().destroy();
        } catch (Throwable e) {
            Fatal.rethrowIfFatal(e);
            LOG.log(Level.ERROR, "vhost '" + name() + "': protocol '" + b.name() + "' failed to destroy", e);
        }
    }

    /** Every current protocol instance (for wait-cancelled broadcasts). */
    public List<Protocol> protocolInstances() {
        List<Protocol> out = new ArrayList<>();
        for (ProtocolSlot slot : slots.values()) {
            ProtocolSlot.Binding b = slot.current();
            if (b != null) {
                out.add(b.instance());
            }
        }
        return out;
    }

    // ---- accepted connections ----

    /** The protocol slot accepted raw connections bind to: listen-accept-protocol, else the one marked raw. */
    private ProtocolSlot acceptSlot() {
        Optional<String> named = settings.listenAcceptProtocol();
        if (named.isPresent()) {
            return slots.get(named.get());
        }
        for (ProtocolSlot s : slots.values()) {
            if (s.selection().isRawDefault()) {
                return s;
            }
        }
        return null;
    }

    /** Takes over a socket accepted for this vhost, on {@code loop}'s thread. */
    void accepted(SocketChannel channel, EventLoop loop, Runnable releasePeer, Listener listener) {
        boolean http = !settings.applyListenAccept();
        String roleName = http ? DEFAULT_ACCEPT_ROLE : settings.listenAcceptRole().orElse("raw-skt");
        Role role = network.role(roleName);
        // HTTP connections bind a protocol per request (callback mounts), none at first
        ProtocolSlot slot = http ? null : acceptSlot();
        ProtocolSlot.Binding binding = slot == null ? null : slot.current();
        String refusal = null;
        if (role == null) {
            refusal = "role '" + roleName + "' is not installed";
        } else if (!http && binding == null) {
            refusal = slot == null ? "no protocol to bind (set listen-accept-protocol or a \"raw\": \"1\" protocol)"
                    : "protocol '" + slot.name() + "' is not installed";
        }
        if (refusal != null) {
            String why = refusal;
            LOG.log(Level.INFO, () -> "vhost '" + name() + "': refusing connection from " + remote(channel) + ": " + why);
            closeQuietly(channel);
            releasePeer.run();
            counters(loop).countRejected();
            return;
        }
        counters(loop).countAccepted();
        Wire w = new Wire(network.nextId(), Connection.Kind.SOCKET, loop, this, false, retryPolicy, null, role, binding);
        w.onClosed(releasePeer);
        w.listener(listener);
        w.bind();
        if (servesTls()) {
            w.openTlsServer(new SocketTransport(channel));
        } else {
            w.open(new SocketTransport(channel));
        }
    }

    private static String remote(SocketChannel channel) {
        try {
            return String.valueOf(channel.getRemoteAddress());
        } catch (IOException e) {
            return "?";
        }
    }

    private static void closeQuietly(java.nio.channels.Channel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    // ---- connections the application creates ----

    private ProtocolSlot.Binding requireProtocol(String protocolName) {
        ProtocolSlot slot = slots.get(protocolName);
        if (slot == null) {
            throw new LightwireException("protocol '" + protocolName + "' is not enabled on vhost '" + name() + "'");
        }
        ProtocolSlot.Binding b = slot.current();
        if (b == null) {
            throw new LightwireException("protocol '" + protocolName + "' is not installed (vhost '" + name() + "')");
        }
        return b;
    }

    /** The installed role of that name, or null. */
    Role findRole(String roleName) {
        return network.role(roleName);
    }

    private Role requireRole(String roleName) {
        Role r = network.role(roleName);
        if (r == null) {
            throw new LightwireException("role '" + roleName + "' is not installed");
        }
        return r;
    }

    @Override
    public Connection connect(ClientRequest request) {
        ProtocolSlot.Binding binding = requireProtocol(request.protocol());
        Role role = requireRole(request.role());
        EventLoop loop = request.sequencer().map(s -> (EventLoop) s.loop()).orElseGet(network::leastLoaded);
        RetryPolicy policy = request.retryPolicy().orElse(retryPolicy);
        Wire w = new Wire(network.nextId(), Connection.Kind.SOCKET, loop, this, true, policy,
                (SequencerImpl) request.sequencer().orElse(null), role, binding);
        w.setUserData(request.userData());
        w.clientRequest(request);
        network.handoff(loop, () -> {
            w.bind();
            new Dialer(network, w, request.host(), request.port(), policy).start();
        });
        return w;
    }

    @Override
    public Connection adoptUdp(UdpRequest request) {
        ProtocolSlot.Binding binding = requireProtocol(request.protocol());
        Role role = requireRole("udp");
        DatagramChannel channel;
        try {
            InetSocketAddress bind = request.bindAddress().orElse(null);
            channel = bind != null && bind.getAddress() instanceof java.net.Inet6Address
                    ? DatagramChannel.open(StandardProtocolFamily.INET6)
                    : DatagramChannel.open(StandardProtocolFamily.INET);
            channel.bind(bind);
        } catch (IOException e) {
            throw new LightwireException("vhost '" + name() + "': cannot bind UDP socket "
                    + request.bindAddress().map(String::valueOf).orElse("(ephemeral)") + ": " + e.getMessage(), e);
        }
        int tx = request.lossSimTxPercent().orElse(network.settings().udpLossSimTxPercent());
        int rx = request.lossSimRxPercent().orElse(network.settings().udpLossSimRxPercent());
        DatagramTransport transport = new DatagramTransport(channel, request.defaultDestination().orElse(null), tx, rx);
        EventLoop loop = network.leastLoaded();
        Wire w = new Wire(network.nextId(), Connection.Kind.DATAGRAM, loop, this, false, retryPolicy, null, role, binding);
        w.setUserData(request.userData());
        network.handoff(loop, () -> {
            w.bind();
            w.open(transport);
        });
        return w;
    }

    @Override
    public Connection adoptFile(Path path, String protocolName) {
        return adoptBridged(path.toString(), () -> FileChannel.open(path, StandardOpenOption.READ), null, protocolName);
    }

    @Override
    public Connection adoptStreams(String label, ReadableByteChannel in, WritableByteChannel out, String protocolName) {
        if (in == null && out == null) {
            throw new IllegalArgumentException("adoptStreams needs at least one channel");
        }
        return adoptBridged(label, in == null ? null : () -> in, out, protocolName);
    }

    private Connection adoptBridged(String label, java.util.concurrent.Callable<ReadableByteChannel> in,
            WritableByteChannel out, String protocolName) {
        BridgedStream transport = new BridgedStream(label, in, out, network.settings().streamBufferSize());
        return adopt(transport, Connection.Kind.FILE, "raw-file", protocolName);
    }

    /**
     * Adopts a stream transport as a connection of {@code kind} on {@code roleName} and
     * {@code protocolName}; it opens on the least-loaded loop (the in-memory harness uses
     * this with its own transport).
     */
    public Wire adopt(StreamTransport transport, Connection.Kind kind, String roleName, String protocolName) {
        ProtocolSlot.Binding binding = requireProtocol(protocolName);
        Role role = requireRole(roleName);
        EventLoop loop = network.leastLoaded();
        Wire w = new Wire(network.nextId(), kind, loop, this, false, retryPolicy, null, role, binding);
        network.handoff(loop, () -> {
            w.bind();
            w.open(transport);
        });
        return w;
    }

    /**
     * Adopts a stream transport as if it had been accepted on this vhost's listen socket:
     * role {@code roleName} with the vhost's accept protocol bound on listen-accept vhosts, or
     * none (an HTTP connection binds per request),
     * Host selection among the vhosts sharing the listener if this vhost listens. The
     * in-memory harness uses it to drive HTTP roles without sockets.
     */
    public Wire adoptAccepted(StreamTransport transport, String roleName) {
        Role role = requireRole(roleName);
        EventLoop loop = network.leastLoaded();
        // as accepted(): a listen-accept vhost binds its accept protocol, an HTTP one none yet
        ProtocolSlot slot = settings.applyListenAccept() ? acceptSlot() : null;
        ProtocolSlot.Binding binding = slot == null ? null : slot.current();
        Wire w = new Wire(network.nextId(), Connection.Kind.SOCKET, loop, this, false, retryPolicy, null, role, binding);
        if (!listeners.isEmpty()) {
            w.listener(listeners.get(0));
        }
        network.handoff(loop, () -> {
            counters(loop).countAccepted();
            w.bind();
            w.open(transport);
        });
        return w;
    }

    @Override
    public void requestWriteableAll(String protocolName) {
        for (EventLoop loop : network.loops()) {
            loop.execute(() -> loop.forEachResident(Wire.class, w -> {
                if (w.vhost() == this && w.protocolName().equals(protocolName)) {
                    w.requestWriteable();
                }
            }));
        }
    }

    @Override
    public String toString() {
        return "vhost '" + name() + "'";
    }
}
