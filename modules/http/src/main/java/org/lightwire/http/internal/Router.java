package org.lightwire.http.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import org.lightwire.api.Mount;
import org.lightwire.api.RejectServiceKeyword;
import org.lightwire.api.http.HttpFields;
import org.lightwire.api.http.HttpStatus;
import org.lightwire.http.RequestPaths;
import org.lightwire.http.Route;
import org.lightwire.http.RouteRequest;

/**
 * The decision for one request on one vhost (lws {@code lws_http_action}), in lws' order:
 * refuse user agents named by {@code reject-service-keywords}; normalise the path (refuse
 * what cannot be); find the mount; demand basic-auth credentials if the mount has them;
 * then bind a callback protocol, redirect, or serve a file or zip member (GET and HEAD
 * only). Thread-safe: everything mutable lives in thread-safe caches.
 */
public final class Router {

    private static final HttpFields ALLOW_GET_HEAD = HttpFields.builder().add("allow", "GET, HEAD").build();

    private final MountTable table;
    private final PreparedMount[] mounts;
    private final List<RejectServiceKeyword> rejectKeywords;
    private final FileResponder files;
    private final ZipResponder zips;

    /**
     * @param maxRangeParts        most ranges served as a multipart answer (more: the whole file)
     * @param maxZipDirectoryBytes largest zip central directory read (larger: the zip is not served)
     */
    public Router(List<Mount> mountList, PreparedMount[] prepared, List<RejectServiceKeyword> rejectKeywords,
                  int maxRangeParts, int maxZipDirectoryBytes) {
        this.table = new MountTable(mountList);
        this.mounts = prepared.clone();
        this.rejectKeywords = List.copyOf(rejectKeywords);
        this.files = new FileResponder(maxRangeParts);
        this.zips = new ZipResponder(new ZipIndexCache(maxZipDirectoryBytes));
    }

    /** Decides the answer to {@code request}. */
    public Route route(RouteRequest request) {
        Optional<String> agent = request.headers().get("user-agent");
        if (agent.isPresent()) {
            for (RejectServiceKeyword k : rejectKeywords) {
                if (agent.get().contains(k.agentSubstring())) {
                    String reason = k.reason().isEmpty() ? HttpStatus.reason(k.statusCode()) : k.reason();
                    return new Route.Refuse(k.statusCode(), reason, HttpFields.EMPTY);
                }
            }
        }
        Optional<String> normalised = RequestPaths.normalize(request.rawPath());
        if (normalised.isEmpty()) {
            return new Route.Refuse(400, "The request path is malformed or leaves the site.", HttpFields.EMPTY);
        }
        String path = normalised.get();
        MountTable.Match match = table.match(path);
        if (match == null) {
            return notFound();
        }
        PreparedMount pm = mounts[match.index()];
        Mount mount = pm.mount();
        Optional<String> user = Optional.empty();
        if (pm.basicAuth() != null) {
            user = pm.basicAuth().authenticate(request.headers());
            if (user.isEmpty()) {
                return new Route.Challenge(mount.mountpoint());
            }
        }
        return switch (mount.kind()) {
            case CALLBACK -> new Route.Callback(mount, mount.target(), path, match.pathInMount(), user);
            case REDIRECT_HTTP, REDIRECT_HTTPS -> mountRedirect(pm, match.pathInMount(), request.query());
            case FILE, GZIP -> serveFile(request, pm, path, match.pathInMount(), user);
            default -> throw new IllegalStateException("mount kind " + mount.kind() + " was refused when the routes were built");
        };
    }

    private Route serveFile(RouteRequest request, PreparedMount pm, String path, String pathInMount, Optional<String> user) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return new Route.Refuse(405, "Only GET and HEAD are allowed here.", ALLOW_GET_HEAD);
        }
        if (pathInMount.isEmpty() && !path.endsWith("/")) {
            return directoryRedirect(path, request.query());
        }
        long now = System.currentTimeMillis();
        FileResolver.Resolution r;
        if (pm.zipOrigin()) {
            r = zipOrigin(pm, pathInMount);
        } else {
            r = FileResolver.resolve(pm, pathInMount);
        }
        if (r instanceof FileResolver.Found found) {
            String type = pm.mimeTypes().typeOf(found.name());
            if (type == null) {
                return new Route.Refuse(403, "Files of this type are not served.", HttpFields.EMPTY);
            }
            return files.respond(request, pm, found, type, user, now);
        }
        if (r instanceof FileResolver.InZip inZip) {
            return zips.respond(request, pm, inZip, path, user, now);
        }
        if (r instanceof FileResolver.DirectoryRedirect) {
            return directoryRedirect(path, request.query());
        }
        FileResolver.Missing missing = (FileResolver.Missing) r;
        return new Route.Refuse(missing.status(), missing.message(), HttpFields.EMPTY);
    }

    /**
     * A mount whose origin is a zip file: every path below it names a member. The origin is
     * resolved on each request, so a zip replaced through a symlink is picked up at once.
     */
    private static FileResolver.Resolution zipOrigin(PreparedMount pm, String pathInMount) {
        try {
            Path zip = pm.origin().toRealPath();
            BasicFileAttributes a = Files.readAttributes(zip, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile()) {
                return new FileResolver.Missing(404, "The requested URL was not found on this server.");
            }
            String inner = pathInMount.startsWith("/") ? pathInMount.substring(1) : pathInMount;
            return new FileResolver.InZip(zip, a, inner);
        } catch (IOException e) {
            return new FileResolver.Missing(404, "The requested URL was not found on this server.");
        }
    }

    /**
     * The 301 for a directory asked for without its trailing slash. The location is built
     * from the normalised path, never echoed raw: "//evil.example" normalises to
     * "/evil.example", so the redirect cannot leave the site.
     */
    static Route directoryRedirect(String path, String query) {
        String location = RequestPaths.encode(path) + "/";
        if (query != null && isSafeQuery(query)) {
            location += "?" + query;
        }
        return new Route.Redirect(301, location, HttpFields.EMPTY);
    }

    /**
     * A {@code >http://} / {@code >https://} mount's 301 (lws {@code LWSMPRO_REDIR_*}): to
     * the origin URL; with {@code append-path}, plus the path past the mountpoint and the query.
     */
    private static Route mountRedirect(PreparedMount pm, String pathInMount, String query) {
        Mount m = pm.mount();
        StringBuilder location = new StringBuilder(m.kind() == Mount.Kind.REDIRECT_HTTPS ? "https://" : "http://");
        String target = m.target();
        if (m.appendPath()) {
            int end = target.length();
            while (end > 0 && target.charAt(end - 1) == '/') {
                end--;
            }
            location.append(target, 0, end);
            location.append(pathInMount.isEmpty() ? "/" : RequestPaths.encode(pathInMount));
            if (query != null && isSafeQuery(query)) {
                location.append('?').append(query);
            }
        } else {
            location.append(target);
        }
        return new Route.Redirect(301, location.toString(), pm.headers());
    }

    /** Whether a query may be copied into a Location as it is: visible ASCII only. */
    private static boolean isSafeQuery(String query) {
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static Route notFound() {
        return new Route.Refuse(404, "The requested URL was not found on this server.", HttpFields.EMPTY);
    }
}
