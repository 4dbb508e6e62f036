package org.lightwire.role.h1.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.lightwire.role.h1.wire.HttpWireException;

/** RFC 9112 section 3: the request line and the forms of its target. */
class RequestLineTest {

    @Test
    void originFormSplitsPathAndQuery() throws Exception {
        RequestLine l = RequestLine.parse("GET /a/b%20c?x=1&y HTTP/1.1");
        assertEquals("GET", l.method());
        assertEquals("/a/b%20c", l.rawPath());
        assertEquals("x=1&y", l.query());
        assertNull(l.authority());
        assertEquals(1, l.minor());
        assertEquals("HTTP/1.1", l.version());
    }

    @Test
    void absoluteFormGivesAuthorityAndPath() throws Exception {
        RequestLine l = RequestLine.parse("GET http://example.com:8080/p?q HTTP/1.1");
        assertEquals("example.com:8080", l.authority());
        assertEquals("/p", l.rawPath());
        assertEquals("q", l.query());
        RequestLine bare = RequestLine.parse("GET HTTPS://example.com HTTP/1.1");
        assertEquals("/", bare.rawPath());
        RequestLine queryOnly = RequestLine.parse("GET http://example.com?z HTTP/1.1");
        assertEquals("/", queryOnly.rawPath());
        assertEquals("z", queryOnly.query());
    }

    @Test
    void asteriskFormOnlyForOptions() throws Exception {
        assertEquals("*", RequestLine.parse("OPTIONS * HTTP/1.1").rawPath());
        assertEquals(400, assertThrows(HttpWireException.class, () -> RequestLine.parse("GET * HTTP/1.1")).status());
    }

    @Test
    void versions() throws Exception {
        assertEquals(0, RequestLine.parse("GET / HTTP/1.0").minor());
        assertEquals(1, RequestLine.parse("GET / HTTP/1.9").minor(), "higher 1.x minors are served as 1.1");
        assertEquals(505, assertThrows(HttpWireException.class, () -> RequestLine.parse("GET / HTTP/2.0")).status());
        assertEquals(505, assertThrows(HttpWireException.class, () -> RequestLine.parse("GET / HTTP/0.9")).status());
        assertEquals(400, assertThrows(HttpWireException.class, () -> RequestLine.parse("GET / HTTP/1")).status());
        assertEquals(400, assertThrows(HttpWireException.class, () -> RequestLine.parse("GET / HTTPS/1.1")).status());
    }

    @Test
    void methodsAreCaseSensitiveTokens() throws Exception {
        assertEquals("get", RequestLine.parse("get / HTTP/1.1").method(), "kept as sent; routes decide");
        assertEquals("M-SEARCH", RequestLine.parse("M-SEARCH / HTTP/1.1").method());
        assertEquals(400, assertThrows(HttpWireException.class, () -> RequestLine.parse("GE\"T / HTTP/1.1")).status());
        assertEquals(400, assertThrows(HttpWireException.class, () -> RequestLine.parse(" / HTTP/1.1")).status());
    }

    @Test
    void percentEscapesNeedTwoHexDigits() {
        assertEquals(400, assertThrows(HttpWireException.class, () -> RequestLine.parse("GET /%4 HTTP/1.1")).status());
        assertEquals(400, assertThrows(HttpWireException.class, () -> RequestLine.parse("GET /%\u0663\u0663 HTTP/1.1")).status(),
                "non-ASCII digits are not hex");
    }

    @Test
    void targetCharactersFollowRfc3986() throws Exception {
        RequestLine.parse("GET /a-b._~!$&'()*+,;=:@/c?d/e? HTTP/1.1");
        for (String bad : new String[] {"/a b", "/a<b", "/a>b", "/a\\b", "/a^b", "/a`b", "/a{b", "/a|b", "/a}b", "/a#b"}) {
            assertEquals(400, assertThrows(HttpWireException.class, () -> RequestLine.parse("GET " + bad + " HTTP/1.1"),
                    bad).status(), bad);
        }
    }
}
