package org.lightwire.core.net;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts open connections per peer IP and refuses the ones over the limit (lws
 * {@code ip_limit_wsi}: a hard limit, the extra connection is dropped at once).
 */
final class PeerLimits {

    private final int limit;
    private final ConcurrentHashMap<InetAddress, Integer> counts = new ConcurrentHashMap<>();

    /** @param limit most connections per IP; 0 for no limit */
    PeerLimits(int limit) {
        this.limit = limit;
    }

    boolean enabled() {
        return limit > 0;
    }

    /** Counts a new connection from {@code peer}; false if that would exceed the limit. */
    boolean tryAcquire(InetAddress peer) {
        boolean[] admitted = new boolean[1];
        counts.compute(peer, (k, n) -> {
            int current = n == null ? 0 : n;
            if (current >= limit) {
                admitted[0] = false;
                return n;
            }
            admitted[0] = true;
            return current + 1;
        });
        return admitted[0];
    }

    /** A connection from {@code peer} has closed. */
    void release(InetAddress peer) {
        counts.computeIfPresent(peer, (k, n) -> n <= 1 ? null : n - 1);
    }
}
