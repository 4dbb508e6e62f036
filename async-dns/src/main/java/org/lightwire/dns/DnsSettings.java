package org.lightwire.dns;

import java.net.InetSocketAddress;
import java.util.Objects;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.RetryPolicy;
import org.lightwire.dns.internal.NameserverAddress;
import org.lightwire.dns.internal.ResolvConf;

/**
 * How the resolver works: which nameserver, whether to ask for AAAA, how long to wait and
 * how often to retry, how big the cache may grow. Immutable; every value has a safe
 * default and a key.
 *
 * <p>Inside a context they come from its {@code async-dns-*} global config keys
 * ({@link #fromContext}), so each context, and each reload, has its own; the nameserver
 * defaults to the first {@code nameserver} line of {@code /etc/resolv.conf} (lws' platform
 * discovery on Linux).
 */
public final class DnsSettings {

    static final int DEFAULT_TIMEOUT_MS = 2000;
    static final int DEFAULT_RETRIES = 2;
    static final int DEFAULT_CACHE_ENTRIES = 512;
    static final int DEFAULT_MAX_TTL_SECS = 86_400;
    static final int DEFAULT_MAX_IN_FLIGHT = 64;

    private final InetSocketAddress nameserver;
    private final boolean ipv6;
    private final int timeoutMillis;
    private final RetryPolicy retryPolicy;
    private final int cacheEntries;
    private final int maxTtlSeconds;
    private final int maxInFlight;

    private DnsSettings(Builder b) {
        this.nameserver = Objects.requireNonNull(b.nameserver, "nameserver");
        this.ipv6 = b.ipv6;
        this.timeoutMillis = b.timeoutMillis;
        this.retryPolicy = b.retryPolicy;
        this.cacheEntries = b.cacheEntries;
        this.maxTtlSeconds = b.maxTtlSeconds;
        this.maxInFlight = b.maxInFlight;
    }

    /** A builder with the defaults, for the given nameserver. */
    public static Builder builder(InetSocketAddress nameserver) {
        return new Builder(nameserver);
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(nameserver).ipv6(ipv6).timeoutMillis(timeoutMillis).retryPolicy(retryPolicy)
                .cacheEntries(cacheEntries).maxTtlSeconds(maxTtlSeconds).maxInFlight(maxInFlight);
    }

    /**
     * The settings of one context: its {@code async-dns-*} global keys (ranges were checked
     * when the config was read); the nameserver from {@code async-dns-nameserver}, else the
     * first of {@code async-dns-resolv-conf}, else 127.0.0.1:53 (what the C library assumes
     * when resolv.conf names none). IPv6 questions are off as well when the JVM runs with
     * {@code java.net.preferIPv4Stack}, since it could not connect to the answers.
     *
     * @throws DnsConfigException naming the key or file whose value cannot be used
     */
    public static DnsSettings fromContext(ContextSettings context) {
        InetSocketAddress ns = context.asyncDnsNameserver()
                .map(v -> NameserverAddress.parse(v.trim(), "async-dns-nameserver"))
                .orElseGet(() -> ResolvConf.firstNameserver(context.asyncDnsResolvConf())
                        .orElse(new InetSocketAddress(NameserverAddress.LOOPBACK_V4, NameserverAddress.DNS_PORT)));
        boolean ipv4Stack = Boolean.parseBoolean(System.getProperty("java.net.preferIPv4Stack", "false"));
        return builder(ns)
                .ipv6(context.asyncDnsIpv6() && !ipv4Stack)
                .timeoutMillis(context.asyncDnsTimeoutMs())
                .retryPolicy(defaultRetries(context.asyncDnsRetries()))
                .cacheEntries(context.asyncDnsCacheEntries())
                .maxTtlSeconds(context.asyncDnsMaxTtlSecs())
                .maxInFlight(context.asyncDnsMaxInFlight())
                .build();
    }

    /** Retries that resend after a short pause, growing: 100 ms, then 250 ms, then 500 ms. */
    static RetryPolicy defaultRetries(int retries) {
        return RetryPolicy.builder().retryMillis(100, 250, 500).jitterPercent(20).concealCount(retries).build();
    }

    /** The nameserver queried (lws: one server, over UDP, TCP when a reply is truncated). */
    public InetSocketAddress nameserver() {
        return nameserver;
    }

    /** Whether lookups that do not say otherwise ask for AAAA as well as A. */
    public boolean ipv6() {
        return ipv6;
    }

    /** How long one try waits for its answer. */
    public int timeoutMillis() {
        return timeoutMillis;
    }

    /** How unanswered queries are retried: {@code concealCount} resends, with its delays. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** The size bound of each loop's LRU cache, in (name, record type) answers; 0 disables caching. */
    public int cacheEntries() {
        return cacheEntries;
    }

    /** The longest any answer is cached. */
    public int maxTtlSeconds() {
        return maxTtlSeconds;
    }

    /** How many questions one loop has out at once; further ones queue. */
    public int maxInFlight() {
        return maxInFlight;
    }

    /** The preference lookups get when they do not name one: both families, IPv4 first, or IPv4 only without IPv6. */
    public AddressPreference defaultPreference() {
        return ipv6 ? AddressPreference.IPV4_FIRST : AddressPreference.IPV4_ONLY;
    }

    /**
     * The longest a lookup can take before it fails with {@link DnsStatus#TIMEOUT}: every
     * try's wait plus the pauses between them.
     */
    public long worstCaseMillis() {
        long total = (long) timeoutMillis * (retryPolicy.concealCount() + 1);
        for (int i = 0; i < retryPolicy.concealCount(); i++) {
            total += retryPolicy.delayMillis(i, 1.0);
        }
        return total;
    }

    @Override
    public String toString() {
        return "DnsSettings[nameserver=" + NameserverAddress.format(nameserver) + ", ipv6=" + ipv6 + ", timeout="
                + timeoutMillis + "ms, retries=" + retryPolicy.concealCount() + ", cache=" + cacheEntries
                + ", maxTtl=" + maxTtlSeconds + "s, maxInFlight=" + maxInFlight + "]";
    }

    /** Builds settings; values are checked when set. */
    public static final class Builder {
        private InetSocketAddress nameserver;
        private boolean ipv6 = true;
        private int timeoutMillis = DEFAULT_TIMEOUT_MS;
        private RetryPolicy retryPolicy = defaultRetries(DEFAULT_RETRIES);
        private int cacheEntries = DEFAULT_CACHE_ENTRIES;
        private int maxTtlSeconds = DEFAULT_MAX_TTL_SECS;
        private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;

        private Builder(InetSocketAddress nameserver) {
            nameserver(nameserver);
        }

        public Builder nameserver(InetSocketAddress address) {
            Objects.requireNonNull(address, "nameserver");
            if (address.isUnresolved() || address.getPort() == 0) {
                throw new DnsConfigException("nameserver must be an IP address with a port: " + address);
            }
            this.nameserver = address;
            return this;
        }

        public Builder ipv6(boolean enabled) {
            this.ipv6 = enabled;
            return this;
        }

        public Builder timeoutMillis(int millis) {
            if (millis < 1) {
                throw new DnsConfigException("timeout must be at least 1 ms: " + millis);
            }
            this.timeoutMillis = millis;
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        public Builder cacheEntries(int entries) {
            if (entries < 0) {
                throw new DnsConfigException("cache entries must not be negative: " + entries);
            }
            this.cacheEntries = entries;
            return this;
        }

        public Builder maxTtlSeconds(int seconds) {
            if (seconds < 0) {
                throw new DnsConfigException("max TTL must not be negative: " + seconds);
            }
            this.maxTtlSeconds = seconds;
            return this;
        }

        public Builder maxInFlight(int questions) {
            if (questions < 1 || questions > 10_000) {
                throw new DnsConfigException("max in-flight questions must be 1..10000: " + questions);
            }
            this.maxInFlight = questions;
            return this;
        }

        public DnsSettings build() {
            return new DnsSettings(this);
        }
    }
}
