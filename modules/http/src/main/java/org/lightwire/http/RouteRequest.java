package org.lightwire.http;

import java.util.Objects;
import org.lightwire.api.http.HttpFields;

/**
 * What {@link VhostRoutes#route} needs to know of one request (lws: the parts of an
 * {@code ah} that {@code lws_http_action} reads). Protocol-neutral: h1 builds it from the
 * request line, h2 from {@code :method} / {@code :path}.
 *
 * @param method  the method as sent, e.g. {@code "GET"} (case-sensitive)
 * @param rawPath the path as sent: still percent-encoded, without the query; origin form
 *                ({@code "/a%20b/c"})
 * @param query   the query string after {@code '?'}, still encoded; {@code null} if none
 * @param headers the request header fields
 * @param secure  whether the request arrived over TLS (selects {@code >https} handling, STS)
 */
public record RouteRequest(String method, String rawPath, String query, HttpFields headers, boolean secure) {

    public RouteRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        Objects.requireNonNull(headers, "headers");
    }
}
