package org.lightwire.http.internal;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@code multipart/byteranges} response body for several ranges of one file (RFC 9110
 * section 14.6; lws' multipart range output in {@code lws_serve_http_file_fragment}): each
 * part has its own Content-Type and Content-Range, and the exact total length is known
 * before the first byte goes out, so the response needs no chunking.
 */
public final class MultipartRanges {

    private MultipartRanges() {
    }

    /** A fresh boundary: 32 random hex digits behind a fixed prefix, never found in practice in the parts. */
    public static String newBoundary() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "lightwire-" + Long.toHexString(r.nextLong() | Long.MIN_VALUE) + Long.toHexString(r.nextLong() | Long.MIN_VALUE);
    }

    /** The Content-Type of the response. */
    public static String contentType(String boundary) {
        return "multipart/byteranges; boundary=" + boundary;
    }

    /**
     * The body: for each range a delimiter line, the part's Content-Type (if {@code partType}
     * is not empty) and Content-Range, a blank line and the bytes; then the closing
     * delimiter.
     */
    public static SegmentedBody body(FileChannel file, long total, List<ByteRange> ranges, String partType, String boundary) {
        SegmentedBody.Builder b = new SegmentedBody.Builder(file);
        boolean firstPart = true;
        for (ByteRange r : ranges) {
            StringBuilder head = new StringBuilder(128);
            if (!firstPart) {
                head.append("\r\n");
            }
            firstPart = false;
            head.append("--").append(boundary).append("\r\n");
            if (!partType.isEmpty()) {
                head.append("Content-Type: ").append(partType).append("\r\n");
            }
            head.append("Content-Range: ").append(r.contentRange(total)).append("\r\n\r\n");
            b.block(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            b.region(r.first(), r.length());
        }
        b.block(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return b.build();
    }
}
