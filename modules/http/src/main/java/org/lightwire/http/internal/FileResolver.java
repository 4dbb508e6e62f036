package org.lightwire.http.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Finds what a path below a directory mount names (lws {@code lws_http_serve} turning the
 * URL past the mountpoint into a file under the origin, plus fops-zip's "a .zip in the
 * path opens the zip" rule), and refuses anything that would leave the mount.
 *
 * <p>The path arrives already normalised by {@link org.lightwire.http.RequestPaths} (no
 * "..", no encoded separators), so it can only name something below the origin lexically;
 * symlinks are the remaining way out. Therefore the real path (every link resolved) of what
 * is served, and of every directory before a redirect is given, must lie under the real
 * path of the origin; otherwise the answer is 404, the same as for a missing file, so the
 * server does not confirm what lies outside. Symlinks that stay inside are followed. Only
 * regular files are served: a FIFO or device would block the service loop or leak data.
 */
public final class FileResolver {

    /** What a path names. */
    public sealed interface Resolution permits Found, InZip, DirectoryRedirect, Missing {
    }

    /**
     * A regular file inside the mount.
     *
     * @param realPath the file with every link resolved (open this, without following links)
     * @param name     the name the request used, whose suffix selects the MIME type
     * @param known    what was remembered when the file was last checked (its validators,
     *                 and its content if small), while it is still the same file; else null
     */
    public record Found(Path realPath, BasicFileAttributes attributes, String name, VerifiedFiles.Entry known)
            implements Resolution {

        /** A file not (yet) remembered as checked. */
        public Found(Path realPath, BasicFileAttributes attributes, String name) {
            this(realPath, attributes, name, null);
        }

        /** The whole file held in memory, or null: read it from disk. */
        public byte[] content() {
            return known == null ? null : known.content();
        }
    }

    /**
     * A path through a zip file inside the mount: serve member {@code inner} of the zip.
     *
     * @param inner the path inside the zip, no leading '/'; ending in '/' for a directory
     */
    public record InZip(Path zipRealPath, BasicFileAttributes zipAttributes, String inner) implements Resolution {
    }

    /** A directory asked for without its trailing slash. */
    public record DirectoryRedirect() implements Resolution {
    }

    /** Nothing servable: {@code status} 404 (missing, outside, not a regular file) or 403 (permission). */
    public record Missing(int status, String message) implements Resolution {
    }

    private static final Missing NOT_FOUND = new Missing(404, "The requested URL was not found on this server.");
    private static final Missing FORBIDDEN = new Missing(403, "Access to the requested URL is forbidden.");

    private FileResolver() {
    }

    /**
     * Resolves {@code pathInMount} ("" or "/a/b", normalised; a trailing '/' asks for a
     * directory) under {@code mount}'s directory origin.
     */
    public static Resolution resolve(PreparedMount mount, String pathInMount) {
        try {
            // Resolve against the origin as configured, not its cached real path: a root
            // that is a symlink swapped by a deploy must serve the new tree at once.
            Path root = mount.origin();
            String relative = pathInMount.startsWith("/") ? pathInMount.substring(1) : pathInMount;
            boolean wantsDirectory = pathInMount.isEmpty() || pathInMount.endsWith("/");
            if (wantsDirectory && !relative.isEmpty()) {
                relative = relative.substring(0, relative.length() - 1);
            }
            Path candidate = relative.isEmpty() ? root : root.resolve(relative);
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(candidate, BasicFileAttributes.class);
            } catch (AccessDeniedException e) {
                throw e;
            } catch (IOException e) {
                // missing, or a file where a directory was expected ("x.zip/member": ENOTDIR)
                return throughZip(mount, root, relative, wantsDirectory);
            }
            String name = relative.isEmpty() ? "" : relative.substring(relative.lastIndexOf('/') + 1);
            if (attrs.isRegularFile() && !wantsDirectory) {
                VerifiedFiles.Entry known = mount.verified().lookup(relative, attrs);
                if (known != null) {
                    return new Found(known.realPath(), attrs, name, known);
                }
            }
            Path real = candidate.toRealPath();
            if (!mount.contains(real)) {
                return NOT_FOUND;
            }
            if (attrs.isDirectory()) {
                if (!wantsDirectory) {
                    return new DirectoryRedirect();
                }
                Path doc = real.resolve(mount.defaultDocument());
                attrs = Files.readAttributes(doc, BasicFileAttributes.class);
                real = doc.toRealPath();
                if (!mount.contains(real)) {
                    return NOT_FOUND;
                }
                String def = mount.defaultDocument();
                name = def.substring(def.lastIndexOf('/') + 1);
            } else if (wantsDirectory) {
                return NOT_FOUND; // "/file.html/" names no directory
            }
            if (!attrs.isRegularFile()) {
                return NOT_FOUND;
            }
            // attributes of the real file itself, for the validators
            attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!wantsDirectory) {
                VerifiedFiles.Entry e = mount.verified().remember(relative, real, attrs);
                if (e != null && e.sameFile(attrs)) {
                    return new Found(real, attrs, name, e);
                }
            }
            return new Found(real, attrs, name);
        } catch (AccessDeniedException e) {
            return FORBIDDEN;
        } catch (IOException | InvalidPathException e) {
            // missing, name too long, loops of links...: all "not found" to the client
            return NOT_FOUND;
        }
    }

    /** The path does not exist as a file: does a segment name a zip file with the rest inside it? */
    private static Resolution throughZip(PreparedMount mount, Path root, String relative, boolean wantsDirectory)
            throws IOException {
        if (relative.isEmpty()) {
            return NOT_FOUND;
        }
        int from = 0;
        while (true) {
            int slash = relative.indexOf('/', from);
            if (slash < 0) {
                return NOT_FOUND;
            }
            String segment = relative.substring(from, slash);
            if (segment.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                Path zip = root.resolve(relative.substring(0, slash));
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(zip, BasicFileAttributes.class);
                } catch (AccessDeniedException e) {
                    throw e;
                } catch (IOException e) {
                    return NOT_FOUND;
                }
                if (a.isRegularFile()) {
                    Path real = zip.toRealPath();
                    if (!mount.contains(real)) {
                        return NOT_FOUND;
                    }
                    String inner = relative.substring(slash + 1) + (wantsDirectory ? "/" : "");
                    return new InZip(real, Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS), inner);
                }
            }
            from = slash + 1;
        }
    }
}
