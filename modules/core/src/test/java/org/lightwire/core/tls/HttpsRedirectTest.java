package org.lightwire.core.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lightwire.core.tls.HttpsRedirect.Verdict;

/** redirect-http's small head reader: the Location it builds and what it refuses. */
class HttpsRedirectTest {

    private static HttpsRedirect judged(String head, Verdict expected) {
        HttpsRedirect r = new HttpsRedirect();
        assertEquals(expected, r.examine(ByteBuffer.wrap(head.getBytes(StandardCharsets.ISO_8859_1)), "vhost.example"));
        return r;
    }

    @Test
    void redirectsToTheSameHostPortAndPath() {
        HttpsRedirect r = judged("GET /a/b?c=d HTTP/1.1\r\nHost: example.com:8443\r\n\r\n", Verdict.REDIRECT);

        assertEquals("https://example.com:8443/a/b?c=d", r.location());
        String response = StandardCharsets.ISO_8859_1.decode(r.response()).toString();
        assertTrue(response.startsWith("HTTP/1.1 301 Moved Permanently\r\nLocation: https://example.com:8443/a/b?c=d\r\n"));
        assertTrue(response.contains("Connection: close\r\n"));
    }

    @Test
    void withoutHostTheVhostNameIsUsed() {
        assertEquals("https://vhost.example/", judged("GET / HTTP/1.0\r\n\r\n", Verdict.REDIRECT).location());
    }

    @Test
    void anIncompleteHeadNeedsMore() {
        judged("GET / HTTP/1.1\r\nHost: a", Verdict.NEED_MORE);
        judged("", Verdict.NEED_MORE);
    }

    @Test
    void injectionAndNonHttpAreRefused() {
        judged("GET / HTTP/1.1\r\nHost: evil.com\r\nHost: other.com\r\n\r\n", Verdict.NOT_HTTP);
        judged("GET / HTTP/1.1\r\nHost: a.com/x\r\n\r\n", Verdict.NOT_HTTP);
        judged("GET / HTTP/1.1\r\nHost: a.com\rSet-Cookie: x\r\n\r\n", Verdict.NOT_HTTP);
        judged("GET /\"><script> HTTP/1.1\r\nHost: a.com\r\n\r\n", Verdict.NOT_HTTP);
        judged("GET http://x/ HTTP/1.1\r\nHost: a.com\r\n\r\n", Verdict.NOT_HTTP);
        judged("SSH-2.0-OpenSSH\r\n\r\n", Verdict.NOT_HTTP);
        judged("GET / HTTP/2.0\r\nHost: a\r\n\r\n", Verdict.NOT_HTTP);
    }

    @Test
    void anOversizedHeadIsRefused() {
        judged("GET / HTTP/1.1\r\nX: " + "a".repeat(HttpsRedirect.MAX_HEAD) + "\r\n\r\n", Verdict.NOT_HTTP);
    }
}
