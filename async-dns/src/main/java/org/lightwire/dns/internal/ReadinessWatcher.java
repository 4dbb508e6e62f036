package org.lightwire.dns.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.lightwire.api.ServiceLoop;

/**
 * Tells a service loop when the resolver's sockets are ready, so every read, write, parse
 * and cache update happens on the loop thread.
 *
 * <p>The SPI hands a {@link org.lightwire.spi.Resolver} a {@link ServiceLoop}, which offers
 * tasks and timers but no way to put a channel in the loop's own selector. So one daemon
 * thread per resolver waits in a selector of its own; when a socket is ready it clears
 * the socket's interest (so it cannot spin) and posts the socket's pre-allocated handler
 * to that socket's loop, which does the work and re-arms. The thread exists only while a
 * socket is watched — sockets are open only while queries are in flight — so an idle
 * resolver, or one whose bundle was removed, holds no thread.
 */
final class ReadinessWatcher {

    private static final System.Logger LOG = System.getLogger("org.lightwire.dns");

    private final Object lock = new Object();
    private final String threadName;
    private Selector selector;
    private int watches;

    ReadinessWatcher(String threadName) {
        this.threadName = threadName;
    }

    /** Starts watching {@code channel} for {@code ops}; {@code handler} runs on {@code loop} with the ready ops. */
    Watch watch(SelectableChannel channel, int ops, ServiceLoop loop, IntConsumer handler) throws IOException {
        Selector sel;
        synchronized (lock) {
            if (selector == null) {
                selector = Selector.open();
                Selector started = selector;
                Thread t = new Thread(() -> run(started), threadName);
                t.setDaemon(true);
                t.start();
            }
            watches++;
            sel = selector;
        }
        Watch w = new Watch(loop, handler, sel);
        try {
            w.key = channel.register(sel, ops, w);
        } catch (ClosedChannelException | RuntimeException e) {
            w.release();
            throw e;
        }
        sel.wakeup();
        return w;
    }

    /** Whether the watcher thread is running (for tests of its lifecycle). */
    boolean isRunning() {
        synchronized (lock) {
            return selector != null;
        }
    }

    private void run(Selector sel) {
        try {
            while (true) {
                synchronized (lock) {
                    if (watches == 0) {
                        selector = null;
                        sel.close();
                        return;
                    }
                }
                sel.select(this::ready);
            }
        } catch (IOException | ClosedSelectorException e) {
            LOG.log(Level.ERROR, "async DNS readiness watcher stopped: " + e, e);
            synchronized (lock) {
                if (selector == sel) {
                    selector = null;
                }
            }
        }
    }

    private void ready(SelectionKey key) {
        Watch w = (Watch) key.attachment();
        try {
            w.readyOps = key.readyOps();
            key.interestOps(0);
        } catch (CancelledKeyException closedMeanwhile) {
            return;
        }
        w.loop.execute(w);
    }

    /** One watched channel. Re-arm after handling; close when done with the channel. */
    final class Watch implements Runnable {
        private final ServiceLoop loop;
        private final IntConsumer handler;
        private final Selector selector;
        private volatile SelectionKey key;
        private volatile int readyOps;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Watch(ServiceLoop loop, IntConsumer handler, Selector selector) {
            this.loop = loop;
            this.handler = handler;
            this.selector = selector;
        }

        /** On the loop: the channel was ready. */
        @Override
        public void run() {
            if (!closed.get()) {
                handler.accept(readyOps);
            }
        }

        /** Watches for {@code ops} again (interest is cleared each time the channel is reported ready). */
        void rearm(int ops) {
            if (closed.get()) {
                return;
            }
            try {
                key.interestOps(ops);
                selector.wakeup();
            } catch (CancelledKeyException e) {
                throw new UncheckedIOException(new ClosedChannelException());
            }
        }

        /** Stops watching; the caller closes the channel. Idempotent. */
        void close() {
            SelectionKey k = key;
            if (k != null) {
                k.cancel();
            }
            if (release()) {
                selector.wakeup();
            }
        }

        private boolean release() {
            if (!closed.compareAndSet(false, true)) {
                return false;
            }
            synchronized (lock) {
                watches--;
            }
            return true;
        }
    }
}
