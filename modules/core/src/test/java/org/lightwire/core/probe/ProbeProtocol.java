package org.lightwire.core.probe;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.lightwire.api.Connection;
import org.lightwire.api.Options;
import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.ServiceLoop;
import org.lightwire.api.Vhost;
import org.lightwire.api.raw.RawProtocol;
import org.lightwire.api.raw.RawSession;

/**
 * A raw protocol that records what happens to it and does what a test scripts: every event
 * of every connection goes to {@link #events()} ("opened", "received:abc", "writeable",
 * "closed", "connectFailed"), connections opening and closing can be awaited, and hooks
 * decide how input is consumed and what the writeable event does. With {@link #echo()} it
 * sends back what it consumed, one write per writeable event.
 */
public final class ProbeProtocol implements ProtocolProvider {

    public static final String NAME = "probe";

    /** Consumes (some of) the input of a receive event. */
    @FunctionalInterface
    public interface ReceiveHook {
        void received(Connection c, ByteBuffer data) throws Exception;
    }

    /** Runs in a connection event. */
    @FunctionalInterface
    public interface ConnectionHook {
        void run(Connection c) throws Exception;
    }

    /** One call of {@link Protocol#waitCancelled}. */
    public record WaitCancelled(String vhost, int loopIndex, boolean onThatLoopsThread) {
    }

    private static final long AWAIT_SECONDS = 10;

    private final String name;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Connection> opened = new LinkedBlockingQueue<>();
    private final BlockingQueue<Connection> closed = new LinkedBlockingQueue<>();
    private final BlockingQueue<Throwable> connectFailures = new LinkedBlockingQueue<>();
    private final List<Instance> instances = new CopyOnWriteArrayList<>();
    private final List<WaitCancelled> waitCancelled = new CopyOnWriteArrayList<>();
    private volatile boolean echo;
    private volatile ReceiveHook onReceived = (c, data) -> data.position(data.limit());
    private volatile ConnectionHook onOpened = c -> { };
    private volatile ConnectionHook onWriteable = c -> { };

    public ProbeProtocol() {
        this(NAME);
    }

    public ProbeProtocol(String name) {
        this.name = name;
    }

    /** Sends back every byte a receive event consumed. */
    public ProbeProtocol echo() {
        this.echo = true;
        return this;
    }

    /** Decides what a receive event consumes (default: everything). */
    public ProbeProtocol onReceived(ReceiveHook hook) {
        this.onReceived = hook;
        return this;
    }

    public ProbeProtocol onOpened(ConnectionHook hook) {
        this.onOpened = hook;
        return this;
    }

    /** What the writeable event does (before the echo's own write, if echoing). */
    public ProbeProtocol onWriteable(ConnectionHook hook) {
        this.onWriteable = hook;
        return this;
    }

    private void record(String event) {
        synchronized (events) {
            events.add(event);
            events.notifyAll();
        }
    }

    /** Waits until {@code event} has been recorded. */
    public void awaitEvent(String event) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(AWAIT_SECONDS);
        synchronized (events) {
            while (!events.contains(event)) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("timed out waiting for '" + event + "'; events: " + events);
                }
                events.wait(left);
            }
        }
    }

    /** Every event of every connection so far, in order. */
    public List<String> events() {
        return List.copyOf(events);
    }

    /** How many times {@code event} was recorded. */
    public long count(String event) {
        return events.stream().filter(event::equals).count();
    }

    /** The next connection to open, waiting for it. */
    public Connection awaitOpened() throws InterruptedException {
        return await(opened, "a connection to open");
    }

    /** The next connection to close, waiting for it. */
    public Connection awaitClosed() throws InterruptedException {
        return await(closed, "a connection to close");
    }

    /** The next connect failure, waiting for it. */
    public Throwable awaitConnectFailed() throws InterruptedException {
        return await(connectFailures, "a connect failure");
    }

    private static <T> T await(BlockingQueue<T> queue, String what) throws InterruptedException {
        T t = queue.poll(AWAIT_SECONDS, TimeUnit.SECONDS);
        if (t == null) {
            throw new AssertionError("timed out waiting for " + what);
        }
        return t;
    }

    /** Connections that closed and have not been awaited yet. */
    public int closedNotAwaited() {
        return closed.size();
    }

    /** The instances created so far, one per vhost (and one more per re-install). */
    public List<Instance> instances() {
        return List.copyOf(instances);
    }

    public List<WaitCancelled> waitCancelledCalls() {
        return List.copyOf(waitCancelled);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Protocol create(Vhost vhost, Options options) {
        Instance i = new Instance(vhost);
        instances.add(i);
        return i;
    }

    /** The protocol on one vhost. */
    public final class Instance implements RawProtocol {
        private final Vhost vhost;
        private final AtomicInteger destroyed = new AtomicInteger();

        Instance(Vhost vhost) {
            this.vhost = vhost;
        }

        public Vhost vhost() {
            return vhost;
        }

        /** How many times {@link #destroy()} was called. */
        public int destroyCount() {
            return destroyed.get();
        }

        @Override
        public RawSession newSession(Connection connection) {
            return new Session();
        }

        @Override
        public void waitCancelled(ServiceLoop loop) {
            waitCancelled.add(new WaitCancelled(vhost.name(), loop.index(), loop.inLoop()));
        }

        @Override
        public void destroy() {
            destroyed.incrementAndGet();
        }
    }

    private final class Session implements RawSession {
        private final ByteArrayOutputStream toEcho = new ByteArrayOutputStream();

        @Override
        public void opened(Connection c) throws Exception {
            record("opened");
            opened.add(c);
            onOpened.run(c);
        }

        @Override
        public void received(Connection c, ByteBuffer data) throws Exception {
            ByteBuffer view = data.duplicate();
            try {
                onReceived.received(c, data);
            } finally {
                view.limit(data.position());
                byte[] consumed = new byte[view.remaining()];
                view.get(consumed);
                record("received:" + describe(consumed));
                if (echo && consumed.length > 0) {
                    toEcho.write(consumed, 0, consumed.length);
                    c.requestWriteable();
                }
            }
        }

        @Override
        public void writeable(Connection c) throws Exception {
            record("writeable");
            onWriteable.run(c);
            if (echo && toEcho.size() > 0) {
                c.write(ByteBuffer.wrap(toEcho.toByteArray()));
                toEcho.reset();
            }
        }

        @Override
        public void closed(Connection c) {
            record("closed");
            closed.add(c);
        }

        @Override
        public void connectFailed(Connection c, Throwable cause) {
            record("connectFailed");
            connectFailures.add(cause);
        }
    }

    private static String describe(byte[] b) {
        return b.length <= 64 ? new String(b, StandardCharsets.UTF_8) : "<" + b.length + " bytes>";
    }
}
