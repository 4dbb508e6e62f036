package org.lightwire.http.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.lightwire.http.BodyOutput;
import org.lightwire.http.ResponseBody;

/**
 * A deflated zip member inflated on the fly for a client that does not take gzip (lws
 * fops-zip's inflate path): memory is bounded by one input buffer of compressed bytes
 * (and the inflater's own window), output goes straight into the role's scratch buffer.
 *
 * <p>The body promises exactly the declared uncompressed size (it is the Content-Length)
 * and enforces it: data that would inflate past it (a decompression bomb, or a central
 * directory that lies) fails, as do data that end early, are corrupt, or whose CRC-32
 * disagrees with the directory's. A failure after bytes went out can only close the
 * connection, which is what the role does with the {@link IOException}.
 */
public final class InflatingBody implements ResponseBody {

    /** Size of the compressed-input buffer unless the member is smaller. */
    public static final int INPUT_BUFFER_BYTES = 16 * 1024;

    private final FileChannel zip;
    private final long dataOffset;
    private final long compressedSize;
    private final long size;
    private final long crc32;
    private final String name;
    private final Inflater inflater = new Inflater(true);
    private final ByteBuffer input;
    private final CRC32 crc = new CRC32();
    private final byte[] probe = new byte[1];
    private long consumed;
    private long produced;
    private boolean dummyByteGiven;
    private boolean done;
    private boolean closed;

    /**
     * @param name the member's name, for error messages
     */
    public InflatingBody(FileChannel zip, long dataOffset, long compressedSize, long size, long crc32, String name) {
        this.zip = zip;
        this.dataOffset = dataOffset;
        this.compressedSize = compressedSize;
        this.size = size;
        this.crc32 = crc32;
        this.name = name;
        this.input = ByteBuffer.allocate((int) Math.max(1, Math.min(INPUT_BUFFER_BYTES, compressedSize + 1)));
    }

    @Override
    public long length() {
        return size;
    }

    @Override
    public long sendNext(BodyOutput out) throws IOException {
        if (done) {
            return -1;
        }
        if (produced == size) {
            finish();
            return -1;
        }
        ByteBuffer dst = out.buffer();
        int start = dst.position();
        dst.limit(start + (int) Math.min(dst.remaining(), size - produced));
        try {
            while (dst.hasRemaining()) {
                if (inflater.needsInput()) {
                    fill();
                }
                int n = inflater.inflate(dst);
                if (n == 0) {
                    if (inflater.finished()) {
                        throw new IOException(name + ": inflates to " + (produced + dst.position() - start)
                                + " bytes, fewer than the declared " + size);
                    }
                    if (inflater.needsDictionary()) {
                        throw new IOException(name + ": deflate data asks for a preset dictionary");
                    }
                }
            }
        } catch (DataFormatException e) {
            throw new IOException(name + ": corrupt deflate data: " + e.getMessage(), e);
        }
        int written = dst.position() - start;
        dst.flip();
        dst.position(start);
        crc.update(dst);
        dst.position(start);
        produced += written;
        if (produced == size) {
            finish();
        }
        out.send(dst);
        return written;
    }

    /** All declared bytes are out: the stream must end here and its CRC must match. */
    private void finish() throws IOException {
        try {
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    fill();
                }
                if (inflater.inflate(probe) > 0) {
                    throw new IOException(name + ": inflates to more than the declared " + size
                            + " bytes (decompression bomb or lying zip directory)");
                }
                if (inflater.needsDictionary()) {
                    throw new IOException(name + ": deflate data asks for a preset dictionary");
                }
            }
        } catch (DataFormatException e) {
            throw new IOException(name + ": corrupt deflate data: " + e.getMessage(), e);
        }
        if (crc.getValue() != crc32) {
            throw new IOException(name + ": CRC-32 " + Long.toHexString(crc.getValue())
                    + " does not match the zip directory's " + Long.toHexString(crc32));
        }
        done = true;
    }

    /** Refills the input buffer from the member's compressed bytes. */
    private void fill() throws IOException {
        input.clear();
        long left = compressedSize - consumed;
        if (left == 0) {
            // zlib may want one byte past the raw deflate stream (java.util.zip.Inflater
            // docs, "nowrap"); ZipFile gives it a zero byte, and so do we, once.
            if (dummyByteGiven) {
                throw new IOException(name + ": deflate data end before the stream does (truncated member)");
            }
            dummyByteGiven = true;
            input.put((byte) 0).flip();
            inflater.setInput(input);
            return;
        }
        input.limit((int) Math.min(input.capacity(), left));
        while (input.hasRemaining()) {
            int n = zip.read(input, dataOffset + consumed + input.position());
            if (n < 0) {
                throw new IOException(name + ": zip file shrank while being served");
            }
        }
        consumed += input.position();
        input.flip();
        inflater.setInput(input);
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            inflater.end();
            zip.close();
        }
    }
}
