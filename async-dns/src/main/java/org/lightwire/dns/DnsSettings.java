package org.lightwire.dns;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;
import org.lightwire.api.RetryPolicy;
import org.lightwire.dns.internal.NameserverAddress;
import org.lightwire.dns.internal.ResolvConf;

/**
 * How the resolver works: which nameserver, whether to ask for AAAA, how long to wait and
 * how often to retry, how big the cache may grow. Immutable; every value has a safe
 * default and a key.
 *
 * <p>The bundle reads its settings from system properties ({@link #fromProperties}), so it
 * needs nothing from the context config; the nameserver defaults to the first
 * {@code nameserver} line of {@code /etc/resolv.conf} (lws' platform discovery on Linux).
 */
public final class DnsSettings {

    /** Nameserver override, {@code IP[:PORT]} ({@code [IPv6]:PORT} with a port). */
    public static final String KEY_NAMESERVER = "lightwire.dns.nameserver";
    /** {@code false} asks for A records only (lws built without {@code LWS_IPV6}). */
    public static final String KEY_IPV6 = "lightwire.dns.ipv6";
    /** How long one try waits for its answer, in milliseconds. */
    public static final String KEY_TIMEOUT_MS = "lightwire.dns.timeout-ms";
    /** How many times an unanswered query is sent again before the lookup times out. */
    public static final String KEY_RETRIES = "lightwire.dns.retries";
    /** How many (name, record type) answers the cache of one loop keeps. */
    public static final String KEY_CACHE_ENTRIES = "lightwire.dns.cache-entries";
    /** The longest an answer is cached whatever its TTL, in seconds. */
    public static final String KEY_MAX_TTL_SECS = "lightwire.dns.max-ttl-secs";
    /**
     * How many questions one loop has out at the nameserver at once; more wait their turn.
     * A burst of thousands of datagrams would overflow the server's socket buffer and
     * come back as timeouts and retries.
     */
    public static final String KEY_MAX_IN_FLIGHT = "lightwire.dns.max-in-flight";
    /** Where the nameserver is discovered when no override is given. */
    public static final String KEY_RESOLV_CONF = "lightwire.dns.resolv-conf";

    static final int DEFAULT_TIMEOUT_MS = 2000;
    static final int DEFAULT_RETRIES = 2;
    static final int DEFAULT_CACHE_ENTRIES = 512;
    static final int DEFAULT_MAX_TTL_SECS = 86_400;
    static final int DEFAULT_MAX_IN_FLIGHT = 64;
    static final Path DEFAULT_RESOLV_CONF = Path.of("/etc/resolv.conf");

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

    /** Settings from the JVM's system properties (the keys above) and {@code /etc/resolv.conf}. */
    public static DnsSettings fromSystemProperties() {
        return fromProperties(System.getProperties());
    }

    /**
     * Settings from {@code props}: each key above, else its default; the nameserver from
     * {@link #KEY_NAMESERVER}, else the resolv.conf at {@link #KEY_RESOLV_CONF}, else
     * 127.0.0.1:53 (what the C library assumes when resolv.conf names none).
     *
     * @throws DnsConfigException naming the key or file whose value is wrong
     */
    public static DnsSettings fromProperties(Properties props) {
        String override = props.getProperty(KEY_NAMESERVER);
        InetSocketAddress ns;
        if (override != null && !override.isBlank()) {
            ns = NameserverAddress.parse(override.trim(), KEY_NAMESERVER);
        } else {
            String conf = props.getProperty(KEY_RESOLV_CONF);
            ns = ResolvConf.firstNameserver(conf == null ? DEFAULT_RESOLV_CONF : Path.of(conf))
                    .orElse(new InetSocketAddress(NameserverAddress.LOOPBACK_V4, NameserverAddress.DNS_PORT));
        }
        boolean ipv6Default = !Boolean.parseBoolean(props.getProperty("java.net.preferIPv4Stack", "false"));
        int retries = intProperty(props, KEY_RETRIES, DEFAULT_RETRIES, 0, 10);
        return builder(ns)
                .ipv6(booleanProperty(props, KEY_IPV6, ipv6Default))
                .timeoutMillis(intProperty(props, KEY_TIMEOUT_MS, DEFAULT_TIMEOUT_MS, 1, 60_000))
                .retryPolicy(defaultRetries(retries))
                .cacheEntries(intProperty(props, KEY_CACHE_ENTRIES, DEFAULT_CACHE_ENTRIES, 0, 1_000_000))
                .maxTtlSeconds(intProperty(props, KEY_MAX_TTL_SECS, DEFAULT_MAX_TTL_SECS, 0, 7 * 86_400))
                .maxInFlight(intProperty(props, KEY_MAX_IN_FLIGHT, DEFAULT_MAX_IN_FLIGHT, 1, 10_000))
                .build();
    }

    /** Retries that resend after a short pause, growing: 100 ms, then 250 ms, then 500 ms. */
    static RetryPolicy defaultRetries(int retries) {
        return RetryPolicy.builder().retryMillis(100, 250, 500).jitterPercent(20).concealCount(retries).build();
    }

    private static int intProperty(Properties props, String key, int dflt, int min, int max) {
        String v = props.getProperty(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new DnsConfigException(key + ": " + v.trim() + " is out of range " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new DnsConfigException(key + ": '" + v.trim() + "' is not a whole number");
        }
    }

    private static boolean booleanProperty(Properties props, String key, boolean dflt) {
        String v = props.getProperty(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "on":
                return true;
            case "false", "0", "no", "off":
                return false;
            default:
                throw new DnsConfigException(key + ": '" + v.trim() + "' is not true or false");
        }
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
