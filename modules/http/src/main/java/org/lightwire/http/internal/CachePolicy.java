package org.lightwire.http.internal;

import org.lightwire.api.Mount;

/**
 * The Cache-Control value a mount's files are served with (lws mount keys
 * {@code cache-max-age}, {@code cache-reuse}, {@code cache-revalidate},
 * {@code cache-intermediaries}; Lightwire adds {@code cache-no}).
 *
 * <p>As lws: content is cacheable only when the mount gives both a max age and
 * {@code cache-reuse}; otherwise, and always with {@code cache-no}, it is {@code no-store}.
 * Cacheable content is {@code private} (the browser only) unless
 * {@code cache-intermediaries} makes it {@code public}, and {@code cache-revalidate} adds
 * {@code must-revalidate}. (lws' own header on this path is malformed,
 * {@code "max-age: N"}; this writes RFC 9111 syntax.)
 */
public final class CachePolicy {

    /** The value for content nobody may store. */
    public static final String NO_STORE = "no-store";

    private CachePolicy() {
    }

    /** The Cache-Control value for {@code mount}'s content. */
    public static String cacheControl(Mount mount) {
        if (mount.cacheNo() || mount.cacheMaxAge().isEmpty() || !mount.cacheReuse()) {
            return NO_STORE;
        }
        StringBuilder b = new StringBuilder(48);
        if (mount.cacheRevalidate()) {
            b.append("must-revalidate, ");
        }
        b.append(mount.cacheIntermediaries() ? "public" : "private");
        b.append(", max-age=").append(mount.cacheMaxAge().getAsInt());
        return b.toString();
    }
}
