package org.lightwire.testkit;

import java.nio.channels.SelectableChannel;
import java.util.ArrayDeque;
import java.util.function.IntConsumer;
import org.lightwire.api.ServiceLoop;

/**
 * A service loop (an lws per-thread service context, {@code pt}) driven by the test thread: its
 * tasks run at once on the caller, and its timers fire only when the test advances its
 * {@link FakeScheduler}. Switched to {@linkplain #setForeign foreign}, the test thread counts as
 * another loop's, so tasks handed to this loop queue until {@link #runTasks()}, which is how a test
 * checks that a protocol touches a connection only from the connection's own loop.
 */
public final class FakeLoop implements ServiceLoop {

    private final FakeScheduler scheduler = new FakeScheduler();
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final int index;
    private int connections;
    private int listeners;
    private boolean foreign;

    /** Loop number {@code index} of its context. */
    public FakeLoop(int index) {
        this.index = index;
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public FakeScheduler scheduler() {
        return scheduler;
    }

    @Override
    public void execute(Runnable task) {
        if (foreign) {
            tasks.add(task);
        } else {
            task.run();
        }
    }

    @Override
    public boolean inLoop() {
        return !foreign;
    }

    /** From now on the calling thread is ({@code true}) or is not another loop's thread. */
    public void setForeign(boolean foreign) {
        this.foreign = foreign;
    }

    /** Runs the tasks other loops handed over while foreign; returns how many ran. */
    public int runTasks() {
        int n = 0;
        for (Runnable t; (t = tasks.poll()) != null; n++) {
            t.run();
        }
        return n;
    }

    @Override
    public ChannelWatch watch(SelectableChannel channel, int ops, IntConsumer handler) {
        throw new UnsupportedOperationException("not used by the plugins");
    }

    /** Counts the {@link Peer}s open on this loop, plus whatever {@link #setConnectionCount} set. */
    @Override
    public int connectionCount() {
        return connections;
    }

    /** Pretends {@code count} connections live on this loop (peers opened later add to it). */
    public void setConnectionCount(int count) {
        this.connections = count;
    }

    /** What {@link #setListenerCount} set (0 at first). */
    @Override
    public int listenerCount() {
        return listeners;
    }

    /** Pretends this loop accepts on {@code count} listen sockets. */
    public void setListenerCount(int count) {
        this.listeners = count;
    }

    @Override
    public long wakeups() {
        return 0;
    }

    void connectionOpened() {
        connections++;
    }

    void connectionClosed() {
        connections--;
    }
}
