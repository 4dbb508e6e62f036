package org.lightwire.api;

/**
 * Limits the HTTP server applies to every request it parses. lws fixes these at build
 * time (its header-table sizes, {@code LWS_MAX_HEADER_LEN}...); Lightwire makes them global
 * config keys, a Lightwire extension: {@code "http-max-request-line"},
 * {@code "http-max-header-bytes"}, {@code "http-max-header-count"},
 * {@code "http-max-body-bytes"}, {@code "http-header-timeout-secs"}.
 *
 * @param maxRequestLine    longest request line accepted, in bytes (else 414)
 * @param maxHeaderBytes    most bytes of header fields (request line excluded) per request (else 431)
 * @param maxHeaderCount    most header fields per request (else 431)
 * @param maxBodyBytes      largest request body accepted, in bytes (else 413); 0 refuses every body
 * @param headerTimeoutSecs seconds a client may take to send the complete request head
 *                          (slowloris protection)
 */
public record HttpLimits(int maxRequestLine, int maxHeaderBytes, int maxHeaderCount, long maxBodyBytes,
                         int headerTimeoutSecs) {

    /** 8 KiB request line, 16 KiB of headers, 100 headers, 64 MiB body, 10 s for the head. */
    public static final HttpLimits DEFAULTS = new HttpLimits(8192, 16384, 100, 64L << 20, 10);

    /** Upper bound of {@link #maxRequestLine()}: 1 MiB. */
    public static final int MAX_REQUEST_LINE = 1 << 20;
    /** Upper bound of {@link #maxHeaderBytes()}: 16 MiB. */
    public static final int MAX_HEADER_BYTES = 16 << 20;
    /** Upper bound of {@link #maxHeaderCount()}. */
    public static final int MAX_HEADER_COUNT = 10_000;
    /** Upper bound of {@link #maxBodyBytes()}: 1 TiB. */
    public static final long MAX_BODY_BYTES = 1L << 40;
    /** Upper bound of {@link #headerTimeoutSecs()}: one hour. */
    public static final int MAX_HEADER_TIMEOUT_SECS = 3600;

    public HttpLimits {
        // Lower bounds: a request line shorter than "GET / HTTP/1.1" or no room for a Host
        // header cannot serve anything, so such values are mistakes, not policies.
        check("http-max-request-line", maxRequestLine, 16, MAX_REQUEST_LINE);
        check("http-max-header-bytes", maxHeaderBytes, 64, MAX_HEADER_BYTES);
        check("http-max-header-count", maxHeaderCount, 1, MAX_HEADER_COUNT);
        check("http-max-body-bytes", maxBodyBytes, 0, MAX_BODY_BYTES);
        check("http-header-timeout-secs", headerTimeoutSecs, 1, MAX_HEADER_TIMEOUT_SECS);
    }

    /** A copy with {@link #maxRequestLine()} replaced. */
    public HttpLimits withMaxRequestLine(int bytes) {
        return new HttpLimits(bytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headerTimeoutSecs);
    }

    /** A copy with {@link #maxHeaderBytes()} replaced. */
    public HttpLimits withMaxHeaderBytes(int bytes) {
        return new HttpLimits(maxRequestLine, bytes, maxHeaderCount, maxBodyBytes, headerTimeoutSecs);
    }

    /** A copy with {@link #maxHeaderCount()} replaced. */
    public HttpLimits withMaxHeaderCount(int count) {
        return new HttpLimits(maxRequestLine, maxHeaderBytes, count, maxBodyBytes, headerTimeoutSecs);
    }

    /** A copy with {@link #maxBodyBytes()} replaced. */
    public HttpLimits withMaxBodyBytes(long bytes) {
        return new HttpLimits(maxRequestLine, maxHeaderBytes, maxHeaderCount, bytes, headerTimeoutSecs);
    }

    /** A copy with {@link #headerTimeoutSecs()} replaced. */
    public HttpLimits withHeaderTimeoutSecs(int secs) {
        return new HttpLimits(maxRequestLine, maxHeaderBytes, maxHeaderCount, maxBodyBytes, secs);
    }

    private static void check(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be " + min + ".." + max + ", not " + value);
        }
    }
}
