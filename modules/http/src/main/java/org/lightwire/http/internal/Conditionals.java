package org.lightwire.http.internal;

import org.lightwire.api.http.HttpFields;

/**
 * Conditional requests on served content (RFC 9110 section 13; lws checks If-None-Match
 * against its ETag in {@code lws_http_serve}): evaluates If-Match, If-Unmodified-Since,
 * If-None-Match and If-Modified-Since in the order section 13.2.2 prescribes, and If-Range
 * for range requests. Entity tags here are always strong; lists, {@code "*"} and weak
 * ({@code W/}) tags in requests are understood.
 */
public final class Conditionals {

    /** What the preconditions say to do. */
    public enum Outcome {
        /** Serve normally. */
        PROCEED,
        /** 304 Not Modified (GET/HEAD whose cached copy is current). */
        NOT_MODIFIED,
        /** 412 Precondition Failed. */
        PRECONDITION_FAILED
    }

    private Conditionals() {
    }

    /**
     * A strong entity tag for a file: its size, modification time (milliseconds) and, where
     * the file system has one, its identity (device + inode), so a file replaced by another
     * of the same size and time still gets a new tag.
     */
    public static String etag(long size, long modifiedMillis, Object fileKey) {
        StringBuilder b = new StringBuilder(40).append('"')
                .append(Long.toHexString(size)).append('-').append(Long.toHexString(modifiedMillis));
        if (fileKey != null) {
            b.append('-').append(Integer.toHexString(fileKey.hashCode()));
        }
        return b.append('"').toString();
    }

    /**
     * Evaluates the preconditions of a request for content with {@code etag} (strong,
     * quoted) last modified at {@code modifiedSeconds}.
     */
    public static Outcome evaluate(String method, HttpFields headers, String etag, long modifiedSeconds, long nowSeconds) {
        boolean safe = method.equals("GET") || method.equals("HEAD");
        var ifMatch = headers.get("if-match");
        if (ifMatch.isPresent()) {
            if (!matches(ifMatch.get(), etag, true)) {
                return Outcome.PRECONDITION_FAILED;
            }
        } else {
            var ius = headers.get("if-unmodified-since");
            if (ius.isPresent()) {
                long t = HttpDates.parseSeconds(ius.get());
                if (t != HttpDates.INVALID && modifiedSeconds > t) {
                    return Outcome.PRECONDITION_FAILED;
                }
            }
        }
        var ifNoneMatch = headers.get("if-none-match");
        if (ifNoneMatch.isPresent()) {
            if (matches(ifNoneMatch.get(), etag, false)) {
                return safe ? Outcome.NOT_MODIFIED : Outcome.PRECONDITION_FAILED;
            }
            // section 13.1.3: If-Modified-Since is ignored when If-None-Match is present
            return Outcome.PROCEED;
        }
        if (safe) {
            var ims = headers.get("if-modified-since");
            if (ims.isPresent()) {
                long t = HttpDates.parseSeconds(ims.get());
                // a date in the future is invalid (section 13.1.3): ignore it
                if (t != HttpDates.INVALID && t <= nowSeconds && modifiedSeconds <= t) {
                    return Outcome.NOT_MODIFIED;
                }
            }
        }
        return Outcome.PROCEED;
    }

    /**
     * Whether a Range request may be honoured given its If-Range (section 13.1.5): absent,
     * a strongly matching entity tag, or exactly the Last-Modified date.
     */
    public static boolean ifRangeAllows(HttpFields headers, String etag, long modifiedSeconds) {
        var ifRange = headers.get("if-range");
        if (ifRange.isEmpty()) {
            return true;
        }
        String v = ifRange.get().strip();
        if (v.startsWith("\"") || v.startsWith("W/")) {
            return !v.startsWith("W/") && v.equals(etag);
        }
        long t = HttpDates.parseSeconds(v);
        return t != HttpDates.INVALID && t == modifiedSeconds;
    }

    /**
     * Whether the entity-tag list {@code header} ({@code "*"} or {@code 1#entity-tag})
     * matches {@code etag}: strong comparison (both strong, same opaque tag) or weak
     * (same opaque tag, {@code W/} ignored). A malformed list matches nothing from the
     * point where it stops making sense.
     */
    static boolean matches(String header, String etag, boolean strong) {
        int n = header.length();
        int i = 0;
        while (i < n) {
            char c = header.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            if (c == '*') {
                return true;
            }
            boolean weak = false;
            if (c == 'W' && i + 1 < n && header.charAt(i + 1) == '/') {
                weak = true;
                i += 2;
            }
            if (i >= n || header.charAt(i) != '"') {
                return false;
            }
            int close = header.indexOf('"', i + 1);
            if (close < 0) {
                return false;
            }
            boolean same = close + 1 - i == etag.length() && header.regionMatches(i, etag, 0, etag.length());
            if (same && (!strong || !weak)) {
                return true;
            }
            i = close + 1;
        }
        return false;
    }
}
