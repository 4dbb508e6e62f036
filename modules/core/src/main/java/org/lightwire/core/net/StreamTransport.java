package org.lightwire.core.net;

import java.io.IOException;
import java.nio.ByteBuffer;

/** A transport carrying a byte stream. */
public interface StreamTransport extends Transport {

    /**
     * Reads what is available into {@code dst} without blocking.
     *
     * @return bytes read, 0 if none, -1 at end of stream
     */
    int read(ByteBuffer dst) throws IOException;

    /** Writes as much of {@code src} as possible without blocking; returns the count. */
    int write(ByteBuffer src) throws IOException;

    /** Sends end of stream, keeping input open; transports without half-close do nothing. */
    default void shutdownOutput() throws IOException {
    }
}
