package org.lightwire.http;

import java.nio.ByteBuffer;
import java.util.Objects;

/** {@link ResponseBody#ofBytes}: a body held in memory, sent in scratch-buffer sized slices. */
final class BytesBody implements ResponseBody {

    private final byte[] bytes;
    private int sent;

    BytesBody(byte[] bytes) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public long length() {
        return bytes.length;
    }

    @Override
    public long sendNext(BodyOutput out) {
        if (sent == bytes.length) {
            return -1;
        }
        ByteBuffer buffer = out.buffer();
        int n = Math.min(buffer.remaining(), bytes.length - sent);
        buffer.put(bytes, sent, n).flip();
        out.send(buffer);
        sent += n;
        return n;
    }

    @Override
    public boolean copyWholeInto(ByteBuffer dst) {
        if (sent != 0 || bytes.length > dst.remaining()) {
            return false;
        }
        dst.put(bytes);
        sent = bytes.length;
        return true;
    }

    @Override
    public void close() {
        sent = bytes.length;
    }
}
