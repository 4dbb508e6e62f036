package org.lightwire.http.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.lightwire.http.BodyOutput;
import org.lightwire.http.ResponseBody;

/**
 * A body that is one region of an open file, sent with {@link BodyOutput#sendFile} (lws
 * {@code lws_serve_http_file_fragment}; zero-copy on plain sockets). Owns the channel and
 * closes it. Nothing is allocated per writeable event.
 */
public final class FileRegionBody implements ResponseBody {

    private final FileChannel file;
    private final long position;
    private final long count;
    private long sent;
    private boolean closed;

    /** Sends {@code count} bytes of {@code file} starting at {@code position}. */
    public FileRegionBody(FileChannel file, long position, long count) {
        this.file = file;
        this.position = position;
        this.count = count;
    }

    @Override
    public long length() {
        return count;
    }

    @Override
    public long sendNext(BodyOutput out) throws IOException {
        if (sent == count) {
            return -1;
        }
        long n = out.sendFile(file, position + sent, count - sent);
        if (n == 0) {
            requireNotShrunk(file, position + count);
        }
        sent += n;
        return n;
    }

    /**
     * A transfer that moved nothing is either a full transport or a file that lost bytes
     * since its length went out in the header; the latter must fail, or the role would wait
     * for bytes that never come.
     */
    static void requireNotShrunk(FileChannel file, long end) throws IOException {
        long size = file.size();
        if (size < end) {
            throw new IOException("file shrank to " + size + " bytes while being served (needed " + end + ")");
        }
    }

    @Override
    public boolean copyWholeInto(ByteBuffer dst) throws IOException {
        if (sent != 0 || count > dst.remaining()) {
            return false;
        }
        int start = dst.position();
        int limit = dst.limit();
        dst.limit(start + (int) count); // read exactly the region, not what else the buffer has room for
        try {
            long at = position;
            while (dst.hasRemaining()) {
                int n = file.read(dst, at);
                if (n < 0) {
                    dst.position(start);
                    throw new IOException("file shrank while being served (needed " + (position + count) + " bytes)");
                }
                at += n;
            }
        } finally {
            dst.limit(limit);
        }
        sent = count;
        return true;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            file.close();
        }
    }
}
