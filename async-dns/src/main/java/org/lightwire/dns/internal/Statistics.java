package org.lightwire.dns.internal;

import java.util.concurrent.atomic.LongAdder;

/** Counters over every loop of one resolver, for tests, benchmarks and the resolve command. */
public final class Statistics {

    final LongAdder queriesSent = new LongAdder();
    final LongAdder tcpQueries = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder cnameRequeries = new LongAdder();
    final LongAdder cacheHits = new LongAdder();
    final LongAdder piggybacked = new LongAdder();
    final LongAdder ignoredResponses = new LongAdder();

    public long queriesSent() {
        return queriesSent.sum();
    }

    public long tcpQueries() {
        return tcpQueries.sum();
    }

    public long retries() {
        return retries.sum();
    }

    public long cnameRequeries() {
        return cnameRequeries.sum();
    }

    public long cacheHits() {
        return cacheHits.sum();
    }

    public long piggybacked() {
        return piggybacked.sum();
    }

    public long ignoredResponses() {
        return ignoredResponses.sum();
    }
}
