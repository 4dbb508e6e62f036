package org.lightwire.http;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Access logs shared by file: every holder of a {@link Lease} on the same path writes
 * through one {@link AccessLog} (one file handle, one writer thread), whichever vhost or
 * context it belongs to, so a reloaded config naming the same file keeps one handle and
 * loses no line. A file is open exactly while a lease on it is held: the last
 * {@link Lease#release()} shuts its log down (queued lines are still written), so once the
 * vhosts that held leases are retired (context closed, replaced by a reload, role removed)
 * no descriptor or thread is left. Thread-safe.
 */
public final class AccessLogs {

    private static final System.Logger LOG = System.getLogger(AccessLogs.class.getName());

    private static final class Shared {
        final AccessLog log;
        int leases;

        Shared(AccessLog log) {
            this.log = log;
        }
    }

    /** How long a file that could not be opened is left alone before the next try. */
    static final long RETRY_NANOS = 10_000_000_000L;

    private final Map<Path, Shared> open = new HashMap<>(); // guarded by this
    // files that could not be opened, with when: tried again only after RETRY_NANOS (opening is
    // I/O on an event loop), and the failure is logged once per streak, not per request
    private final Map<Path, Long> failedAt = new HashMap<>(); // guarded by this
    private final LongSupplier nanoClock;

    public AccessLogs() {
        this(System::nanoTime);
    }

    AccessLogs(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * A lease on the log of {@code file}, opening it (for appending, created if missing) when
     * nobody holds one, with at most {@code queueLines} lines waiting for the disk (the
     * holder's {@code http-access-log-queue-lines}). A file already open keeps the queue it
     * was opened with: its writer is shared, so a reload changing the value applies once
     * the file's last lease is released. Null if it cannot be opened: that is logged once
     * per file, and calls within the next 10 s do not try again (opening is I/O on a loop).
     * @throws IllegalArgumentException if {@code queueLines} is below 1
     */
    public Lease lease(Path file, int queueLines) {
        if (queueLines < 1) {
            throw new IllegalArgumentException("access log queue must hold at least one line, not " + queueLines);
        }
        Path key = file.toAbsolutePath().normalize();
        synchronized (this) {
            Shared shared = open.get(key);
            if (shared == null) {
                Long failed = failedAt.get(key);
                long now = nanoClock.getAsLong();
                if (failed != null && now - failed < RETRY_NANOS) {
                    return null;
                }
                try {
                    shared = new Shared(AccessLog.open(key, queueLines));
                } catch (IOException | RuntimeException e) {
                    if (failedAt.put(key, now) == null) {
                        LOG.log(System.Logger.Level.ERROR, "access-log '" + key + "' cannot be opened, not logging to it"
                                + " (tried again every " + RETRY_NANOS / 1_000_000_000L + " s): " + e.getMessage());
                    }
                    return null;
                }
                failedAt.remove(key);
                open.put(key, shared);
            }
            shared.leases++;
            return new Lease(key, shared);
        }
    }

    /** How many files are open now. */
    public synchronized int openFiles() {
        return open.size();
    }

    private synchronized void release(Path key, Shared shared) {
        if (--shared.leases == 0) {
            open.remove(key);
            shared.log.shutdown();
        }
    }

    /** One holder's use of a shared log (a vhost's, used by all its connections). Thread-safe. */
    public final class Lease {
        private final Path file;
        private final Shared shared;
        private final AtomicBoolean released = new AtomicBoolean();

        private Lease(Path file, Shared shared) {
            this.file = file;
            this.shared = shared;
        }

        /** The file, absolute and normalized. */
        public Path file() {
            return file;
        }

        /** Queues a line as {@link AccessLog#log} does; never throws. Ignored after {@link #release()}. */
        public void log(String peer, String user, long epochMillis, String requestLine, int status, long bytes,
                        String referer, String userAgent) {
            if (!released.get()) {
                shared.log.log(peer, user, epochMillis, requestLine, status, bytes, referer, userAgent);
            }
        }

        /** Gives the lease back; the last one shuts the log down. Idempotent. */
        public void release() {
            if (released.compareAndSet(false, true)) {
                AccessLogs.this.release(file, shared);
            }
        }
    }
}
