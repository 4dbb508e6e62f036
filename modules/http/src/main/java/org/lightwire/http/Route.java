package org.lightwire.http;

import java.util.Objects;
import java.util.Optional;
import org.lightwire.api.Mount;
import org.lightwire.api.http.HttpFields;

/**
 * The answer {@link VhostRoutes#route} decides for one request (lws {@code lws_http_action}:
 * serve a file, bind a callback protocol, redirect, or return an HTTP status). The role
 * turns it into wire bytes.
 */
public sealed interface Route permits Route.Serve, Route.Callback, Route.Redirect, Route.Refuse, Route.Challenge {

    /**
     * The user a {@code basic-auth} mount authenticated for this request; empty when the
     * matched mount has no basic auth (lws: {@code WSI_TOKEN_HTTP_AUTHORIZATION} holding the
     * user after authentication). For the access log and for protocols.
     */
    default Optional<String> authenticatedUser() {
        return Optional.empty();
    }

    /**
     * Serve a body: 200, 206 (ranges) or 304 (conditional) (lws {@code lws_serve_http_file}).
     * {@code headers} hold content-type, etag, last-modified, cache-control, content-range or
     * the multipart/byteranges type, content-encoding (gzip from a zip), accept-ranges, vary
     * and the mount's headers; never content-length, transfer-encoding or connection: the
     * role frames from {@code body.length()}. For 304 and HEAD the role sends no body and
     * closes it.
     *
     * @param authenticatedUser the user the mount's basic auth accepted, if it has one
     */
    record Serve(int status, HttpFields headers, ResponseBody body, Mount mount,
                 Optional<String> authenticatedUser) implements Route {

        public Serve {
            Objects.requireNonNull(headers, "headers");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(authenticatedUser, "authenticatedUser");
        }

        /** A served body on a mount without basic auth. */
        public Serve(int status, HttpFields headers, ResponseBody body, Mount mount) {
            this(status, headers, body, mount, Optional.empty());
        }
    }

    /**
     * Bind the connection to a callback protocol (lws {@code LWSMPRO_CALLBACK}).
     *
     * @param protocol    the protocol name the mount's origin names
     * @param path        the request path, decoded and normalised
     * @param pathInMount as {@link org.lightwire.api.http.HttpRequest#pathInMount()}: the path
     *                    past the mountpoint, "" for the mountpoint itself
     */
    record Callback(Mount mount, String protocol, String path, String pathInMount,
                    Optional<String> authenticatedUser) implements Route {

        public Callback {
            Objects.requireNonNull(mount, "mount");
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(pathInMount, "pathInMount");
            Objects.requireNonNull(authenticatedUser, "authenticatedUser");
        }
    }

    /**
     * A 301/302/307/308 redirect (lws {@code lws_http_redirect}): mount redirects and a
     * directory asked for without its trailing slash. {@code location} is ready to send
     * (percent-encoded where needed).
     */
    record Redirect(int status, String location, HttpFields headers) implements Route {

        public Redirect {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(headers, "headers");
        }
    }

    /**
     * An error status the role turns into its error page (lws {@code lws_return_http_status};
     * a 404 honours {@link VhostRoutes#errorDocument404()}): bad path, traversal, not found,
     * unknown suffix (403), a method other than GET/HEAD on a file mount (405 with Allow), a
     * {@code reject-service-keywords} match, a range not satisfiable (416 with
     * Content-Range), an unreadable file (500)...
     *
     * @param message plain text for the error page; the page escapes it
     * @param headers extra header fields of the refusal (Allow, Content-Range)
     */
    record Refuse(int status, String message, HttpFields headers) implements Route {

        public Refuse {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(headers, "headers");
        }
    }

    /**
     * 401 with {@code WWW-Authenticate: Basic realm="<realm>", charset="UTF-8"}: a
     * {@code basic-auth} mount got no or wrong credentials.
     */
    record Challenge(String realm) implements Route {

        public Challenge {
            Objects.requireNonNull(realm, "realm");
        }

        /** The WWW-Authenticate value to send, the realm quoted (RFC 7617 section 2). */
        public String wwwAuthenticate() {
            StringBuilder b = new StringBuilder(realm.length() + 40).append("Basic realm=\"");
            for (int i = 0; i < realm.length(); i++) {
                char c = realm.charAt(i);
                if (c == '"' || c == '\\') {
                    b.append('\\');
                }
                b.append(c < 0x20 || c == 0x7f ? '?' : c);
            }
            return b.append("\", charset=\"UTF-8\"").toString();
        }
    }
}
