package org.lightwire.dns.internal;

import java.net.InetAddress;
import java.util.List;
import org.lightwire.dns.DnsStatus;

/**
 * The outcome of one question (one name, one record type): the cache entry for answers,
 * or a failure that is only delivered. Immutable; the address list is shared by every
 * lookup that reads the entry (lws' reference-counted cached addrinfo chain, without the
 * counting: the garbage collector keeps it alive while anyone holds it).
 *
 * @param expiresAtMicros scheduler time after which the entry is stale
 * @param detail why a failure happened; empty for answers
 */
record Answer(DnsStatus status, List<InetAddress> addresses, String canonicalName, long expiresAtMicros,
        String detail) {

    static Answer failure(DnsStatus status, String name, String detail) {
        return new Answer(status, List.of(), name, 0, detail);
    }

    /** Whether the entry may be cached: positive and negative answers with time left, never failures. */
    boolean cacheable(long nowMicros) {
        return !status.isTransientFailure() && expiresAtMicros > nowMicros;
    }

    /** Whole seconds of life left, rounded up, so an entry usable now never says 0. */
    long ttlSeconds(long nowMicros) {
        long left = expiresAtMicros - nowMicros;
        return left <= 0 ? 0 : (left + 999_999) / 1_000_000;
    }
}
