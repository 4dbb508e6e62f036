package org.lightwire.role.h1.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The {@code Date:} value (IMF-fixdate, RFC 9110 section 5.6.7), formatted at most once per
 * second for the whole process: responses within the same second share one string.
 */
final class HttpDate {

    private record Cached(long second, String text) { }

    private static volatile Cached cached = new Cached(-1, "");

    private HttpDate() {
    }

    /** The current date as IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT". */
    static String now() {
        long second = System.currentTimeMillis() / 1000;
        Cached c = cached;
        if (c.second() != second) {
            c = new Cached(second, DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochSecond(second).atOffset(ZoneOffset.UTC)));
            cached = c;
        }
        return c.text();
    }
}
