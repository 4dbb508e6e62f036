package org.lightwire.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.lightwire.api.Mount;

class CachePolicyTest {

    private static Mount.Builder mount() {
        return Mount.builder("/", "file:///srv");
    }

    @Test
    void noCacheKeysMeansUncacheable() {
        assertEquals("no-store", CachePolicy.cacheControl(mount().build()));
    }

    @Test
    void maxAgeWithoutReuseIsStillUncacheable() {
        assertEquals("no-store", CachePolicy.cacheControl(mount().cacheMaxAge(60).build()));
        assertEquals("no-store", CachePolicy.cacheControl(mount().cacheReuse(true).build()));
    }

    @Test
    void reuseWithMaxAgeIsPrivateByDefault() {
        assertEquals("private, max-age=60", CachePolicy.cacheControl(mount().cacheMaxAge(60).cacheReuse(true).build()));
    }

    @Test
    void intermediariesMakeItPublic() {
        assertEquals("public, max-age=60", CachePolicy.cacheControl(
                mount().cacheMaxAge(60).cacheReuse(true).cacheIntermediaries(true).build()));
    }

    @Test
    void revalidateAddsMustRevalidate() {
        assertEquals("must-revalidate, public, max-age=3600", CachePolicy.cacheControl(
                mount().cacheMaxAge(3600).cacheReuse(true).cacheRevalidate(true).cacheIntermediaries(true).build()));
    }

    @Test
    void cacheNoWinsOverEverything() {
        assertEquals("no-store", CachePolicy.cacheControl(
                mount().cacheMaxAge(60).cacheReuse(true).cacheIntermediaries(true).cacheNo(true).build()));
    }
}
