package org.lightwire.dns.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One loop's answer cache (lws' LRU cache of async DNS results): bounded in entries,
 * least recently used evicted first, entries expire by their TTL. Negative answers are
 * cached like positive ones, for the time RFC 2308 allows. Loop thread only.
 */
final class AnswerCache {

    private final int maxEntries;
    private final LinkedHashMap<QuestionKey, Answer> entries;

    AnswerCache(int maxEntries) {
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(Math.min(maxEntries, 1024) * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<QuestionKey, Answer> eldest) {
                return size() > AnswerCache.this.maxEntries;
            }
        };
    }

    /** The live entry for {@code key}, or null; a stale one is dropped on the way. */
    Answer get(QuestionKey key, long nowMicros) {
        Answer a = entries.get(key);
        if (a != null && a.expiresAtMicros() <= nowMicros) {
            entries.remove(key);
            return null;
        }
        return a;
    }

    /** Stores {@code answer} if it may be cached. */
    void put(QuestionKey key, Answer answer, long nowMicros) {
        if (maxEntries > 0 && answer.cacheable(nowMicros)) {
            entries.put(key, answer);
        }
    }

    int size() {
        return entries.size();
    }

    void clear() {
        entries.clear();
    }
}
