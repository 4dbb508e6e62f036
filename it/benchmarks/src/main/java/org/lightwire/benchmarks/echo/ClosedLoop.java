package org.lightwire.benchmarks.echo;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The closed loop every echo load drives: K connections on one selector and one thread,
 * each with exactly one message in flight; when its echo is back whole and checked, the
 * round trip is recorded and the next message goes out. Round trips that end after the
 * measured time are left out, and a run ends by letting those in flight finish (bounded),
 * so the next run starts on idle connections. Nothing is allocated per message.
 *
 * <p>Subclasses say what a message is: {@link #send} builds one into the connection's
 * {@link Connection#tx()} and calls {@link #sent}; {@link #receive} reads, checks, and calls
 * {@link #echoed} when a whole echo is back, or {@link #fail} when it is wrong.
 *
 * @param <C> the subclass' per-connection state
 */
public abstract class ClosedLoop<C extends ClosedLoop.Connection> implements AutoCloseable {

    private static final long DRAIN_LIMIT_NANOS = Duration.ofSeconds(10).toNanos();

    private final Selector selector;
    private final List<C> connections = new ArrayList<>();
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private LatencyHistogram latencies;
    private long completed;
    private boolean sending;
    private String failure;

    protected ClosedLoop() throws IOException {
        this.selector = Selector.open();
    }

    /** One connection of the loop: its socket and the state of its message in flight. */
    public abstract static class Connection {
        /** Numbers the connection in failures. */
        public final int index;
        /** Connected and non-blocking, set by the subclass before {@link ClosedLoop#add}. */
        public SocketChannel channel;
        // the loop's own state of the message in flight (package-private: reached through C)
        SelectionKey key;
        long sentAt;
        boolean outstanding;

        protected Connection(int index) {
            this.index = index;
        }

        /** The bytes of the message being sent; {@link ClosedLoop} writes what remains of it. */
        protected abstract ByteBuffer tx();

        /** Whether a message was sent whose echo has not come back yet. */
        public final boolean outstanding() {
            return outstanding;
        }
    }

    /**
     * What one run saw.
     *
     * @param echoes    round trips completed in the measured time
     * @param nanos     length of the measured time
     * @param latencies their round-trip times
     * @param cpuNanos  CPU time of the loop thread in the measured time
     * @param failure   what went wrong, or null
     */
    public record Run(long echoes, long nanos, LatencyHistogram latencies, long cpuNanos, String failure) {
    }

    /** Adds {@code c}, whose connected non-blocking {@link Connection#channel} is set, to the loop. */
    protected final void add(C c) throws IOException {
        connections.add(c); // first, so close() closes its channel even if registering fails
        c.key = c.channel.register(selector, SelectionKey.OP_READ, c);
    }

    /** Drives the load for {@code duration}, then lets the round trips in flight finish. */
    protected final Run drive(Duration duration) throws IOException {
        latencies = new LatencyHistogram();
        completed = 0;
        long cpu0 = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        sending = true;
        for (int i = 0; i < connections.size(); i++) {
            send(connections.get(i));
        }
        while (failure == null && System.nanoTime() < end) {
            selector.select(this::onReady, 10);
        }
        long nanos = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        long echoes = completed;
        LatencyHistogram measured = latencies;
        sending = false;
        drain();
        return new Run(echoes, nanos, measured, cpu, failure);
    }

    private void drain() throws IOException {
        long giveUp = System.nanoTime() + DRAIN_LIMIT_NANOS;
        while (failure == null && anyOutstanding() && System.nanoTime() < giveUp) {
            selector.select(this::onReady, 10);
        }
        if (failure == null && anyOutstanding()) {
            failure = "echoes still missing " + DRAIN_LIMIT_NANOS / 1_000_000_000 + " s after the run";
        }
    }

    private boolean anyOutstanding() {
        for (int i = 0; i < connections.size(); i++) {
            if (connections.get(i).outstanding) {
                return true;
            }
        }
        return false;
    }

    private void onReady(SelectionKey key) {
        @SuppressWarnings("unchecked")
        C c = (C) key.attachment();
        try {
            if (key.isWritable()) {
                flush(c);
            }
            if (key.isReadable()) {
                receive(c);
            }
        } catch (IOException e) {
            fail(c, "I/O error: " + e.getMessage());
        }
    }

    /** Puts the next message of {@code c} into its {@link Connection#tx()} and calls {@link #sent}. */
    protected abstract void send(C c) throws IOException;

    /** Reads what {@code c} has; calls {@link #echoed} for a whole, checked echo. */
    protected abstract void receive(C c) throws IOException;

    /** The message in {@code c.tx()} is ready: starts its round trip and writes what the socket takes. */
    protected final void sent(C c) throws IOException {
        c.outstanding = true;
        c.sentAt = System.nanoTime();
        flush(c);
    }

    /**
     * A whole echo of the message in flight came back on {@code c} at {@code now} and matched
     * (the subclass checked it): records the round trip and, while measuring, sends the next.
     */
    protected final void echoed(C c, long now) throws IOException {
        c.outstanding = false;
        if (sending) {
            // a round trip that ends after the measured time is left out of the figures
            latencies.record(now - c.sentAt);
            completed++;
            send(c);
        }
    }

    /** Ends the run: {@code what} went wrong on {@code c}. */
    protected final void fail(C c, String what) {
        failure = "connection " + c.index + ": " + what;
    }

    /** Whether the run has failed (a subclass stops reading then). */
    protected final boolean failed() {
        return failure != null;
    }

    private void flush(C c) throws IOException {
        ByteBuffer tx = c.tx();
        c.channel.write(tx);
        int ops = tx.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
        if (c.key.interestOps() != ops) {
            c.key.interestOps(ops);
        }
    }

    @Override
    public void close() throws IOException {
        for (C c : connections) {
            if (c.channel != null) {
                try {
                    c.channel.close();
                } catch (IOException ignored) {
                    // the benchmark is over for this socket either way
                }
            }
        }
        selector.close();
    }
}
