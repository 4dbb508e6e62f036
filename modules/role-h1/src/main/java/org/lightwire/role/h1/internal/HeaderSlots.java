package org.lightwire.role.h1.internal;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts, per peer IP, the connections of one context that are part-way through sending a
 * request head (lws {@code ip_limit_ah}: how many "allocated headers" one IP may hold).
 * A slot is taken at the first byte of a request and given back when the head is complete
 * or the connection closes. Shared by every loop of the context, hence concurrent.
 *
 * <p>Policy (a choice, see ARCHITECTURE.md): a request that would exceed the limit is
 * answered {@code 503} with {@code Retry-After: 1} and the connection closed, instead of
 * lws' waiting for a free header: refusing at once costs nothing, keeps no state for the
 * excess connection, and a slow-header attacker from one IP can hold at most the limit.
 */
final class HeaderSlots {

    private final int limit;
    private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();

    /** @param limit most connections per IP mid-head; 0 for no limit */
    HeaderSlots(int limit) {
        this.limit = limit;
    }

    boolean enabled() {
        return limit > 0;
    }

    /** Takes a slot for {@code peer}; false when it already holds the limit. */
    boolean tryAcquire(String peer) {
        if (limit <= 0) {
            return true;
        }
        boolean[] admitted = new boolean[1];
        counts.compute(peer, (k, n) -> {
            int current = n == null ? 0 : n;
            admitted[0] = current < limit;
            return admitted[0] ? current + 1 : n;
        });
        return admitted[0];
    }

    void release(String peer) {
        if (limit > 0) {
            counts.computeIfPresent(peer, (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** Slots {@code peer} holds now (tests, diagnostics). */
    int held(String peer) {
        return counts.getOrDefault(peer, 0);
    }
}
