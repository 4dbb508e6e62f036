/**
 * HTTP content shared by the HTTP roles (h1 now, h2 later): everything a vhost answers
 * without protocol code (lws {@code lws_http_action} with its mounts, file serving, zip
 * fops, basic auth, {@code lws_return_http_status} error pages, access log). A library
 * bundle: it provides no service; the roles call {@link org.lightwire.http.VhostRoutes}.
 * Only {@code org.lightwire.http} is API; {@code org.lightwire.http.internal} stays inside.
 */
module org.lightwire.http {
    requires transitive org.lightwire.spi;
    requires static org.osgi.annotation.bundle;
    requires static org.osgi.annotation.versioning;

    exports org.lightwire.http;
}
