package org.lightwire.http.internal;

import java.nio.charset.StandardCharsets;
import org.lightwire.api.http.HttpStatus;
import org.lightwire.http.ErrorPage;

/**
 * Synthesized error pages (lws {@code lws_return_http_status}, README.coding.md "Styling
 * http error pages"): a small HTML document naming the status and a message, styled by
 * the site's own {@code /error.css} if it has one. It carries no inline style or script, so
 * it works under a strict Content-Security-Policy such as {@code default-src 'none';
 * style-src 'self'}. Everything variable is HTML-escaped; messages are cut to
 * {@link #MAX_MESSAGE_CHARS}.
 */
public final class ErrorPages {

    /** The Content-Type of every page. */
    public static final String CONTENT_TYPE = "text/html; charset=utf-8";
    /** Longest message shown; the rest is cut. */
    public static final int MAX_MESSAGE_CHARS = 512;

    private ErrorPages() {
    }

    /** The page for {@code status} showing {@code message} (may be empty or null). */
    public static ErrorPage page(int status, String message) {
        String title = status + " " + HttpStatus.reason(status);
        StringBuilder b = new StringBuilder(512);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
        escape(title, b);
        b.append("</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"/error.css\">\n</head>\n<body>\n<h1>");
        escape(title, b);
        b.append("</h1>\n");
        if (message != null && !message.isEmpty()) {
            b.append("<p>");
            escape(message.length() > MAX_MESSAGE_CHARS ? message.substring(0, MAX_MESSAGE_CHARS) + "..." : message, b);
            b.append("</p>\n");
        }
        b.append("</body>\n</html>\n");
        return new ErrorPage(CONTENT_TYPE, b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Appends {@code s} HTML-escaped: markup and quote characters as entities, controls dropped. */
    public static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 && c != 0x7f || c == '\t' || c == '\n') {
                        out.append(c);
                    }
                }
            }
        }
    }
}
