package org.lightwire.api.http;

import java.util.Optional;
import java.util.OptionalLong;
import org.lightwire.api.Options;

/**
 * One HTTP request as the server received it (lws: the {@code ah} of a server transaction,
 * read with {@code lws_hdr_copy}). Immutable; valid after the exchange ends too.
 */
public interface HttpRequest {

    /** The method, e.g. "GET" (case-sensitive, as sent). */
    String method();

    /** The request target as sent: origin form ("/a/b?c") or absolute form. */
    String target();

    /**
     * The path, percent-decoded and normalised (no "." or ".." segments, no repeated
     * slashes); always starts with "/". Requests whose path cannot be normalised without
     * leaving the root never reach a protocol.
     */
    String path();

    /** The query string without "?", still percent-encoded; empty if none was sent. */
    Optional<String> query();

    /**
     * The first value of query argument {@code name}, decoded
     * ({@code application/x-www-form-urlencoded} rules; lws {@code lws_get_urlarg_by_name}).
     */
    Optional<String> queryParameter(String name);

    /** "HTTP/1.1", "HTTP/1.0" or "HTTP/2". */
    String version();

    /** The request header fields, in the order received. */
    HttpFields headers();

    /** The Host (or :authority), without the port. */
    Optional<String> host();

    /** The declared body length; empty for chunked bodies and requests without a body. */
    OptionalLong contentLength();

    /** Whether a body follows (declared length above zero, or chunked). */
    boolean hasBody();

    /** The mountpoint the request matched ("/formtest"); empty if it matched no mount. */
    Optional<String> mountpoint();

    /**
     * The path below the mountpoint ("/formtest/x" on mount "/formtest" gives "/x"; the
     * mountpoint itself gives ""): what lws passes as {@code in} to {@code LWS_CALLBACK_HTTP}.
     */
    String pathInMount();

    /** The matched mount's per-mount options (lws {@code pmo}); empty options if none. */
    Options mountOptions();

    /** The user a {@code basic-auth} mount authenticated; empty if the mount has none. */
    Optional<String> authenticatedUser();

    /** Whether the request arrived over TLS. */
    boolean isSecure();
}
