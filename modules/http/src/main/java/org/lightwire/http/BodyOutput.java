package org.lightwire.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * What the role offers a {@link ResponseBody} in one writeable event (lws: the
 * {@code lws_write(LWS_WRITE_HTTP)} / zero-copy file path of an HTTP wsi). Implemented by
 * the role over its {@link org.lightwire.spi.RoleBinding} (h1) or stream (h2).
 */
public interface BodyOutput {

    /**
     * Sends up to {@code count} bytes of {@code file} from {@code position}, zero-copy where
     * the transport allows (plain sockets).
     * @return bytes sent, maybe 0 when the transport is full
     */
    long sendFile(FileChannel file, long position, long count) throws IOException;

    /**
     * A scratch buffer (cleared, capacity at least 16 KiB) the body may fill, flip and pass
     * to {@link #send}. Owned by the role and reused across events: nothing may keep it.
     */
    ByteBuffer buffer();

    /** Sends all remaining bytes of {@code data}; what the socket does not take now is kept by core. */
    void send(ByteBuffer data);
}
