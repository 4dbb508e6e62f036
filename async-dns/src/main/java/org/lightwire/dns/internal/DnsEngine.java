package org.lightwire.dns.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lightwire.api.ServiceLoop;
import org.lightwire.dns.AddressPreference;
import org.lightwire.dns.DnsCallback;
import org.lightwire.dns.DnsSettings;

/**
 * What {@link org.lightwire.dns.AsyncDns} delegates to: one {@link LoopResolver} per service
 * loop that has looked something up, shared counters.
 */
public final class DnsEngine {

    private final DnsSettings settings;
    private final Statistics statistics = new Statistics();
    private final Map<ServiceLoop, LoopResolver> perLoop = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public DnsEngine(DnsSettings settings) {
        this.settings = settings;
    }

    public DnsSettings settings() {
        return settings;
    }

    public Statistics statistics() {
        return statistics;
    }

    /** Runs the lookup on {@code loop}'s thread (now, if already there). */
    public void lookup(String name, AddressPreference preference, ServiceLoop loop, DnsCallback callback) {
        if (loop.inLoop()) {
            resolverFor(loop).lookup(name, preference, callback);
        } else {
            loop.execute(() -> resolverFor(loop).lookup(name, preference, callback));
        }
    }

    private LoopResolver resolverFor(ServiceLoop loop) {
        LoopResolver r = perLoop.get(loop);
        if (r == null) {
            r = perLoop.computeIfAbsent(loop, l -> new LoopResolver(l, settings, statistics));
            if (closed) {
                r.close();
            }
        }
        return r;
    }


    /** Closes every loop's resolver on its own thread: lookups in flight fail, sockets close. */
    public void close() {
        closed = true;
        for (LoopResolver r : perLoop.values()) {
            if (r.loop().inLoop()) {
                r.close();
            } else {
                r.loop().execute(r::close);
            }
        }
    }
}
