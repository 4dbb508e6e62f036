package org.lightwire.role.h1.internal;

import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import org.lightwire.api.Vhost;
import org.lightwire.http.AccessLogs;

/**
 * The access log each vhost writes to: a lease on the role's {@link AccessLogs} (one
 * {@code AccessLog} per file, whichever vhost or context names it), taken when the vhost
 * logs its first line and given back when the vhost is retired. So a file stays open, with
 * one writer thread, for as long as a vhost that logged to it lives, however many
 * connections come and go; a reload naming the same file shares it and loses no line.
 * Thread-safe.
 */
public final class VhostAccessLogs {

    private final AccessLogs logs;
    // by identity: a reload makes new Vhost objects with equal settings, each with its own lease
    private final Map<Vhost, AccessLogs.Lease> leases = new IdentityHashMap<>(); // guarded by this

    public VhostAccessLogs(AccessLogs logs) {
        this.logs = logs;
    }

    /**
     * The lease through which {@code vhost} logs to {@code file}, taken on first use; a file
     * it opens queues at most {@code queueLines} lines (the context's
     * {@code http-access-log-queue-lines}). Null if the file cannot be opened (logged by
     * {@link AccessLogs}; a later call tries again).
     */
    synchronized AccessLogs.Lease of(Vhost vhost, Path file, int queueLines) {
        AccessLogs.Lease lease = leases.get(vhost);
        if (lease == null) {
            lease = logs.lease(file, queueLines);
            if (lease != null) {
                leases.put(vhost, lease);
            }
        }
        return lease;
    }

    /** {@code vhost} is retired: its lease goes back (the last one on a file closes it). */
    public void vhostClosed(Vhost vhost) {
        AccessLogs.Lease lease;
        synchronized (this) {
            lease = leases.remove(vhost);
        }
        if (lease != null) {
            lease.release();
        }
    }
}
