package org.lightwire.dns;

import java.util.Objects;
import org.lightwire.api.ServiceLoop;
import org.lightwire.dns.internal.DnsEngine;

/**
 * A caching, non-blocking DNS resolver that runs on service loops (lws
 * {@code lws_async_dns}): the getaddrinfo-shaped entry point for direct use. Client
 * connections use the same resolver automatically while the async-dns bundle is
 * installed.
 *
 * <p>Each loop that looks something up gets its own cache and socket, so no lookup ever
 * waits for another thread. Concurrent lookups of one name on one loop share one query
 * (piggybacking); answers are cached by TTL, negative ones per RFC 2308.
 *
 * <p>Thread-safe; callbacks always run on the loop passed in.
 */
public final class AsyncDns implements AutoCloseable {

    private final DnsEngine engine;

    private AsyncDns(DnsSettings settings) {
        this.engine = new DnsEngine(settings);
    }

    /** A resolver with these settings. It holds no socket or thread until the first query. */
    public static AsyncDns create(DnsSettings settings) {
        return new AsyncDns(Objects.requireNonNull(settings, "settings"));
    }

    public DnsSettings settings() {
        return engine.settings();
    }

    /**
     * Resolves {@code name} like {@code getaddrinfo(name, NULL, hints, ...)} with
     * {@code hints.ai_family} from {@code preference}. IP literals and {@code localhost}
     * (RFC 6761) are answered without a query. {@code callback} runs once, on
     * {@code loop}'s thread — possibly before this returns when the answer is already
     * known. Callable from any thread.
     */
    public void lookup(String name, AddressPreference preference, ServiceLoop loop, DnsCallback callback) {
        engine.lookup(Objects.requireNonNull(name, "name"), Objects.requireNonNull(preference, "preference"),
                Objects.requireNonNull(loop, "loop"), Objects.requireNonNull(callback, "callback"));
    }

    /** {@link #lookup(String, AddressPreference, ServiceLoop, DnsCallback)} with the settings' default preference. */
    public void lookup(String name, ServiceLoop loop, DnsCallback callback) {
        lookup(name, engine.settings().defaultPreference(), loop, callback);
    }

    /** Query datagrams sent so far, over all loops (retries and CNAME re-queries included). */
    public long queriesSent() {
        return engine.statistics().queriesSent();
    }

    /** Lookup parts answered by the cache without a packet. */
    public long cacheHits() {
        return engine.statistics().cacheHits();
    }

    /** Lookup parts that joined a query already in flight. */
    public long piggybacked() {
        return engine.statistics().piggybacked();
    }

    /** Datagrams dropped: wrong source, unknown id, wrong question, malformed. */
    public long ignoredResponses() {
        return engine.statistics().ignoredResponses();
    }

    /** Questions retried over TCP because the UDP answer was truncated. */
    public long tcpQueries() {
        return engine.statistics().tcpQueries();
    }

    /**
     * Fails every lookup in flight with {@link DnsStatus#IO_ERROR} and releases sockets, on
     * each loop's thread; later lookups fail at once.
     */
    @Override
    public void close() {
        engine.close();
    }
}
