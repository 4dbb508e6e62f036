package org.lightwire.core;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.lightwire.api.Blobs;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.LightwireException;
import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.Sequencer;
import org.lightwire.api.SequencerHandler;
import org.lightwire.api.ServiceLoop;
import org.lightwire.api.SystemState;
import org.lightwire.api.Vhost;
import org.lightwire.api.VhostSettings;
import org.lightwire.core.loop.EventLoop;
import org.lightwire.core.loop.Fatal;
import org.lightwire.core.loop.TimerQueue;
import org.lightwire.core.net.ResolverSelection;
import org.lightwire.core.net.Listener;
import org.lightwire.core.net.Network;
import org.lightwire.core.net.VhostImpl;
import org.lightwire.core.system.BlobStore;
import org.lightwire.core.system.Sequencers;
import org.lightwire.core.system.SystemStateMachine;
import org.lightwire.spi.Registry;
import org.lightwire.spi.Role;

/**
 * The context: builds loops, vhosts and listeners from settings, keeps roles and protocols
 * in step with the registry, and tears everything down in order.
 */
public final class CoreContext implements org.lightwire.api.Context {

    // the core bundle's own version: its module descriptor on the module path, else its manifest
    private static final String VERSION = "lightwire" + CoreVersion.read().map(v -> " " + v).orElse("");

    private static final System.Logger LOG = System.getLogger("org.lightwire.core");

    private final ContextSettings settings;
    private final Registry registry;
    private final List<EventLoop> loops = new ArrayList<>();
    private final List<Sequencers> sequencers = new ArrayList<>();
    private final List<VhostImpl> vhosts = new ArrayList<>();
    private final List<Listener> listeners = new ArrayList<>();
    private final List<AutoCloseable> watches = new ArrayList<>();
    private final List<ProtocolProvider> providers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final SystemStateMachine systemState;
    private final Attachments attachments;
    private final BlobStore blobs = new BlobStore();
    private final ResolverSelection resolvers;
    private final org.lightwire.core.crypto.CryptoSelection crypto;
    private final Network network;
    private final RoleRetirement retirement;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean closing;

    private final Consumer<org.lightwire.api.Context> onClosed;
    private final boolean handDriven;
    // listen sockets of the context this one succeeds (SIGHUP reload)
    private final List<Listener> inherited = new ArrayList<>();
    private volatile boolean deprecated;
    private org.lightwire.api.Timer drainCheck;
    private static final long DRAIN_CHECK_MICROS = 200_000;

    private CoreContext(ContextSettings settings, Registry registry, TimerQueue.Clock clock, boolean handDriven,
            Consumer<org.lightwire.api.Context> onClosed) {
        this.settings = settings;
        this.registry = registry;
        this.handDriven = handDriven;
        this.onClosed = onClosed;
        for (int i = 0; i < settings.countThreads(); i++) {
            Sequencers seq = new Sequencers();
            EventLoop loop = new EventLoop(i, "lightwire-loop-" + i, settings.rxBufferSize(), clock, seq);
            seq.bind(loop);
            sequencers.add(seq);
            loops.add(loop);
        }
        this.systemState = new SystemStateMachine(loops.get(0));
        this.attachments = new Attachments(loops, systemState);
        this.network = new Network(settings, loops, this::resolver);
        for (VhostSettings vs : settings.vhosts()) {
            vhosts.add(new VhostImpl(network, this, vs, settings.retryPolicy()));
        }
        this.retirement = new RoleRetirement(vhosts);
        this.resolvers = ResolverSelection.follow(settings, registry);
        // last, so nothing after it can fail and leave the watch open; close() closes it
        this.crypto = org.lightwire.core.crypto.CryptoSelection.follow(registry, settings.cryptoBackend());
        watches.add(crypto);
    }

    /** A running context with its own loop threads. */
    static CoreContext start(ContextSettings settings, Registry registry, Consumer<org.lightwire.api.Context> onClosed) {
        return start(settings, registry, onClosed, List.of());
    }

    /**
     * A running context that takes over {@code inherited} listen sockets (handed over by a
     * predecessor) for the vhosts whose listen spec they serve.
     */
    static CoreContext start(ContextSettings settings, Registry registry, Consumer<org.lightwire.api.Context> onClosed,
            List<Listener> inherited) {
        CoreContext c = new CoreContext(settings, registry, TimerQueue.Clock.SYSTEM, false, onClosed);
        c.inherited.addAll(inherited);
        c.start();
        return c;
    }

    /**
     * A context whose loops are driven by hand from the calling thread with
     * {@link EventLoop#runOnce(long)}, on {@code clock}'s time: the in-memory harness.
     */
    public static CoreContext handDriven(ContextSettings settings, Registry registry, TimerQueue.Clock clock) {
        CoreContext c = new CoreContext(settings, registry, clock, true, closed -> { });
        c.start();
        return c;
    }

    /** The loops, as the engine sees them. */
    public List<EventLoop> eventLoops() {
        return List.copyOf(loops);
    }

    /** The vhosts, as the engine sees them. */
    public List<VhostImpl> vhostImpls() {
        return List.copyOf(vhosts);
    }

    // looked up per dial, when the constructor has finished
    private org.lightwire.spi.Resolver resolver() {
        return resolvers.current();
    }

    /** Brings the context up; on failure everything started so far is stopped again. */
    private void start() {
        try {
            watches.add(registry.watch(Role.class, new org.lightwire.spi.Registry.Watcher<>() {
                @Override
                public void added(Role role) {
                    retirement.added(role);
                    network.roleAdded(role);
                }

                @Override
                public void removed(Role role) {
                    // while closing, close() retires the role once the connections are gone
                    if (!closing) {
                        network.roleRemoved(role); // returns once the role's connections are closed
                        retirement.removed(role);
                    }
                }
            }));
            watches.add(registry.watch(ProtocolProvider.class, new org.lightwire.spi.Registry.Watcher<>() {
                @Override
                public void added(ProtocolProvider p) {
                    providers.add(p);
                    for (VhostImpl v : vhosts) {
                        v.protocolAdded(p);
                    }
                }

                @Override
                public void removed(ProtocolProvider p) {
                    providers.remove(p);
                    if (closing) {
                        return;
                    }
                    for (VhostImpl v : vhosts) {
                        v.protocolRemoved(p);
                    }
                    // another installed provider of the same name takes over
                    for (ProtocolProvider other : providers) {
                        if (other.name().equals(p.name())) {
                            vhosts.forEach(v -> v.protocolAdded(other));
                        }
                    }
                }
            }));
            systemState.register(attachments);
            for (SystemState.Notifier n : settings.systemNotifiers()) {
                systemState.register(n);
            }
            for (VhostImpl v : vhosts) {
                v.startTls(crypto::current);
            }
            bindListeners();
            for (EventLoop loop : loops) {
                if (handDriven) {
                    loop.driveFromCurrentThread();
                } else {
                    loop.start();
                }
            }
            startListeners();
            systemState.transitionTo(SystemState.State.OPERATIONAL);
            logStartup();
        } catch (RuntimeException e) {
            // sockets taken over from a predecessor go back to it, open
            for (Listener l : listeners) {
                if (l.isTakenOver()) {
                    l.giveBack();
                }
            }
            close();
            throw e;
        }
    }

    private void bindListeners() {
        List<Listener> shared = new ArrayList<>();
        for (VhostImpl v : vhosts) {
            VhostSettings s = v.settings();
            if (!s.listens()) {
                continue;
            }
            Listener existing = shared.stream().filter(l -> l.serves(s)).findFirst().orElse(null);
            if (existing != null) {
                existing.share(v);
                LOG.log(Level.DEBUG, () -> v + " shares the listen socket of " + existing.owner());
                continue;
            }
            Listener predecessor = inherited.stream().filter(l -> l.serves(s)).findFirst().orElse(null);
            Listener l;
            if (predecessor != null) {
                inherited.remove(predecessor);
                l = Listener.takeOver(network, v, predecessor);
                LOG.log(Level.INFO, () -> v + " takes over the listen socket " + predecessor.address());
            } else {
                l = Listener.bind(network, v);
            }
            listeners.add(l);
            shared.add(l);
        }
    }

    // ---- reload: hand-over and deprecation (lwsws SIGHUP) ----

    /**
     * Stops accepting on the listen sockets that {@code successor} will listen on and gives
     * them up without closing them. Runs on loop 0; the sockets' backlogs keep queueing.
     */
    List<Listener> handOverListeners(ContextSettings successor) {
        List<Listener> given = new ArrayList<>();
        onLoopZero(() -> {
            for (Listener l : listeners) {
                if (successor.vhosts().stream().anyMatch(v -> v.listens() && l.serves(v))) {
                    l.handOver();
                    given.add(l);
                }
            }
        });
        return given;
    }

    /** Takes back sockets handed over to a successor that failed to start. */
    void resumeListeners(List<Listener> given) {
        onLoopZero(() -> {
            for (Listener l : given) {
                try {
                    l.resume();
                } catch (java.io.IOException e) {
                    LOG.log(Level.ERROR, "cannot resume listening on " + l.address() + ": " + e.getMessage());
                }
            }
        });
    }

    @Override
    public void deprecate(Runnable whenDrained) {
        if (deprecated || closed.get()) {
            return;
        }
        deprecated = true;
        stopListening();
        LOG.log(Level.INFO, "context deprecated: no longer listening; it closes once its "
                + openConnections() + " open connection(s) have closed");
        EventLoop zero = loops.get(0);
        zero.execute(() -> {
            drainCheck = zero.scheduler().newTimer(() -> checkDrained(whenDrained));
            drainCheck.schedule(DRAIN_CHECK_MICROS);
        });
    }

    @Override
    public boolean isDeprecated() {
        return deprecated;
    }

    private void checkDrained(Runnable whenDrained) {
        if (closed.get()) {
            return;
        }
        if (openConnections() > 0) {
            drainCheck.schedule(DRAIN_CHECK_MICROS);
            return;
        }
        // close() waits for the loops, so it cannot run on one
        Thread t = new Thread(() -> {
            LOG.log(Level.INFO, "deprecated context drained: closing it");
            close();
            whenDrained.run();
        }, "lightwire-drained");
        t.setDaemon(true);
        t.start();
    }

    private int openConnections() {
        int n = 0;
        for (EventLoop loop : loops) {
            n += loop.connectionCount();
        }
        return n;
    }

    /** Runs {@code work} on loop 0 and waits for it (or runs it here if that is loop 0 or loops are hand-driven). */
    private void onLoopZero(Runnable work) {
        EventLoop zero = loops.get(0);
        if (handDriven || zero.inLoop() || !zero.isRunning()) {
            work.run();
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        zero.execute(() -> {
            try {
                work.run();
            } finally {
                done.countDown();
            }
        });
        try {
            if (!done.await(10, TimeUnit.SECONDS)) {
                throw new LightwireException("service loop 0 did not answer within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LightwireException("interrupted while waiting for service loop 0", e);
        }
    }

    private void startListeners() {
        if (handDriven) {
            for (Listener l : listeners) {
                try {
                    l.start(loops.get(0));
                } catch (java.io.IOException e) {
                    throw new LightwireException("cannot start listening: " + e.getMessage(), e);
                }
            }
            return;
        }
        CountDownLatch started = new CountDownLatch(1);
        RuntimeException[] failure = new RuntimeException[1];
        loops.get(0).execute(() -> {
            try {
                for (Listener l : listeners) {
                    l.start(loops.get(0));
                }
            } catch (Exception e) {
                failure[0] = new LightwireException("cannot start listening: " + e.getMessage(), e);
            } finally {
                started.countDown();
            }
        });
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new LightwireException("service loop 0 did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LightwireException("interrupted while starting", e);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private void logStartup() {
        LOG.log(Level.INFO, "context up: " + loops.size() + " service loop(s), " + vhosts.size() + " vhost(s)");
        for (Listener l : listeners) {
            VhostSettings s = l.owner().settings();
            String mode = s.applyListenAccept()
                    ? "role " + s.listenAcceptRole().orElse("raw-skt") + ", protocol "
                            + s.listenAcceptProtocol().orElse("(marked raw)")
                    : "http";
            if (l.owner().tls() != null && l.owner().tls().settings().servesTls()) {
                mode += ", TLS";
            }
            LOG.log(Level.INFO, "vhost '" + s.name() + "' listening on " + l.address() + " (" + mode + ")");
        }
    }

    // ---- Context ----

    @Override
    public ContextSettings settings() {
        return settings;
    }

    @Override
    public List<ServiceLoop> loops() {
        return List.copyOf(loops);
    }

    @Override
    public List<Vhost> vhosts() {
        return List.copyOf(vhosts);
    }

    @Override
    public Optional<Vhost> vhost(String name) {
        return vhosts.stream().filter(v -> v.name().equals(name)).map(v -> (Vhost) v).findFirst();
    }

    @Override
    public SystemState systemState() {
        return systemState;
    }

    @Override
    public Blobs blobs() {
        return blobs;
    }

    @Override
    public RetryPolicy retryPolicy() {
        return settings.retryPolicy();
    }

    @Override
    public org.lightwire.api.crypto.CryptoBackend crypto() {
        return crypto.current();
    }

    @Override
    public void cancelService() {
        for (EventLoop loop : loops) {
            loop.execute(() -> {
                for (VhostImpl v : vhosts) {
                    for (Protocol p : v.protocolInstances()) {
                        try {
                            p.waitCancelled(loop);
                        } catch (Throwable e) {
                            Fatal.rethrowIfFatal(e);
                            LOG.log(Level.ERROR, v + ": wait-cancelled event failed", e);
                        }
                    }
                }
            });
        }
    }

    @Override
    public void attach(int loopIndex, SystemState.State state, Consumer<ServiceLoop> callback) {
        attachments.add(loop(loopIndex), state, callback);
    }

    @Override
    public Sequencer createSequencer(String name, int loopIndex, RetryPolicy retryPolicy, SequencerHandler handler) {
        EventLoop loop = loop(loopIndex);
        Sequencers owner = sequencers.get(loopIndex);
        if (loop.inLoop()) {
            return owner.create(name, retryPolicy, handler);
        }
        Sequencer[] created = new Sequencer[1];
        CountDownLatch done = new CountDownLatch(1);
        loop.execute(() -> {
            created[0] = owner.create(name, retryPolicy, handler);
            done.countDown();
        });
        try {
            if (!done.await(10, TimeUnit.SECONDS)) {
                throw new LightwireException("service loop " + loopIndex + " did not answer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LightwireException("interrupted creating sequencer '" + name + "'", e);
        }
        return created[0];
    }

    private EventLoop loop(int index) {
        if (index < 0 || index >= loops.size()) {
            throw new IndexOutOfBoundsException("no service loop " + index + " (count-threads is " + loops.size() + ")");
        }
        return loops.get(index);
    }

    /**
     * Closes the listen sockets before the loops stop, so no accepted socket is handed to a
     * loop that has already finished.
     */
    private void stopListening() {
        EventLoop acceptLoop = loops.get(0);
        if (handDriven || acceptLoop.inLoop() || !acceptLoop.isRunning()) {
            listeners.forEach(Listener::closeListener);
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        acceptLoop.execute(() -> {
            listeners.forEach(Listener::closeListener);
            done.countDown();
        });
        try {
            if (!done.await(10, TimeUnit.SECONDS)) {
                listeners.forEach(Listener::closeListener);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listeners.forEach(Listener::closeListener);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing = true;
        stopListening();
        for (AutoCloseable w : watches) {
            try {
                w.close();
            } catch (Exception e) {
                LOG.log(Level.DEBUG, "closing registry watch", e);
            }
        }
        for (int i = 0; i < loops.size(); i++) {
            Sequencers s = sequencers.get(i);
            loops.get(i).execute(s::destroyAll);
        }
        boolean onLoop = false;
        for (EventLoop loop : loops) {
            onLoop |= loop.inLoop();
            loop.shutdown();
            if (handDriven) {
                loop.closeAll();
            }
        }
        if (!onLoop && !handDriven) {
            awaitLoops();
        }
        for (VhostImpl v : vhosts) {
            v.destroyProtocols();
        }
        retireRoles(onLoop);
        resolvers.close();
        onClosed.accept(this);
        LOG.log(Level.INFO, "context closed");
    }

    private void awaitLoops() {
        for (EventLoop loop : loops) {
            try {
                if (!loop.awaitTermination(10_000)) {
                    LOG.log(Level.WARNING, loop.name() + " did not stop within 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Tells the roles the vhosts are retired, once the connections are closed: now, unless
     * close() runs on a loop, whose connections close only when the current task returns.
     */
    private void retireRoles(boolean onLoop) {
        if (!onLoop || handDriven) {
            retirement.contextClosed();
            return;
        }
        Thread t = new Thread(() -> {
            awaitLoops();
            retirement.contextClosed();
        }, "lightwire-retire-roles");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public String version() {
        return VERSION;
    }
}
