package org.lightwire.dns.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightwire.dns.DnsStatus;

/** The per-loop cache: size-bounded LRU, TTL expiry, negative entries, never failures. */
class AnswerCacheTest {

    private static Answer ok(long expiresAt) throws Exception {
        return new Answer(DnsStatus.OK, List.of(InetAddress.getByName("192.0.2.1")), "x", expiresAt, "");
    }

    private static QuestionKey key(String name) {
        return new QuestionKey(name, RecordType.A);
    }

    @Test
    void leastRecentlyUsedEntryIsEvictedPastTheBound() throws Exception {
        AnswerCache cache = new AnswerCache(2);
        cache.put(key("a"), ok(1_000), 0);
        cache.put(key("b"), ok(1_000), 0);
        assertNotNull(cache.get(key("a"), 0)); // a is now the most recently used
        cache.put(key("c"), ok(1_000), 0);

        assertEquals(2, cache.size());
        assertNotNull(cache.get(key("a"), 0));
        assertNull(cache.get(key("b"), 0), "b was least recently used");
        assertNotNull(cache.get(key("c"), 0));
    }

    @Test
    void entriesExpireWithTheirTtl() throws Exception {
        AnswerCache cache = new AnswerCache(8);
        cache.put(key("a"), ok(2_000_000), 0);
        assertNotNull(cache.get(key("a"), 1_999_999));
        assertNull(cache.get(key("a"), 2_000_000));
        assertEquals(0, cache.size(), "a stale entry is dropped when met");
    }

    @Test
    void negativeAnswersAreCachedFailuresAndZeroTtlAreNot() throws Exception {
        AnswerCache cache = new AnswerCache(8);
        cache.put(key("nx"), new Answer(DnsStatus.NXDOMAIN, List.of(), "nx", 5_000_000, ""), 0);
        cache.put(key("t"), Answer.failure(DnsStatus.TIMEOUT, "t", "no answer"), 0);
        cache.put(key("z"), ok(0), 0);

        assertEquals(DnsStatus.NXDOMAIN, cache.get(key("nx"), 1).status());
        assertNull(cache.get(key("t"), 1));
        assertNull(cache.get(key("z"), 1));
    }

    @Test
    void sizeZeroDisablesCaching() throws Exception {
        AnswerCache cache = new AnswerCache(0);
        cache.put(key("a"), ok(1_000), 0);
        assertNull(cache.get(key("a"), 0));
    }

    @Test
    void remainingTtlRoundsUp() throws Exception {
        Answer a = ok(2_000_000);
        assertEquals(2, a.ttlSeconds(0));
        assertEquals(1, a.ttlSeconds(1_500_000));
        assertEquals(0, a.ttlSeconds(2_000_000));
    }
}
