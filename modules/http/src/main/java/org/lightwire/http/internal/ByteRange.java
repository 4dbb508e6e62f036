package org.lightwire.http.internal;

/**
 * One satisfiable byte range of a representation, inclusive at both ends (RFC 9110
 * section 14.1.2 {@code first-pos "-" last-pos} after resolving against the length).
 */
public record ByteRange(long first, long last) {

    public ByteRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("bad range " + first + "-" + last);
        }
    }

    /** Bytes in the range. */
    public long length() {
        return last - first + 1;
    }

    /** The Content-Range value for this range of a {@code total}-byte representation. */
    public String contentRange(long total) {
        return "bytes " + first + "-" + last + "/" + total;
    }
}
