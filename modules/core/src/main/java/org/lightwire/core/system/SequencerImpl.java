package org.lightwire.core.system;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import org.lightwire.api.Connection;
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.Sequencer;
import org.lightwire.api.SequencerEvent;
import org.lightwire.api.SequencerEvent.Kind;
import org.lightwire.api.SequencerHandler;
import org.lightwire.api.ServiceLoop;
import org.lightwire.api.Timer;
import org.lightwire.core.loop.Fatal;

/**
 * A sequencer: an ordered event queue drained one event per loop pass by its loop's
 * {@link Sequencers}, plus a second-resolution timeout that only queues an event.
 */
public final class SequencerImpl implements Sequencer {

    private static final System.Logger LOG = System.getLogger("org.lightwire.core");

    private final String name;
    private final ServiceLoop loop;
    private final RetryPolicy retryPolicy;
    private final SequencerHandler handler;
    private final Sequencers owner;
    private final ArrayDeque<SequencerEvent> queue = new ArrayDeque<>();
    private final Timer timeout;
    private volatile boolean destroyed;

    SequencerImpl(String name, ServiceLoop loop, RetryPolicy retryPolicy, SequencerHandler handler, Sequencers owner) {
        this.name = name;
        this.loop = loop;
        this.retryPolicy = retryPolicy;
        this.handler = handler;
        this.owner = owner;
        this.timeout = loop.scheduler().newTimer(() -> enqueue(new SequencerEvent(Kind.TIMED_OUT, 0, null)));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ServiceLoop loop() {
        return loop;
    }

    @Override
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    @Override
    public void queue(int code, Object data) {
        SequencerEvent event = new SequencerEvent(Kind.USER, code, data);
        if (loop.inLoop()) {
            enqueue(event);
        } else {
            loop.execute(() -> enqueue(event));
        }
    }

    /** Queues a lifecycle event of a connection this sequencer created. Loop thread. */
    public void connectionEvent(Kind kind, Connection connection) {
        if (loop.inLoop()) {
            enqueue(new SequencerEvent(kind, 0, connection));
        } else {
            loop.execute(() -> enqueue(new SequencerEvent(kind, 0, connection)));
        }
    }

    void enqueue(SequencerEvent event) {
        if (destroyed) {
            return;
        }
        boolean wasIdle = queue.isEmpty();
        queue.add(event);
        if (wasIdle) {
            owner.markPending(this);
        }
    }

    @Override
    public void setTimeout(int seconds) {
        requireLoop("setTimeout");
        if (seconds <= 0) {
            timeout.cancel();
        } else {
            timeout.schedule(seconds * 1_000_000L);
        }
    }

    @Override
    public boolean checkConnection(Connection connection) {
        requireLoop("checkConnection");
        for (SequencerEvent e : queue) {
            if (e.kind() == Kind.CONNECTION_CLOSED && e.data() == connection) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void destroy() {
        requireLoop("destroy");
        if (destroyed) {
            return;
        }
        destroyed = true;
        queue.clear();
        timeout.cancel();
        owner.forget(this);
        call(new SequencerEvent(Kind.DESTROYED, 0, null));
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    /** Delivers the oldest queued event; true if more remain. Loop thread. */
    boolean deliverOne() {
        SequencerEvent event = queue.poll();
        if (event == null || destroyed) {
            return false;
        }
        if (call(event) == SequencerHandler.Result.DESTROY) {
            destroy();
            return false;
        }
        return !queue.isEmpty();
    }

    private SequencerHandler.Result call(SequencerEvent event) {
        try {
            return handler.onEvent(this, event);
        } catch (Throwable e) {
            Fatal.rethrowIfFatal(e);
            LOG.log(Level.ERROR, "sequencer '" + name + "' failed handling " + event.kind() + "; destroying it", e);
            return destroyed ? SequencerHandler.Result.CONTINUE : SequencerHandler.Result.DESTROY;
        }
    }

    private void requireLoop(String what) {
        if (!loop.inLoop()) {
            throw new IllegalStateException("sequencer '" + name + "': " + what + " must be called on its loop thread");
        }
    }

    @Override
    public String toString() {
        return "sequencer '" + name + "'";
    }
}
