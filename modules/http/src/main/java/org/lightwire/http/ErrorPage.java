package org.lightwire.http;

import java.util.Objects;

/**
 * A synthesized error page (lws {@code lws_return_http_status}: a small HTML page naming
 * the status and the message, linking {@code /error.css} for styling).
 *
 * @param contentType the Content-Type to send, e.g. {@code "text/html; charset=utf-8"}
 * @param body        the page bytes; callers must not modify them
 */
public record ErrorPage(String contentType, byte[] body) {

    public ErrorPage {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }
}
