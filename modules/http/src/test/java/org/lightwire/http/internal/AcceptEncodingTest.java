package org.lightwire.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.lightwire.api.http.HttpFields;

class AcceptEncodingTest {

    private static boolean gzip(String... values) {
        HttpFields.Builder b = HttpFields.builder();
        for (String v : values) {
            b.add("accept-encoding", v);
        }
        return AcceptEncoding.acceptsGzip(b.build());
    }

    @Test
    void gzipAcceptedWhenListedWithAWeight() {
        assertEquals(true, gzip("gzip, deflate, br"));
        assertEquals(true, gzip("br;q=1.0, GZIP;q=0.5"));
        assertEquals(true, gzip("identity", "x-gzip"));
        assertEquals(true, gzip("*"));
    }

    @Test
    void gzipRefusedWhenAbsentOrZeroWeighted() {
        assertEquals(false, gzip());
        assertEquals(false, gzip("identity"));
        assertEquals(false, gzip("deflate, br"));
        assertEquals(false, gzip("gzip;q=0"));
        assertEquals(false, gzip("gzip;q=0.000"));
        assertEquals(false, gzip("*;q=0.5, gzip;q=0"), "explicit gzip wins over *");
        assertEquals(false, gzip("*;q=0"));
        assertEquals(false, gzip("gzip;q=2"), "malformed weight counts as zero");
        assertEquals(false, gzip("gzip;q=abc"));
    }
}
