package org.lightwire.http.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import org.lightwire.api.Header;
import org.lightwire.api.Mount;
import org.lightwire.api.http.HttpFields;
import org.lightwire.http.RouteConfigException;

/**
 * One mount with everything a request needs worked out once, when the vhost's routes are
 * built: its MIME table, Cache-Control value, header fields, credentials and, for file
 * mounts, the root it serves (a directory, or a zip file for lws' zip mounts). Immutable
 * apart from the lazily resolved real root. Thread-safe.
 */
public final class PreparedMount {

    private final Mount mount;
    private final MimeTypes mimeTypes;
    private final String cacheControl;
    private final HttpFields headers;
    private final BasicAuthFile basicAuth;
    private final String defaultDocument;
    private final Path origin;
    private final boolean zipOrigin;
    private final VerifiedFiles verified = new VerifiedFiles();
    private volatile Path realRoot;

    private PreparedMount(Mount mount, MimeTypes mimeTypes, String cacheControl, HttpFields headers,
                          BasicAuthFile basicAuth, String defaultDocument, Path origin, boolean zipOrigin) {
        this.mount = mount;
        this.mimeTypes = mimeTypes;
        this.cacheControl = cacheControl;
        this.headers = headers;
        this.basicAuth = basicAuth;
        this.defaultDocument = defaultDocument;
        this.origin = origin;
        this.zipOrigin = zipOrigin;
    }

    /**
     * Prepares {@code mount} of vhost {@code vhost}; its credentials file may be at most
     * {@code maxCredentialsFileBytes} long.
     * @throws RouteConfigException for a kind this module does not serve, a default document
     *         that is no plain relative path, headers that cannot be sent, an unusable
     *         credentials file, or a file origin that exists but is neither a directory nor a zip
     */
    public static PreparedMount of(String vhost, Mount mount, int maxCredentialsFileBytes) throws RouteConfigException {
        String mp = mount.mountpoint();
        switch (mount.kind()) {
            case FILE, GZIP, CALLBACK, REDIRECT_HTTP, REDIRECT_HTTPS -> { }
            default -> throw new RouteConfigException(vhost, mp, mount.kind().scheme()
                    + " origins are not served by the HTTP content module");
        }
        HttpFields.Builder h = HttpFields.builder();
        for (Header header : mount.headers()) {
            try {
                h.add(header.name(), header.value());
            } catch (IllegalArgumentException e) {
                throw new RouteConfigException(vhost, mp, "header " + header.name() + ": " + e.getMessage());
            }
        }
        BasicAuthFile auth = null;
        if (mount.basicAuth().isPresent()) {
            try {
                auth = BasicAuthFile.load(mount.basicAuth().get(), maxCredentialsFileBytes);
            } catch (BasicAuthFile.CredentialsException e) {
                throw new RouteConfigException(vhost, mp, e.getMessage(), e);
            }
        }
        String def = defaultDocument(vhost, mount);
        Path origin = null;
        boolean zip = false;
        if (mount.kind() == Mount.Kind.FILE || mount.kind() == Mount.Kind.GZIP) {
            try {
                origin = Path.of(mount.target()).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                throw new RouteConfigException(vhost, mp, "origin '" + mount.target() + "' is no usable path: " + e.getMessage());
            }
            zip = mount.kind() == Mount.Kind.GZIP || mount.target().toLowerCase(Locale.ROOT).endsWith(".zip");
            try {
                BasicFileAttributes a = Files.readAttributes(origin, BasicFileAttributes.class);
                if (a.isDirectory()) {
                    zip = false;
                } else if (!(zip && a.isRegularFile())) {
                    throw new RouteConfigException(vhost, mp, "origin " + origin + " is neither a directory nor a .zip file");
                }
            } catch (IOException missing) {
                // served as 404 until it appears: a site directory may be created after start
            }
        }
        return new PreparedMount(mount, MimeTypes.of(mount), CachePolicy.cacheControl(mount), h.build(),
                auth, def, origin, zip);
    }

    /** The default document as a relative path; "index.html" when none or "/" is given (lws' example writes "default": "/"). */
    private static String defaultDocument(String vhost, Mount mount) throws RouteConfigException {
        String d = mount.defaultDocument().orElse("index.html");
        int start = 0;
        while (start < d.length() && d.charAt(start) == '/') {
            start++;
        }
        d = d.substring(start);
        if (d.isEmpty()) {
            return "index.html";
        }
        for (String segment : d.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.indexOf('\\') >= 0
                    || segment.indexOf('\0') >= 0) {
                throw new RouteConfigException(vhost, mount.mountpoint(), "default document '" + mount.defaultDocument().get()
                        + "' must be a plain relative path");
            }
        }
        return d;
    }

    public Mount mount() {
        return mount;
    }

    public MimeTypes mimeTypes() {
        return mimeTypes;
    }

    public String cacheControl() {
        return cacheControl;
    }

    /** The mount's own header fields (key "headers"), added to what it serves. */
    public HttpFields headers() {
        return headers;
    }

    /** The credentials protecting the mount, or null. */
    public BasicAuthFile basicAuth() {
        return basicAuth;
    }

    /** The document served for directories, relative ("index.html", "sub/start.html"). */
    public String defaultDocument() {
        return defaultDocument;
    }

    /** Whether the origin is a zip file whose members are the mount's content. */
    public boolean zipOrigin() {
        return zipOrigin;
    }

    /**
     * The origin's real path (symlinks resolved): what every served file's real path must
     * stay under. Cached; {@code refresh} resolves it again (after a deploy swapped a
     * symlinked root, the cached one no longer contains the files).
     * @throws IOException if the origin does not exist (yet)
     */
    public Path realRoot(boolean refresh) throws IOException {
        Path r = realRoot;
        if (r == null || refresh) {
            r = origin.toRealPath();
            realRoot = r;
        }
        return r;
    }

    /** Whether {@code realPath} lies at or below the real root, re-resolving the root once before saying no. */
    public boolean contains(Path realPath) throws IOException {
        return realPath.startsWith(realRoot(false)) || realPath.startsWith(realRoot(true));
    }

    /** Files of this mount already proven to lie inside it. */
    VerifiedFiles verified() {
        return verified;
    }

    /** The origin as configured, absolute and normalised. */
    public Path origin() {
        return origin;
    }
}
