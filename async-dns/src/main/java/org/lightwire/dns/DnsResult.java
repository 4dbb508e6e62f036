package org.lightwire.dns;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one lookup (lws' cached {@code struct addrinfo} chain, with its status):
 * the addresses in the order asked for, how long they may still be used, and whether the
 * cache answered. Immutable; the address list is shared with the cache and unmodifiable.
 */
public final class DnsResult {

    private final String name;
    private final DnsStatus status;
    private final List<InetAddress> addresses;
    private final String canonicalName;
    private final long ttlSeconds;
    private final boolean fromCache;
    private final String detail;

    /**
     * @param name the name looked up, normalised (lower case, no trailing dot)
     * @param addresses in preference order; non-empty exactly when {@code status} is OK
     * @param canonicalName the end of the CNAME chain, {@code name} when there was none
     * @param ttlSeconds how much longer the answer may be used; 0 for failures
     * @param detail a one-line explanation of a failure, naming the nameserver; empty on success
     */
    public DnsResult(String name, DnsStatus status, List<InetAddress> addresses, String canonicalName,
            long ttlSeconds, boolean fromCache, String detail) {
        this.name = Objects.requireNonNull(name, "name");
        this.status = Objects.requireNonNull(status, "status");
        this.addresses = List.copyOf(addresses);
        this.canonicalName = Objects.requireNonNull(canonicalName, "canonicalName");
        this.ttlSeconds = ttlSeconds;
        this.fromCache = fromCache;
        this.detail = Objects.requireNonNull(detail, "detail");
        if ((status == DnsStatus.OK) == this.addresses.isEmpty()) {
            throw new IllegalArgumentException("a result has addresses exactly when its status is OK: " + status
                    + " with " + this.addresses.size() + " addresses");
        }
    }

    public String name() {
        return name;
    }

    public DnsStatus status() {
        return status;
    }

    /** Whether addresses were found. */
    public boolean isOk() {
        return status == DnsStatus.OK;
    }

    /** The addresses, IPv4 before IPv6 unless {@link AddressPreference#IPV6_FIRST} was asked. */
    public List<InetAddress> addresses() {
        return addresses;
    }

    public String canonicalName() {
        return canonicalName;
    }

    /** Seconds the answer (positive or negative) may still be used, counted from delivery. */
    public long ttlSeconds() {
        return ttlSeconds;
    }

    /** Whether every part of the answer came from the cache, without a packet. */
    public boolean fromCache() {
        return fromCache;
    }

    /** Why a lookup failed, in one line; empty on success. */
    public String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return "DnsResult[" + name + " " + status + " " + addresses + " ttl=" + ttlSeconds + (fromCache ? " cached" : "")
                + (detail.isEmpty() ? "" : " (" + detail + ")") + "]";
    }
}
