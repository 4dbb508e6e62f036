package org.lightwire.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HttpDatesTest {

    // RFC 9110 section 5.6.7 example: Sun, 06 Nov 1994 08:49:37 GMT
    private static final long EXAMPLE = 784111777L;

    @Test
    void formatsImfFixdateWithTwoDigitDays() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDates.format(EXAMPLE * 1000 + 999));
    }

    @Test
    void parsesTheThreeFormsOfSection5_6_7() {
        assertEquals(EXAMPLE, HttpDates.parseSeconds("Sun, 06 Nov 1994 08:49:37 GMT"));
        assertEquals(EXAMPLE, HttpDates.parseSeconds("Sunday, 06-Nov-94 08:49:37 GMT"));
        assertEquals(EXAMPLE, HttpDates.parseSeconds("Sun Nov  6 08:49:37 1994"));
    }

    @Test
    void garbageIsInvalid() {
        for (String s : new String[] {"", "yesterday", "Sun, 06 Nov 1994 08:49:37", "Sun, 32 Nov 1994 08:49:37 GMT",
                "Mon, 06 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 GMT" + " ".repeat(100), "0"}) {
            assertEquals(HttpDates.INVALID, HttpDates.parseSeconds(s), s);
        }
        assertEquals(HttpDates.INVALID, HttpDates.parseSeconds(null));
    }
}
