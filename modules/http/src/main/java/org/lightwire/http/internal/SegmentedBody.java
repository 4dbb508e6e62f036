package org.lightwire.http.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import org.lightwire.http.BodyOutput;
import org.lightwire.http.ResponseBody;

/**
 * A body made of fixed byte blocks and regions of one file, in order: the shape of a
 * multipart/byteranges body (part heads between file ranges) and of a gzip stream built
 * around deflate data stored in a zip (header, data, trailer). One transport operation
 * per {@link #sendNext}: a block goes through the role's scratch buffer, a file region
 * through {@link BodyOutput#sendFile}. Owns the channel.
 */
public final class SegmentedBody implements ResponseBody {

    private final FileChannel file;
    // per segment: bytes != null for a block, else a file region [position, position + count)
    private final byte[][] blocks;
    private final long[] positions;
    private final long[] counts;
    private final long length;
    private int segment;
    private long doneInSegment;
    private boolean closed;

    private SegmentedBody(FileChannel file, byte[][] blocks, long[] positions, long[] counts) {
        this.file = file;
        this.blocks = blocks;
        this.positions = positions;
        this.counts = counts;
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        this.length = total;
    }

    /** Builds a {@link SegmentedBody}. */
    public static final class Builder {
        private final FileChannel file;
        private final List<byte[]> blocks = new ArrayList<>();
        private final List<long[]> regions = new ArrayList<>();

        public Builder(FileChannel file) {
            this.file = file;
        }

        /** Appends fixed bytes. */
        public Builder block(byte[] bytes) {
            if (bytes.length > 0) {
                blocks.add(bytes);
                regions.add(null);
            }
            return this;
        }

        /** Appends {@code count} bytes of the file from {@code position}. */
        public Builder region(long position, long count) {
            if (count > 0) {
                blocks.add(null);
                regions.add(new long[] {position, count});
            }
            return this;
        }

        public SegmentedBody build() {
            int n = blocks.size();
            byte[][] b = new byte[n][];
            long[] p = new long[n];
            long[] c = new long[n];
            for (int i = 0; i < n; i++) {
                b[i] = blocks.get(i);
                if (b[i] != null) {
                    c[i] = b[i].length;
                } else {
                    p[i] = regions.get(i)[0];
                    c[i] = regions.get(i)[1];
                }
            }
            return new SegmentedBody(file, b, p, c);
        }
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public long sendNext(BodyOutput out) throws IOException {
        while (segment < counts.length && doneInSegment == counts[segment]) {
            segment++;
            doneInSegment = 0;
        }
        if (segment == counts.length) {
            return -1;
        }
        long n;
        byte[] block = blocks[segment];
        if (block != null) {
            ByteBuffer buffer = out.buffer();
            int take = (int) Math.min(buffer.remaining(), counts[segment] - doneInSegment);
            buffer.put(block, (int) doneInSegment, take).flip();
            out.send(buffer);
            n = take;
        } else {
            long end = positions[segment] + counts[segment];
            n = out.sendFile(file, positions[segment] + doneInSegment, counts[segment] - doneInSegment);
            if (n == 0) {
                FileRegionBody.requireNotShrunk(file, end);
            }
        }
        doneInSegment += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            file.close();
        }
    }
}
