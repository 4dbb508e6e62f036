package org.lightwire.core.embedded;

import java.net.SocketAddress;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;
import org.lightwire.api.Connection;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Options;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.VhostSettings;
import org.lightwire.core.CoreContext;
import org.lightwire.core.loop.EventLoop;
import org.lightwire.core.net.VhostImpl;
import org.lightwire.core.net.Wire;
import org.lightwire.core.registry.FixedRegistry;
import org.lightwire.spi.Role;

/**
 * One connection of a real role and protocol over an in-memory transport, on a loop the
 * test thread drives, with a clock the test moves. Every method runs the loop until it has
 * nothing left to do, so after each call the connection has reacted fully.
 *
 * <pre>{@code
 * try (EmbeddedConnection c = EmbeddedConnection.builder(new RawSocketRole(), new EchoProvider()).build()) {
 *     c.writeInbound("hello");
 *     assertEquals("hello", c.readOutboundString());
 * }
 * }</pre>
 */
public final class EmbeddedConnection implements AutoCloseable {

    // set by close(): the harness then only hands out what was already written
    private boolean contextClosed;
    private static final int MAX_PASSES = 10_000;

    private final CoreContext context;
    private final MemoryTransport transport;
    private final Wire wire;
    private final EventLoop loop;
    // the clock and every connection of the context, shared with connections made by accept()
    private final Shared shared;

    /** What the connections of one harness context share. */
    private static final class Shared {
        long now;
        final List<EmbeddedConnection> connections = new ArrayList<>();
    }

    private EmbeddedConnection(Builder b) {
        this.shared = new Shared();
        FixedRegistry registry = new FixedRegistry().add(Role.class, b.role);
        for (ProtocolProvider p : b.providers) {
            registry.add(ProtocolProvider.class, p);
        }
        Shared clock = shared;
        if (b.contextSettings != null) {
            this.context = CoreContext.handDriven(b.contextSettings, registry, () -> clock.now);
            this.transport = new MemoryTransport(b.peer);
            this.wire = vhostNamed(context, b.vhostName).adoptAccepted(transport, b.role.name());
        } else {
            VhostSettings vhost = VhostSettings.builder("embedded").protocol(b.providers.get(0).name(), b.options)
                    .retryPolicy(b.retryPolicy).build();
            ContextSettings settings = ContextSettings.builder().rxBufferSize(b.rxBufferSize).vhost(vhost).build();
            this.context = CoreContext.handDriven(settings, registry, () -> clock.now);
            this.transport = new MemoryTransport();
            this.wire = context.vhostImpls().get(0).adopt(transport, Connection.Kind.SOCKET, b.role.name(),
                    b.providers.get(0).name());
        }
        this.loop = context.eventLoops().get(0);
        shared.connections.add(this);
        runPending();
    }

    /** Another accepted connection in the same context, sharing its loop and clock. */
    private EmbeddedConnection(EmbeddedConnection first, String vhostName, SocketAddress peer, String roleName) {
        this.shared = first.shared;
        this.context = first.context;
        this.loop = first.loop;
        this.transport = new MemoryTransport(peer);
        this.wire = vhostNamed(context, vhostName).adoptAccepted(transport, roleName);
        shared.connections.add(this);
        runPending();
    }

    private static VhostImpl vhostNamed(CoreContext context, String name) {
        if (name == null) {
            return context.vhostImpls().get(0);
        }
        return context.vhostImpls().stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no vhost named '" + name + "' in the harness settings"));
    }

    /** A harness for {@code role} bound to {@code provider}'s protocol. */
    public static Builder builder(Role role, ProtocolProvider provider) {
        return new Builder(role, provider);
    }

    /**
     * A harness for a connection accepted the way HTTP connections are: {@code role} with no
     * protocol bound, on the first vhost of {@code settings} (or {@link Builder#vhost}), with
     * {@code providers} installed. If that vhost listens (settings with a real port), the
     * context binds the listen socket and Host selection sees every vhost sharing it.
     * The receive buffer size, options and retry policy come from {@code settings}.
     */
    public static Builder accepting(Role role, ContextSettings settings, ProtocolProvider... providers) {
        return new Builder(role, settings, List.of(providers));
    }

    /**
     * Another connection accepted in the same context (same vhost as the first unless
     * named, peer {@code embedded-peer}), sharing the loop and the clock; closing the first
     * connection's harness closes the context and so every connection.
     */
    public EmbeddedConnection accept() {
        return new EmbeddedConnection(this, null, MemoryTransport.PEER, wire.roleName());
    }

    /** Another accepted connection on vhost {@code vhostName} from {@code peer}. */
    public EmbeddedConnection accept(String vhostName, SocketAddress peer) {
        return new EmbeddedConnection(this, vhostName, peer, wire.roleName());
    }

    /** The connection under test, as its protocol sees it. */
    public Connection connection() {
        return wire;
    }

    /** The context around it (one loop, one vhost "embedded"). */
    public Context context() {
        return context;
    }

    /** Delivers bytes from the peer and lets the connection react. */
    public EmbeddedConnection writeInbound(byte[] data) {
        transport.feed(data);
        runPending();
        return this;
    }

    public EmbeddedConnection writeInbound(String text) {
        return writeInbound(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The peer closes its side: end of stream. */
    public EmbeddedConnection endInbound() {
        transport.endInput();
        runPending();
        return this;
    }

    /** Everything written to the peer since the last call. */
    public byte[] readOutbound() {
        runPending();
        return transport.drainOutbound();
    }

    public String readOutboundString() {
        return new String(readOutbound(), StandardCharsets.UTF_8);
    }

    /**
     * From now on the "socket" accepts only {@code bytes} more until refilled, so writes
     * become partial. {@link Long#MAX_VALUE} makes it unlimited again.
     */
    public EmbeddedConnection limitOutbound(long bytes) {
        transport.setWriteBudget(bytes);
        return this;
    }

    /** The peer read everything: the socket takes {@code bytes} more and reports writable. */
    public EmbeddedConnection refillOutbound(long bytes) {
        transport.setWriteBudget(bytes);
        runPending();
        return this;
    }

    /** Moves the clock forward and runs the timers that became due. */
    public EmbeddedConnection advanceMicros(long micros) {
        shared.now += micros;
        runPending();
        return this;
    }

    public EmbeddedConnection advanceSeconds(long seconds) {
        return advanceMicros(seconds * 1_000_000L);
    }

    /** Runs {@code task} on the loop thread (which is this thread) and lets the loop settle. */
    public EmbeddedConnection run(Runnable task) {
        task.run();
        runPending();
        return this;
    }

    public boolean isOpen() {
        return wire.isOpen();
    }

    /** Whether the transport was closed by the connection. */
    public boolean transportClosed() {
        return transport.isClosed();
    }

    /** Whether this side half-closed: sent its end of stream while still reading. */
    public boolean outputShut() {
        return transport.isOutputShut();
    }

    /** Whether the connection currently asks to read (false while rx is paused). */
    public boolean readInterest() {
        return transport.readInterest();
    }

    /** Whether the connection is waiting for the socket to take pending output. */
    public boolean writeInterest() {
        return transport.writeInterest();
    }

    /**
     * Runs loop passes, feeding the connection what a level-triggered selector would (input
     * while it wants to read, writability while it waits and the socket has room) until
     * nothing changes.
     */
    public void runPending() {
        if (contextClosed) {
            return; // nothing runs after close; what was written stays readable
        }
        for (int i = 0; i < MAX_PASSES; i++) {
            loop.runOnce(0);
            boolean acted = false;
            for (int k = 0; k < shared.connections.size(); k++) {
                acted |= shared.connections.get(k).feedReadiness();
            }
            if (!acted && !loopBusy()) {
                return;
            }
        }
        throw new IllegalStateException("connection did not settle after " + MAX_PASSES + " loop passes");
    }

    /** What a level-triggered selector would report for this connection; true if it reported anything. */
    private boolean feedReadiness() {
        boolean acted = false;
        if (wire.isOpen() && transport.readInterest() && transport.hasInput()) {
            wire.onReady(SelectionKey.OP_READ);
            acted = true;
        }
        if (wire.isOpen() && transport.writeInterest() && budgetLeft()) {
            wire.onReady(SelectionKey.OP_WRITE);
            acted = true;
        }
        return acted;
    }

    private boolean budgetLeft() {
        return transport.budget() > 0;
    }

    private boolean loopBusy() {
        return loop.hasPendingWork();
    }

    @Override
    public void close() {
        contextClosed = true;
        context.close();
    }

    /** Configures a harness. */
    public static final class Builder {
        private final Role role;
        private final List<ProtocolProvider> providers;
        private final ContextSettings contextSettings;
        private String vhostName;
        private SocketAddress peer = MemoryTransport.PEER;
        private Options options = Options.EMPTY;
        private RetryPolicy retryPolicy = RetryPolicy.builder().secsSinceValidPing(0).secsSinceValidHangup(0).build();
        private int rxBufferSize = 4096;

        private Builder(Role role, ProtocolProvider provider) {
            this.role = role;
            this.providers = List.of(provider);
            this.contextSettings = null;
        }

        private Builder(Role role, ContextSettings settings, List<ProtocolProvider> providers) {
            this.role = role;
            this.providers = providers;
            this.contextSettings = settings;
        }

        /** For {@link #accepting}: the vhost the connection is accepted on (default: the first). */
        public Builder vhost(String name) {
            this.vhostName = name;
            return this;
        }

        /** The connection's remote address (default {@code embedded-peer:1}). */
        public Builder peer(SocketAddress address) {
            this.peer = address;
            return this;
        }

        /** The protocol's per-vhost options (pvo). */
        public Builder options(Options o) {
            this.options = o;
            return this;
        }

        /** The connection's retry and validity policy; validity is off unless set. */
        public Builder retryPolicy(RetryPolicy p) {
            this.retryPolicy = p;
            return this;
        }

        /** The most bytes one receive event carries. Default 4 KiB. */
        public Builder rxBufferSize(int bytes) {
            this.rxBufferSize = bytes;
            return this;
        }

        public EmbeddedConnection build() {
            return new EmbeddedConnection(this);
        }
    }
}
