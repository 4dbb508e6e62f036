package org.lightwire.dns.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.lightwire.dns.AddressPreference;
import org.lightwire.dns.DnsCallback;
import org.lightwire.dns.DnsResult;
import org.lightwire.dns.DnsStatus;

/**
 * One caller's lookup: waits for the A and/or AAAA answer it needs (each from the cache or
 * a question in flight, possibly shared with other lookups) and merges them into one
 * ordered result (lws' chaining of the second response's addrinfo onto the first).
 */
final class Lookup {

    private static final System.Logger LOG = System.getLogger("org.lightwire.dns");

    private final String name;
    private final AddressPreference preference;
    private final DnsCallback callback;
    private Answer ipv4;
    private Answer ipv6;
    private boolean allCached = true;
    private int pending;

    Lookup(String name, AddressPreference preference, DnsCallback callback) {
        this.name = name;
        this.preference = preference;
        this.callback = callback;
        this.pending = (preference.wantsIpv4() ? 1 : 0) + (preference.wantsIpv6() ? 1 : 0);
    }

    /** One part is known; the last one delivers the result. */
    void partDone(int type, Answer answer, boolean fromCache, long nowMicros) {
        if (type == RecordType.A) {
            ipv4 = answer;
        } else {
            ipv6 = answer;
        }
        allCached &= fromCache;
        if (--pending == 0) {
            deliver(callback, merge(nowMicros));
        }
    }

    /** Runs a callback, containing what it throws so one careless caller cannot hurt the others. */
    static void deliver(DnsCallback callback, DnsResult result) {
        try {
            callback.resolved(result);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            LOG.log(System.Logger.Level.ERROR, "async DNS callback for '" + result.name() + "' threw " + e, e);
        }
    }

    private DnsResult merge(long now) {
        Answer first = preference.ipv6First() ? ipv6 : ipv4;
        Answer second = preference.ipv6First() ? ipv4 : ipv6;
        List<InetAddress> addresses = new ArrayList<>(4);
        String canonical = null;
        long ttl = Long.MAX_VALUE;
        for (Answer part : new Answer[] {first, second}) {
            if (part != null && part.status() == DnsStatus.OK) {
                addresses.addAll(part.addresses());
                canonical = canonical == null ? part.canonicalName() : canonical;
                ttl = Math.min(ttl, part.ttlSeconds(now));
            }
        }
        if (!addresses.isEmpty()) {
            List<InetAddress> shared = second == null || second.status() != DnsStatus.OK ? first.addresses()
                    : first == null || first.status() != DnsStatus.OK ? second.addresses() : addresses;
            return new DnsResult(name, DnsStatus.OK, shared, canonical, ttl, allCached, "");
        }
        // nothing found: the name's absence wins, then a failure (we do not know), then NODATA
        Answer decisive = pick(first, second, DnsStatus.NXDOMAIN);
        if (decisive == null) {
            decisive = firstFailure(first, second);
        }
        if (decisive == null) {
            decisive = first != null ? first : second;
        }
        long left = decisive.status().isTransientFailure() ? 0 : decisive.ttlSeconds(now);
        String detail = decisive.detail().isEmpty() ? describe(decisive.status()) : decisive.detail();
        return new DnsResult(name, decisive.status(), List.of(), decisive.canonicalName(), left, allCached, detail);
    }

    private static Answer pick(Answer a, Answer b, DnsStatus status) {
        if (a != null && a.status() == status) {
            return a;
        }
        return b != null && b.status() == status ? b : null;
    }

    private static Answer firstFailure(Answer a, Answer b) {
        if (a != null && a.status().isTransientFailure()) {
            return a;
        }
        return b != null && b.status().isTransientFailure() ? b : null;
    }

    private static String describe(DnsStatus status) {
        return switch (status) {
            case NXDOMAIN -> "no such name (NXDOMAIN)";
            case NO_DATA -> "no address of the family asked for (NODATA)";
            default -> status.name();
        };
    }
}
