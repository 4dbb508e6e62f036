package org.lightwire.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AccessLogLineTest {

    // 2000-10-10T20:55:36Z, shown in -07:00 as Apache's own example
    private static final long WHEN = 971211336000L;
    private static final ZoneId ZONE = ZoneOffset.ofHours(-7);

    /** The combined format as log analysers parse it. */
    private static final Pattern COMBINED = Pattern.compile(
            "^(\\S+) - (\\S+) \\[([^\\]]+)\\] \"((?:[^\"\\\\]|\\\\.)*)\" (\\d{3}) (\\d+|-) \"((?:[^\"\\\\]|\\\\.)*)\" \"((?:[^\"\\\\]|\\\\.)*)\"\n$");

    private static String line(String peer, String user, String request, int status, long bytes, String referer, String agent) {
        StringBuilder b = new StringBuilder();
        AccessLogLine.format(b, ZONE, peer, user, WHEN, request, status, bytes, referer, agent);
        return b.toString();
    }

    @Test
    void apacheCombinedFormat() {
        assertEquals("127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326 "
                        + "\"http://www.example.com/start.html\" \"Mozilla/4.08 [en] (Win98; I ;Nav)\"\n",
                line("127.0.0.1", "frank", "GET /apache_pb.gif HTTP/1.0", 200, 2326,
                        "http://www.example.com/start.html", "Mozilla/4.08 [en] (Win98; I ;Nav)"));
    }

    @Test
    void missingValuesAreDashes() {
        assertEquals("::1 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 304 - \"-\" \"-\"\n",
                line("::1", null, "GET / HTTP/1.1", 304, 0, null, ""));
    }

    @Test
    void aUserAgentCannotForgeALineOrBreakOutOfItsQuotes() {
        String forged = "x\" 200 1 \"-\" \"-\"\n127.0.0.1 - admin [10/Oct/2000:13:55:36 -0700] \"GET /secret HTTP/1.1\" 200 1 \"-\" \"y";
        String l = line("10.0.0.1", null, "GET / HTTP/1.1", 200, 5, "ref\r\nX", forged);
        assertEquals(1, l.split("\n", -1).length - 1, "exactly one line");
        Matcher m = COMBINED.matcher(l);
        assertTrue(m.matches(), l);
        assertEquals("10.0.0.1", m.group(1));
        assertEquals("GET / HTTP/1.1", m.group(4));
        assertEquals("200", m.group(5));
        assertEquals("ref\\x0d\\x0aX", m.group(7));
        assertTrue(m.group(8).startsWith("x\\\" 200 1"), m.group(8));
    }

    @Test
    void requestLineAndUserAreEscapedToo() {
        String l = line("1.2.3.4", "ev il\"", "GET /\u00e9\\\u0000 HTTP/1.1", 404, 10, null, null);
        assertTrue(COMBINED.matcher(l).matches(), l);
        assertTrue(l.contains(" - ev\\x20il\\\" ["), l);
        assertTrue(l.contains("\"GET /\\xc3\\xa9\\\\\\x00 HTTP/1.1\""), l);
    }
}
