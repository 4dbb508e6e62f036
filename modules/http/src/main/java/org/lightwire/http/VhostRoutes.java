package org.lightwire.http;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Header;
import org.lightwire.api.HttpLimits;
import org.lightwire.api.Mount;
import org.lightwire.api.VhostSettings;
import org.lightwire.api.http.HttpFields;
import org.lightwire.http.internal.ErrorPages;
import org.lightwire.http.internal.PreparedMount;
import org.lightwire.http.internal.Router;

/**
 * Everything one vhost answers without protocol code (lws {@code lws_http_action} with the
 * vhost's mounts, README.lwsws.md "Lwsws Mounts"), built once per vhost: which mount a
 * request falls in, files and zip members served with validators, conditional and range
 * handling, {@code >http(s)://} redirects, {@code callback://} bindings, {@code basic-auth},
 * {@code reject-service-keywords}, the vhost's {@code headers} and {@code sts}, and the
 * synthesized error pages. Thread-safe, immutable (apart from internal caches of zip
 * indexes and credentials, which follow the files).
 *
 * <p>How a request is decided is described on {@link Route} and its records; path rules on
 * {@link RequestPaths}.
 */
public final class VhostRoutes {

    /** The Strict-Transport-Security value for {@code "sts": "1"} (half a year, as lws, with subdomains). */
    public static final String STS_VALUE = "max-age=15768000; includeSubDomains";

    private final Router router;
    private final HttpFields common;
    private final HttpFields commonSecure;
    private final Optional<String> errorDocument404;

    private VhostRoutes(Router router, HttpFields common, HttpFields commonSecure, Optional<String> errorDocument404) {
        this.router = router;
        this.common = common;
        this.commonSecure = commonSecure;
        this.errorDocument404 = errorDocument404;
    }

    /**
     * Validates and prepares the vhost's mounts (MIME tables, Cache-Control values,
     * credential files loaded; zip indexes are read lazily, on first use). The context's
     * {@link HttpLimits} bound what is read and served: range parts, zip central
     * directories, credentials files.
     * @throws RouteConfigException naming vhost, mountpoint and the problem: an unreadable or
     *         malformed basic-auth file, a mount kind this module does not serve (cgi, proxy),
     *         a file origin that is neither a directory nor a zip, headers that cannot be sent
     */
    public static VhostRoutes of(VhostSettings vhost, ContextSettings context) throws RouteConfigException {
        Objects.requireNonNull(vhost, "vhost");
        Objects.requireNonNull(context, "context");
        HttpLimits limits = context.httpLimits();
        List<Mount> mounts = vhost.mounts();
        PreparedMount[] prepared = new PreparedMount[mounts.size()];
        for (int i = 0; i < prepared.length; i++) {
            prepared[i] = PreparedMount.of(vhost.name(), mounts.get(i), limits.maxCredentialsFileBytes());
        }
        HttpFields.Builder h = HttpFields.builder();
        for (Header header : vhost.headers()) {
            try {
                h.add(header.name(), header.value());
            } catch (IllegalArgumentException e) {
                throw new RouteConfigException(vhost.name(), "(vhost headers)", "header " + header.name() + ": " + e.getMessage());
            }
        }
        HttpFields common = h.build();
        HttpFields secure = vhost.sts() ? common.toBuilder().add("strict-transport-security", STS_VALUE).build() : common;
        Router router = new Router(mounts, prepared, context.rejectServiceKeywords(), limits.maxRangeParts(),
                limits.maxZipDirectoryBytes());
        return new VhostRoutes(router, common, secure, vhost.errorDocument404());
    }

    /**
     * Decides the answer for one request. Never blocks on the network; may touch the file
     * system (stat, open, a zip's central directory on first use: fine on the loop for
     * local files).
     */
    public Route route(RouteRequest request) {
        return router.route(Objects.requireNonNull(request, "request"));
    }

    /**
     * The headers every response of this vhost carries: the vhost's {@code headers} (CSP
     * etc.) and, when {@code sts} is on and the connection is {@code secure},
     * Strict-Transport-Security (RFC 6797 forbids it over plain HTTP). The Server header is
     * the role's (from {@link ContextSettings#serverString()}).
     */
    public HttpFields commonHeaders(boolean secure) {
        return secure ? commonSecure : common;
    }

    /**
     * The synthesized error page for {@code status} (lws {@code lws_return_http_status}):
     * HTML naming the status and {@code message} (escaped), linking {@code /error.css}.
     */
    public ErrorPage errorPage(int status, String message) {
        return ErrorPages.page(status, message);
    }

    /** Where 404s redirect to (vhost {@code error-document-404}), if set. */
    public Optional<String> errorDocument404() {
        return errorDocument404;
    }
}
