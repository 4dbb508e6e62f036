package org.lightwire.api;

/**
 * Limits the HTTP server applies to every request it parses, every connection it ends and
 * every file it reads for a request. lws fixes these at build time (its header-table sizes,
 * {@code LWS_MAX_HEADER_LEN}...); Lightwire makes them global config keys, a Lightwire
 * extension: {@code "http-max-request-line"},
 * {@code "http-max-header-bytes"},
 * {@code "http-max-header-count"},
 * {@code "http-max-body-bytes"},
 * {@code "http-header-timeout-secs"},
 * {@code "http-max-chunk-line"},
 * {@code "http-max-trailer-bytes"},
 * {@code "http-discard-body-bytes"},
 * {@code "http-linger-secs"},
 * {@code "http-linger-bytes"},
 * {@code "http-max-range-parts"},
 * {@code "http-max-zip-directory-bytes"},
 * {@code "http-max-credentials-file-bytes"},
 * {@code "http-access-log-queue-lines"}.
 * Made with {@link #builder()} or {@link #toBuilder()}; every value is range-checked, the
 * refusal naming its config key.
 *
 * @param maxRequestLine longest request line accepted, in bytes (else 414)
 * @param maxHeaderBytes most bytes of header fields (request line excluded) per request (else 431)
 * @param maxHeaderCount most header fields per request (else 431)
 * @param maxBodyBytes largest request body accepted, in bytes (else 413); 0 refuses every body
 * @param headerTimeoutSecs seconds a client may take to send the complete request head (slowloris protection)
 * @param maxChunkLine longest chunk-size line of a chunked body, extensions included (else 400)
 * @param maxTrailerBytes most bytes of trailer fields after a chunked body, the empty line that ends it included (else 400)
 * @param discardBodyBytes most bytes of a request body nobody read that are drained to keep the connection for the next request; a longer one closes it (0: always close)
 * @param lingerSecs how long a connection closing with unread input keeps reading and dropping it, so the peer sees the response rather than a reset (0: close at once)
 * @param lingerBytes most bytes dropped while lingering
 * @param maxRangeParts most ranges of one Range request served as a multipart answer (more: the whole file)
 * @param maxZipDirectoryBytes largest central directory of a zip mount's archive read into memory (larger: the mount fails)
 * @param maxCredentialsFileBytes largest basic-auth credentials file read (larger: authentication fails closed)
 * @param accessLogQueueLines access-log lines queued for the writer thread; more are dropped and counted
 */
public record HttpLimits(int maxRequestLine, int maxHeaderBytes, int maxHeaderCount, long maxBodyBytes, int headerTimeoutSecs, int maxChunkLine, int maxTrailerBytes, int discardBodyBytes, int lingerSecs, int lingerBytes, int maxRangeParts, int maxZipDirectoryBytes, int maxCredentialsFileBytes, int accessLogQueueLines) {

    /**
     * 8 KiB request line, 16 KiB of headers, 100 headers, 64 MiB body, 10 s for the head,
     * 1 KiB chunk lines, 4 KiB of trailers, 64 KiB drained, 2 s and 64 KiB of lingering,
     * 16 ranges, a 16 MiB zip directory, a 1 MiB credentials file, 8192 queued log lines.
     */
    public static final HttpLimits DEFAULTS = builder().build();

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
    /** Upper bound of {@link #maxRangeParts()}. */
    public static final int MAX_RANGE_PARTS = 1024;
    /** Upper bound of {@link #maxZipDirectoryBytes()}: 1 GiB. */
    public static final int MAX_ZIP_DIRECTORY_BYTES = 1 << 30;
    /** Upper bound of {@link #maxCredentialsFileBytes()}: 64 MiB. */
    public static final int MAX_CREDENTIALS_FILE_BYTES = 64 << 20;
    /** Upper bound of {@link #accessLogQueueLines()}. */
    public static final int MAX_ACCESS_LOG_QUEUE_LINES = 1 << 20;

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
        check("http-max-range-parts", maxRangeParts, 1, MAX_RANGE_PARTS);
        check("http-max-zip-directory-bytes", maxZipDirectoryBytes, 64 << 10, MAX_ZIP_DIRECTORY_BYTES);
        check("http-max-credentials-file-bytes", maxCredentialsFileBytes, 1024, MAX_CREDENTIALS_FILE_BYTES);
        check("http-access-log-queue-lines", accessLogQueueLines, 16, MAX_ACCESS_LOG_QUEUE_LINES);
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these limits. */
    public Builder toBuilder() {
        return new Builder()
                .maxRequestLine(maxRequestLine)
                .maxHeaderBytes(maxHeaderBytes)
                .maxHeaderCount(maxHeaderCount)
                .maxBodyBytes(maxBodyBytes)
                .headerTimeoutSecs(headerTimeoutSecs)
                .maxChunkLine(maxChunkLine)
                .maxTrailerBytes(maxTrailerBytes)
                .discardBodyBytes(discardBodyBytes)
                .lingerSecs(lingerSecs)
                .lingerBytes(lingerBytes)
                .maxRangeParts(maxRangeParts)
                .maxZipDirectoryBytes(maxZipDirectoryBytes)
                .maxCredentialsFileBytes(maxCredentialsFileBytes)
                .accessLogQueueLines(accessLogQueueLines);
    }

    private static void check(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be " + min + ".." + max + ", not " + value);
        }
    }

    /** Collects limits; {@link #build()} checks them. */
    public static final class Builder {
        private int maxRequestLine = 8192;
        private int maxHeaderBytes = 16384;
        private int maxHeaderCount = 100;
        private long maxBodyBytes = 64L << 20;
        private int headerTimeoutSecs = 10;
        private int maxChunkLine = 1024;
        private int maxTrailerBytes = 4096;
        private int discardBodyBytes = 64 << 10;
        private int lingerSecs = 2;
        private int lingerBytes = 64 << 10;
        private int maxRangeParts = 16;
        private int maxZipDirectoryBytes = 16 << 20;
        private int maxCredentialsFileBytes = 1 << 20;
        private int accessLogQueueLines = 8192;

        private Builder() {
        }

        /** {@code "http-max-request-line"}. */
        public Builder maxRequestLine(int value) {
            this.maxRequestLine = value;
            return this;
        }

        /** {@code "http-max-header-bytes"}. */
        public Builder maxHeaderBytes(int value) {
            this.maxHeaderBytes = value;
            return this;
        }

        /** {@code "http-max-header-count"}. */
        public Builder maxHeaderCount(int value) {
            this.maxHeaderCount = value;
            return this;
        }

        /** {@code "http-max-body-bytes"}. */
        public Builder maxBodyBytes(long value) {
            this.maxBodyBytes = value;
            return this;
        }

        /** {@code "http-header-timeout-secs"}. */
        public Builder headerTimeoutSecs(int value) {
            this.headerTimeoutSecs = value;
            return this;
        }

        /** {@code "http-max-chunk-line"}. */
        public Builder maxChunkLine(int value) {
            this.maxChunkLine = value;
            return this;
        }

        /** {@code "http-max-trailer-bytes"}. */
        public Builder maxTrailerBytes(int value) {
            this.maxTrailerBytes = value;
            return this;
        }

        /** {@code "http-discard-body-bytes"}. */
        public Builder discardBodyBytes(int value) {
            this.discardBodyBytes = value;
            return this;
        }

        /** {@code "http-linger-secs"}. */
        public Builder lingerSecs(int value) {
            this.lingerSecs = value;
            return this;
        }

        /** {@code "http-linger-bytes"}. */
        public Builder lingerBytes(int value) {
            this.lingerBytes = value;
            return this;
        }

        /** {@code "http-max-range-parts"}. */
        public Builder maxRangeParts(int value) {
            this.maxRangeParts = value;
            return this;
        }

        /** {@code "http-max-zip-directory-bytes"}. */
        public Builder maxZipDirectoryBytes(int value) {
            this.maxZipDirectoryBytes = value;
            return this;
        }

        /** {@code "http-max-credentials-file-bytes"}. */
        public Builder maxCredentialsFileBytes(int value) {
            this.maxCredentialsFileBytes = value;
            return this;
        }

        /** {@code "http-access-log-queue-lines"}. */
        public Builder accessLogQueueLines(int value) {
            this.accessLogQueueLines = value;
            return this;
        }

        /** The limits; {@link IllegalArgumentException} naming the config key of a value out of range. */
        public HttpLimits build() {
            return new HttpLimits(maxRequestLine, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headerTimeoutSecs, maxChunkLine, maxTrailerBytes, discardBodyBytes, lingerSecs, lingerBytes, maxRangeParts, maxZipDirectoryBytes, maxCredentialsFileBytes, accessLogQueueLines);
        }
    }
}
