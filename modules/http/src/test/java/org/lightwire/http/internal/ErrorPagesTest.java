package org.lightwire.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lightwire.http.ErrorPage;

class ErrorPagesTest {

    private static String html(int status, String message) {
        ErrorPage p = ErrorPages.page(status, message);
        assertEquals("text/html; charset=utf-8", p.contentType());
        return new String(p.body(), StandardCharsets.UTF_8);
    }

    @Test
    void namesTheStatusAndLinksErrorCss() {
        String h = html(404, "The requested URL was not found on this server.");
        assertTrue(h.startsWith("<!DOCTYPE html>"));
        assertTrue(h.contains("<title>404 Not Found</title>"));
        assertTrue(h.contains("<h1>404 Not Found</h1>"));
        assertTrue(h.contains("<link rel=\"stylesheet\" type=\"text/css\" href=\"/error.css\">"));
        assertTrue(h.contains("<p>The requested URL was not found on this server.</p>"));
    }

    @Test
    void noInlineStyleOrScriptSoAStrictCspHolds() {
        String h = html(500, "x");
        assertFalse(h.contains("<style"));
        assertFalse(h.contains("<script"));
        assertFalse(h.contains("style="));
    }

    @Test
    void everythingInTheMessageIsEscaped() {
        String h = html(400, "<script>alert('x')</script> & \"q\"\u0000\u0007");
        assertTrue(h.contains("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</p>"), h);
        assertFalse(h.contains("<script>"));
    }

    @Test
    void longMessagesAreCutAndEmptyOnesLeftOut() {
        String h = html(400, "a".repeat(100_000));
        assertTrue(h.length() < 2000);
        assertFalse(html(418, null).contains("<p>"));
        assertTrue(html(418, "").contains("<h1>418 Unknown</h1>"));
    }
}
