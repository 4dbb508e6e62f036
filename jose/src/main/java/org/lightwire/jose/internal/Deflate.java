package org.lightwire.jose.internal;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.lightwire.jose.JoseLimitException;
import org.lightwire.jose.MalformedJoseException;

/**
 * The JWE {@code "zip":"DEF"} compression (RFC 7516 section 4.1.3): raw DEFLATE (RFC 1951, no
 * zlib or gzip wrapper). Inflating stops as soon as the output would pass the limit, so a
 * decompression bomb costs at most the limit in memory and the work to reach it.
 */
public final class Deflate {

    private static final int CHUNK = 8192;

    private Deflate() {
    }

    public static byte[] compress(byte[] data) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            d.setInput(data);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 2));
            byte[] buf = new byte[CHUNK];
            while (!d.finished()) {
                int n = d.deflate(buf);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    /**
     * The inflated data; {@link JoseLimitException} once it would exceed {@code maxBytes},
     * {@link MalformedJoseException} if it is not one complete raw DEFLATE stream (corrupt,
     * truncated, or followed by other bytes).
     */
    public static byte[] decompress(byte[] data, int maxBytes) {
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, Math.max(64, data.length * 4)));
            byte[] buf = new byte[CHUNK];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0) {
                    if (inf.needsInput()) {
                        throw new MalformedJoseException("JWE: the compressed plaintext is a truncated DEFLATE stream");
                    }
                    if (inf.needsDictionary()) {
                        throw new MalformedJoseException("JWE: the compressed plaintext asks for a preset dictionary");
                    }
                }
                if ((long) out.size() + n > maxBytes) {
                    throw new JoseLimitException("JWE: the decompressed plaintext exceeds the limit of " + maxBytes
                            + " bytes (decompression bomb refused)");
                }
                out.write(buf, 0, n);
            }
            if (inf.getRemaining() != 0) {
                throw new MalformedJoseException("JWE: " + inf.getRemaining() + " bytes follow the compressed plaintext");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new MalformedJoseException("JWE: the compressed plaintext is not valid DEFLATE: " + e.getMessage());
        } finally {
            inf.end();
        }
    }
}
