package org.lightwire.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import org.lightwire.api.Options;
import org.lightwire.api.http.HttpFields;
import org.lightwire.api.http.HttpRequest;

/**
 * A bodiless HTTP/1.1 GET, the WebSocket upgrade request a protocol sees (lws' {@code WSI_TOKEN_*}
 * headers and {@code lws_get_urlarg_by_name}): a request target with an optional query, and header
 * fields. Not mounted, not secure, not authenticated.
 */
public record FakeRequest(String target, HttpFields headers) implements HttpRequest {

    /** A GET of {@code target} with header fields given as name, value, name, value... */
    public static FakeRequest get(String target, String... headerPairs) {
        if (headerPairs.length % 2 != 0) {
            throw new IllegalArgumentException("header fields come in name/value pairs: " + headerPairs.length + " strings");
        }
        HttpFields.Builder b = HttpFields.builder();
        for (int i = 0; i < headerPairs.length; i += 2) {
            b.add(headerPairs[i], headerPairs[i + 1]);
        }
        return new FakeRequest(target, b.build());
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    @Override
    public Optional<String> query() {
        int q = target.indexOf('?');
        return q < 0 ? Optional.empty() : Optional.of(target.substring(q + 1));
    }

    /** The first parameter named {@code name}, percent-decoded; "" when it has no '='. */
    @Override
    public Optional<String> queryParameter(String name) {
        for (String pair : query().orElse("").split("&")) {
            int eq = pair.indexOf('=');
            String n = eq < 0 ? pair : pair.substring(0, eq);
            if (n.equals(name)) {
                return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    @Override
    public String version() {
        return "HTTP/1.1";
    }

    @Override
    public Optional<String> host() {
        return headers.get("host");
    }

    @Override
    public OptionalLong contentLength() {
        return OptionalLong.empty();
    }

    @Override
    public boolean hasBody() {
        return false;
    }

    @Override
    public Optional<String> mountpoint() {
        return Optional.empty();
    }

    @Override
    public String pathInMount() {
        return path();
    }

    @Override
    public Options mountOptions() {
        return Options.EMPTY;
    }

    @Override
    public Optional<String> authenticatedUser() {
        return Optional.empty();
    }

    @Override
    public boolean isSecure() {
        return false;
    }
}
