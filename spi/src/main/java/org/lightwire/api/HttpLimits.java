package org.lightwire.api;

/**
 * Limits the HTTP server applies to every request it parses and every connection it ends.
 * lws fixes these at build time (its header-table sizes, {@code LWS_MAX_HEADER_LEN}...);
 * Lightwire makes them global config keys, a Lightwire extension: {@code "http-max-request-line"},
 * {@code "http-max-header-bytes"}, {@code "http-max-header-count"},
 * {@code "http-max-body-bytes"}, {@code "http-header-timeout-secs"},
 * {@code "http-max-chunk-line"}, {@code "http-max-trailer-bytes"},
 * {@code "http-discard-body-bytes"}, {@code "http-linger-secs"}, {@code "http-linger-bytes"}.
 *
 * @param maxRequestLine    longest request line accepted, in bytes (else 414)
 * @param maxHeaderBytes    most bytes of header fields (request line excluded) per request (else 431)
 * @param maxHeaderCount    most header fields per request (else 431)
 * @param maxBodyBytes      largest request body accepted, in bytes (else 413); 0 refuses every body
 * @param headerTimeoutSecs seconds a client may take to send the complete request head
 *                          (slowloris protection)
 * @param maxChunkLine      longest chunk-size line of a chunked body, extensions included (else 400)
 * @param maxTrailerBytes   most bytes of trailer fields after a chunked body, the empty line
 *                          that ends it included (else 400)
 * @param discardBodyBytes  most bytes of a request body nobody read that are drained to keep
 *                          the connection for the next request; a longer one closes it (0: always close)
 * @param lingerSecs        how long a connection closing with unread input keeps reading and
 *                          dropping it, so the peer sees the response rather than a reset (0: close at once)
 * @param lingerBytes       most bytes dropped while lingering
 */
public record HttpLimits(int maxRequestLine, int maxHeaderBytes, int maxHeaderCount, long maxBodyBytes,
                         int headerTimeoutSecs, int maxChunkLine, int maxTrailerBytes, int discardBodyBytes,
                         int lingerSecs, int lingerBytes) {

    /**
     * 8 KiB request line, 16 KiB of headers, 100 headers, 64 MiB body, 10 s for the head,
     * 1 KiB chunk lines, 4 KiB of trailers, 64 KiB drained, 2 s and 64 KiB of lingering.
     */
    public static final HttpLimits DEFAULTS = new HttpLimits(8192, 16384, 100, 64L << 20, 10, 1024, 4096, 64 << 10, 2,
            64 << 10);

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
    /** Upper bound of {@link #maxChunkLine()}: 64 KiB. */
    public static final int MAX_CHUNK_LINE = 64 << 10;
    /** Upper bound of {@link #maxTrailerBytes()}: 1 MiB. */
    public static final int MAX_TRAILER_BYTES = 1 << 20;
    /** Upper bound of {@link #discardBodyBytes()} and {@link #lingerBytes()}: 1 GiB. */
    public static final int MAX_DRAIN_BYTES = 1 << 30;
    /** Upper bound of {@link #lingerSecs()}: five minutes. */
    public static final int MAX_LINGER_SECS = 300;

    public HttpLimits {
        // Lower bounds: a request line shorter than "GET / HTTP/1.1" or no room for a Host
        // header cannot serve anything, so such values are mistakes, not policies; a chunk
        // line needs room for a size in hex, trailers for the empty line that ends them.
        check("http-max-request-line", maxRequestLine, 16, MAX_REQUEST_LINE);
        check("http-max-header-bytes", maxHeaderBytes, 64, MAX_HEADER_BYTES);
        check("http-max-header-count", maxHeaderCount, 1, MAX_HEADER_COUNT);
        check("http-max-body-bytes", maxBodyBytes, 0, MAX_BODY_BYTES);
        check("http-header-timeout-secs", headerTimeoutSecs, 1, MAX_HEADER_TIMEOUT_SECS);
        check("http-max-chunk-line", maxChunkLine, 32, MAX_CHUNK_LINE);
        check("http-max-trailer-bytes", maxTrailerBytes, 16, MAX_TRAILER_BYTES);
        check("http-discard-body-bytes", discardBodyBytes, 0, MAX_DRAIN_BYTES);
        check("http-linger-secs", lingerSecs, 0, MAX_LINGER_SECS);
        check("http-linger-bytes", lingerBytes, 0, MAX_DRAIN_BYTES);
    }

    /** A copy with {@link #maxRequestLine()} replaced. */
    public HttpLimits withMaxRequestLine(int bytes) {
        return new HttpLimits(bytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headerTimeoutSecs, maxChunkLine,
                maxTrailerBytes, discardBodyBytes, lingerSecs, lingerBytes);
    }

    /** A copy with {@link #maxHeaderBytes()} replaced. */
    public HttpLimits withMaxHeaderBytes(int bytes) {
        return new HttpLimits(maxRequestLine, bytes, maxHeaderCount, maxBodyBytes, headerTimeoutSecs, maxChunkLine,
                maxTrailerBytes, discardBodyBytes, lingerSecs, lingerBytes);
    }

    /** A copy with {@link #maxHeaderCount()} replaced. */
    public HttpLimits withMaxHeaderCount(int count) {
        return new HttpLimits(maxRequestLine, maxHeaderBytes, count, maxBodyBytes, headerTimeoutSecs, maxChunkLine,
                maxTrailerBytes, discardBodyBytes, lingerSecs, lingerBytes);
    }

    /** A copy with {@link #maxBodyBytes()} replaced. */
    public HttpLimits withMaxBodyBytes(long bytes) {
        return new HttpLimits(maxRequestLine, maxHeaderBytes, maxHeaderCount, bytes, headerTimeoutSecs, maxChunkLine,
                maxTrailerBytes, discardBodyBytes, lingerSecs, lingerBytes);
    }

    /** A copy with {@link #headerTimeoutSecs()} replaced. */
    public HttpLimits withHeaderTimeoutSecs(int secs) {
        return new HttpLimits(maxRequestLine, maxHeaderBytes, maxHeaderCount, maxBodyBytes, secs, maxChunkLine,
                maxTrailerBytes, discardBodyBytes, lingerSecs, lingerBytes);
    }

    /** A copy with {@link #maxChunkLine()} replaced. */
    public HttpLimits withMaxChunkLine(int bytes) {
        return new HttpLimits(maxRequestLine, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headerTimeoutSecs, bytes,
                maxTrailerBytes, discardBodyBytes, lingerSecs, lingerBytes);
    }

    /** A copy with {@link #maxTrailerBytes()} replaced. */
    public HttpLimits withMaxTrailerBytes(int bytes) {
        return new HttpLimits(maxRequestLine, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headerTimeoutSecs, maxChunkLine,
                bytes, discardBodyBytes, lingerSecs, lingerBytes);
    }

    /** A copy with {@link #discardBodyBytes()} replaced. */
    public HttpLimits withDiscardBodyBytes(int bytes) {
        return new HttpLimits(maxRequestLine, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headerTimeoutSecs, maxChunkLine,
                maxTrailerBytes, bytes, lingerSecs, lingerBytes);
    }

    /** A copy with {@link #lingerSecs()} replaced. */
    public HttpLimits withLingerSecs(int secs) {
        return new HttpLimits(maxRequestLine, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headerTimeoutSecs, maxChunkLine,
                maxTrailerBytes, discardBodyBytes, secs, lingerBytes);
    }

    /** A copy with {@link #lingerBytes()} replaced. */
    public HttpLimits withLingerBytes(int bytes) {
        return new HttpLimits(maxRequestLine, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headerTimeoutSecs, maxChunkLine,
                maxTrailerBytes, discardBodyBytes, lingerSecs, bytes);
    }

    private static void check(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be " + min + ".." + max + ", not " + value);
        }
    }
}
