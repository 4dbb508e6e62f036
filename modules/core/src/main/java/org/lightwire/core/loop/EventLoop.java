package org.lightwire.core.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.lightwire.api.ServiceLoop;

/**
 * One service thread: a selector, a timer queue, a task queue, and the connections that
 * live on it (lws' per-thread service, "pt").
 *
 * <p>Each pass waits in the selector for at most the time to the next timer (forever when
 * there is none), then handles ready channels, due timers, queued tasks, pending writeable
 * events and one event per sequencer. Nothing wakes it but I/O, timers, tasks and explicit
 * wake-ups, so an idle loop sleeps.
 *
 * <p>The loop can also be driven by hand with {@link #runOnce(long)} from a test thread
 * that has called {@link #driveFromCurrentThread()}: the in-memory harness does that.
 */
public final class EventLoop implements ServiceLoop {

    private static final System.Logger LOG = System.getLogger("org.lightwire.core");

    /** Work the loop does once per pass after tasks (writeable events, sequencer events). */
    public interface PassWork {

        /** Whether there is work, so the loop must not sleep. */
        boolean hasWork();

        /** Does one round of the work. */
        void run();
    }

    private static final int MAX_TASKS_PER_PASS = 4096;
    private static final int MAX_DATAGRAM = 65_535;

    private final int index;
    private final String name;
    private final Selector selector;
    private final TimerQueue timers;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final ArrayDeque<Runnable> writeable = new ArrayDeque<>();
    private final PassWork[] passWork;
    private final ByteBuffer rxBuffer;
    private final int streamRxLimit;
    private final SplittableRandom random = new SplittableRandom();
    private final BufferPool recordBuffers = new BufferPool(BufferPool.TLS_RECORD_BUFFER);
    private final Consumer<SelectionKey> keyHandler = this::handleKey;
    private final CountDownLatch terminated = new CountDownLatch(1);

    private Resident[] residents = new Resident[64];
    private int residentCount;
    private volatile int connectionCount;
    private volatile int listenerCount;
    private volatile long wakeups;
    private volatile Thread thread;
    private volatile boolean shutdown;

    public EventLoop(int index, String name, int rxBufferSize, TimerQueue.Clock clock, PassWork... passWork) {
        this.index = index;
        this.name = name;
        this.timers = new TimerQueue(clock);
        // datagrams need room for the largest UDP payload whatever the stream limit is
        this.rxBuffer = ByteBuffer.allocateDirect(Math.max(rxBufferSize, MAX_DATAGRAM));
        this.streamRxLimit = rxBufferSize;
        this.passWork = passWork.clone();
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for " + name, e);
        }
    }

    /** Starts the loop's own thread. */
    public void start() {
        Thread t = new Thread(this::run, name);
        t.setDaemon(false);
        thread = t;
        t.start();
    }

    /** Makes the calling thread the loop thread, for driving the loop by hand. */
    public void driveFromCurrentThread() {
        thread = Thread.currentThread();
    }

    @Override
    public int index() {
        return index;
    }

    public String name() {
        return name;
    }

    @Override
    public TimerQueue scheduler() {
        return timers;
    }

    @Override
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    @Override
    public int connectionCount() {
        return connectionCount;
    }

    /**
     * Listen sockets this loop accepts on (lws counts them among the pt's fds): the
     * residents that are not connections. With {@link #connectionCount()}, the sockets the
     * loop serves. Any thread; a read may lag the loop by a pass.
     */
    @Override
    public int listenerCount() {
        return listenerCount;
    }

    @Override
    public long wakeups() {
        return wakeups;
    }

    /**
     * The loop's receive buffer, cleared and limited to rx-buffer-size: the most one stream
     * receive event carries. Shared by everything reading on this loop. Loop thread only.
     */
    public ByteBuffer streamRxBuffer() {
        rxBuffer.clear().limit(streamRxLimit);
        return rxBuffer;
    }

    /** The same buffer, cleared to its full size (at least 64 KiB) for one whole datagram. Loop thread only. */
    public ByteBuffer datagramRxBuffer() {
        rxBuffer.clear();
        return rxBuffer;
    }

    /** The loop's pool of TLS record-sized direct buffers. Loop thread only. */
    public BufferPool recordBuffers() {
        return recordBuffers;
    }

    /** The loop's random source (loss simulation, jitter). Loop thread only. */
    public SplittableRandom random() {
        return random;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        wakeup();
    }

    /** Wakes the loop from its selector wait if it is (or is about to be) sleeping. Any thread. */
    public void wakeup() {
        if (!inLoop() && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /**
     * Queues {@code target} for a writeable event in this pass. The caller dedupes.
     * Loop thread only.
     */
    public void queueWriteable(Runnable target) {
        writeable.add(target);
    }

    /** Registers {@code channel} with this loop's selector. Loop thread only. */
    public SelectionKey register(SelectableChannel channel, int ops, Selectable attachment) throws ClosedChannelException {
        SelectionKey old = channel.keyFor(selector);
        if (old != null && !old.isValid()) {
            // re-registering a channel whose key was cancelled in this pass: flush the
            // cancelled key first, or register() throws CancelledKeyException
            try {
                selector.selectNow(ready -> { });
            } catch (java.io.IOException e) {
                throw new IllegalStateException("selector failed", e);
            }
        }
        return channel.register(selector, ops, attachment);
    }

    @Override
    public ChannelWatch watch(SelectableChannel channel, int ops, java.util.function.IntConsumer handler)
            throws java.io.IOException {
        if (!inLoop()) {
            throw new IllegalStateException(name + ": watch() called from thread '" + Thread.currentThread().getName()
                    + "'; only the loop's own thread may call it");
        }
        channel.configureBlocking(false);
        ForeignChannel w = new ForeignChannel(handler);
        w.key = register(channel, ops, w);
        return w;
    }

    /** A channel of someone else's in this loop's selector; interest is one-shot. */
    private static final class ForeignChannel implements Selectable, ChannelWatch {
        private final java.util.function.IntConsumer handler;
        private SelectionKey key;

        ForeignChannel(java.util.function.IntConsumer handler) {
            this.handler = handler;
        }

        @Override
        public void onReady(int readyOps) {
            // one-shot: the handler re-arms once it has done what readiness allowed
            key.interestOps(0);
            handler.accept(readyOps);
        }

        @Override
        public void interest(int ops) {
            if (key.isValid()) {
                key.interestOps(ops);
            }
        }

        @Override
        public void close() {
            key.cancel();
        }
    }

    /** Adds a resident (connection or listener). Loop thread only. */
    public void join(Resident r) {
        if (r.slot >= 0) {
            return;
        }
        if (residentCount == residents.length) {
            residents = Arrays.copyOf(residents, residentCount * 2);
        }
        r.slot = residentCount;
        residents[residentCount++] = r;
        if (r.isConnection()) {
            connectionCount++;
        } else {
            listenerCount++;
        }
    }

    /** Removes a resident. Loop thread only. */
    public void leave(Resident r) {
        int i = r.slot;
        if (i < 0) {
            return;
        }
        Resident last = residents[--residentCount];
        residents[i] = last;
        last.slot = i;
        residents[residentCount] = null;
        r.slot = -1;
        if (r.isConnection()) {
            connectionCount--;
        } else {
            listenerCount--;
        }
    }

    /** Calls {@code action} for every resident matching the type. Loop thread only. */
    public <T extends Resident> void forEachResident(Class<T> type, Consumer<T> action) {
        for (Resident r : Arrays.copyOf(residents, residentCount)) {
            if (type.isInstance(r) && r.slot >= 0) {
                action.accept(type.cast(r));
            }
        }
    }

    /** Asks the loop to close everything and stop. Any thread. */
    public void shutdown() {
        shutdown = true;
        if (thread == null) {
            // never started: nothing runs it, so close here
            closeAll();
            terminated.countDown();
            return;
        }
        if (inLoop()) {
            return;
        }
        wakeupPending.set(true);
        selector.wakeup();
    }

    /** Whether the loop's own thread has been started and has not finished. */
    public boolean isRunning() {
        return thread != null && terminated.getCount() > 0 && !shutdown;
    }

    /** Waits for the loop thread to finish. */
    public boolean awaitTermination(long millis) throws InterruptedException {
        return terminated.await(millis, TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            while (!shutdown) {
                runOnce(-1);
            }
        } catch (Throwable t) {
            LOG.log(Level.ERROR, name + ": service loop failed", t);
        } finally {
            closeAll();
            terminated.countDown();
        }
    }

    /** Closes every resident and the selector. Loop thread (or the driving thread). */
    public void closeAll() {
        for (Resident r : Arrays.copyOf(residents, residentCount)) {
            try {
                r.closeForShutdown();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, name + ": error while closing on shutdown", e);
            }
        }
        runTasks();
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, name + ": closing selector", e);
        }
    }

    /**
     * One pass of the loop.
     *
     * @param maxWaitMillis upper bound on the selector wait, -1 for none (0 polls)
     */
    public void runOnce(long maxWaitMillis) {
        long wait = sleepMillis();
        if (maxWaitMillis >= 0 && (wait < 0 || wait > maxWaitMillis)) {
            wait = maxWaitMillis;
        }
        try {
            if (wait == 0) {
                selector.selectNow(keyHandler);
            } else if (wait < 0) {
                selector.select(keyHandler);
            } else {
                selector.select(keyHandler, wait);
            }
        } catch (IOException e) {
            LOG.log(Level.ERROR, name + ": selector failed", e);
        }
        wakeupPending.set(false);
        wakeups++;
        timers.runDue(timers.nowMicros());
        runTasks();
        runWriteable();
        for (PassWork w : passWork) {
            if (w.hasWork()) {
                w.run();
            }
        }
    }

    /** Whether a pass would find work without waiting (tasks, writeable events, due timers). */
    public boolean hasPendingWork() {
        return sleepMillis() == 0;
    }

    private long sleepMillis() {
        if (!tasks.isEmpty() || !writeable.isEmpty() || shutdown) {
            return 0;
        }
        for (PassWork w : passWork) {
            if (w.hasWork()) {
                return 0;
            }
        }
        long next = timers.nextDeadline();
        if (next == Long.MAX_VALUE) {
            return -1;
        }
        long delta = next - timers.nowMicros();
        // round up: waking before the deadline would only spin
        return delta <= 0 ? 0 : (delta + 999) / 1000;
    }

    private void handleKey(SelectionKey key) {
        try {
            ((Selectable) key.attachment()).onReady(key.readyOps());
        } catch (java.nio.channels.CancelledKeyException e) {
            // closed by an earlier handler in this pass
        } catch (Throwable e) {
            Fatal.rethrowIfFatal(e);
            LOG.log(Level.ERROR, name + ": unhandled error in I/O handler", e);
        }
        // answer this connection now rather than after every other ready channel's read
        if (!writeable.isEmpty()) {
            runWriteable();
        }
    }

    private void runTasks() {
        // bounded: a task that keeps queueing tasks cannot starve I/O
        for (int i = 0; i < MAX_TASKS_PER_PASS; i++) {
            Runnable task = tasks.poll();
            if (task == null) {
                break;
            }
            try {
                task.run();
            } catch (Throwable e) {
                Fatal.rethrowIfFatal(e);
                LOG.log(Level.ERROR, name + ": unhandled error in task", e);
            }
        }
    }

    private void runWriteable() {
        int n = writeable.size();
        for (int i = 0; i < n; i++) {
            Runnable target = writeable.poll();
            if (target == null) {
                break;
            }
            target.run();
        }
    }
}
