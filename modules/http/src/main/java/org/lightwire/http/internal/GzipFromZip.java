package org.lightwire.http.internal;

import java.nio.channels.FileChannel;

/**
 * Sends a deflated zip member to a gzip-capable client as it is stored (lws fops-zip's
 * "send the gzip from inside the zip" path): a gzip member (RFC 1952) is a 10-byte header,
 * the same raw deflate data a zip holds, and an 8-byte trailer of CRC-32 and the
 * uncompressed size mod 2^32, both of which the central directory already gives. So the
 * response is header + the zip's bytes sent zero-copy + trailer, with
 * {@code Content-Encoding: gzip}; nothing is compressed or decompressed here.
 */
public final class GzipFromZip {

    /** The gzip header: magic, deflate, no flags, no mtime, no extra flags, OS unknown. */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private GzipFromZip() {
    }

    /** Bytes of the gzip stream for a member of {@code compressedSize} deflate bytes. */
    public static long length(long compressedSize) {
        return HEADER.length + compressedSize + 8;
    }

    /** The body: header, {@code compressedSize} bytes of {@code zip} from {@code dataOffset}, trailer. */
    public static SegmentedBody body(FileChannel zip, long dataOffset, long compressedSize, long crc32, long size) {
        byte[] trailer = new byte[8];
        putIntLittleEndian(trailer, 0, crc32);
        putIntLittleEndian(trailer, 4, size);
        return new SegmentedBody.Builder(zip)
                .block(HEADER)
                .region(dataOffset, compressedSize)
                .block(trailer)
                .build();
    }

    private static void putIntLittleEndian(byte[] b, int at, long v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
