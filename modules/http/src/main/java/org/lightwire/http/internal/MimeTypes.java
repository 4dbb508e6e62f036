package org.lightwire.http.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lightwire.api.Mount;

/**
 * Which files a mount serves and with which Content-Type (lws {@code lws_get_mimetype}: the
 * canned suffix table plus the mount's {@code extra-mimetypes}). A file whose suffix is in
 * neither is refused, so that even a path that somehow escaped its mount cannot serve, say,
 * {@code /etc/passwd}; an {@code extra-mimetypes} entry {@code "*"} serves every file, with
 * its value as the type (none when empty) for suffixes nobody knows.
 *
 * <p>Suffixes compare case-insensitively; of several extra entries that match, the longest
 * wins ({@code ".tar.gz"} over {@code ".gz"}), and extra entries win over canned ones.
 */
public final class MimeTypes {

    /** The canned table: lower-case suffix → type. Text types say their charset. */
    static final Map<String, String> CANNED = Map.ofEntries(
            Map.entry(".html", "text/html; charset=utf-8"),
            Map.entry(".htm", "text/html; charset=utf-8"),
            Map.entry(".css", "text/css; charset=utf-8"),
            Map.entry(".js", "text/javascript; charset=utf-8"),
            Map.entry(".mjs", "text/javascript; charset=utf-8"),
            Map.entry(".txt", "text/plain; charset=utf-8"),
            Map.entry(".json", "application/json"),
            Map.entry(".map", "application/json"),
            Map.entry(".xml", "application/xml"),
            Map.entry(".wasm", "application/wasm"),
            Map.entry(".svg", "image/svg+xml"),
            Map.entry(".png", "image/png"),
            Map.entry(".jpg", "image/jpeg"),
            Map.entry(".jpeg", "image/jpeg"),
            Map.entry(".gif", "image/gif"),
            Map.entry(".ico", "image/x-icon"),
            Map.entry(".webp", "image/webp"),
            Map.entry(".avif", "image/avif"),
            Map.entry(".ttf", "font/ttf"),
            Map.entry(".otf", "font/otf"),
            Map.entry(".woff", "font/woff"),
            Map.entry(".woff2", "font/woff2"),
            Map.entry(".gz", "application/gzip"),
            Map.entry(".pdf", "application/pdf"),
            Map.entry(".mp3", "audio/mpeg"),
            Map.entry(".ogg", "audio/ogg"),
            Map.entry(".mp4", "video/mp4"),
            Map.entry(".webm", "video/webm"));

    /** No mount-specific entries: the canned table only. */
    public static final MimeTypes CANNED_ONLY = new MimeTypes(List.of(), false, "");

    private final List<String[]> extra; // {lower-case suffix, type}, longest suffix first
    private final boolean anySuffix;
    private final String anyType;

    private MimeTypes(List<String[]> extra, boolean anySuffix, String anyType) {
        this.extra = extra;
        this.anySuffix = anySuffix;
        this.anyType = anyType;
    }

    /** The table for {@code mount}: its {@code extra-mimetypes} over the canned table. */
    public static MimeTypes of(Mount mount) {
        List<String[]> extra = new ArrayList<>();
        boolean any = false;
        String anyType = "";
        for (Map.Entry<String, String> e : mount.extraMimetypes().entrySet()) {
            if (e.getKey().equals("*")) {
                any = true;
                anyType = e.getValue();
            } else {
                extra.add(new String[] {e.getKey().toLowerCase(Locale.ROOT), e.getValue()});
            }
        }
        if (extra.isEmpty() && !any) {
            return CANNED_ONLY;
        }
        extra.sort(Comparator.comparingInt((String[] x) -> x[0].length()).reversed());
        return new MimeTypes(List.copyOf(extra), any, anyType);
    }

    /**
     * The Content-Type to serve {@code fileName} (the last path segment) with: a type, the
     * empty string for "serve without Content-Type", or {@code null} if the file must not
     * be served.
     */
    public String typeOf(String fileName) {
        for (String[] e : extra) {
            String suffix = e[0];
            if (fileName.regionMatches(true, fileName.length() - suffix.length(), suffix, 0, suffix.length())) {
                return e[1];
            }
        }
        int dot = fileName.lastIndexOf('.');
        if (dot >= 0) {
            String type = CANNED.get(fileName.substring(dot).toLowerCase(Locale.ROOT));
            if (type != null) {
                return type;
            }
        }
        return anySuffix ? anyType : null;
    }
}
