package org.lightwire.http;

import java.io.Closeable;
import java.io.IOException;

/**
 * A response body the role sends in writeable events, exactly {@link #length()} bytes (lws:
 * the file-serving state of an HTTP wsi, {@code lws_serve_http_file_fragment}). One
 * transport operation per call keeps the writeable discipline: the role calls
 * {@link #sendNext} once per writeable event until it returns -1, then (or on a connection
 * close) {@link #close()}. Loop thread only.
 */
public interface ResponseBody extends Closeable {

    /** The exact number of bytes this body sends; what the role frames Content-Length from. */
    long length();

    /**
     * Performs at most ONE transport operation through {@code out}: one
     * {@link BodyOutput#sendFile} or one {@link BodyOutput#send} of up to
     * {@code out.buffer()} bytes.
     *
     * @return bytes handed to the transport (0 if it is full: the role waits for the next
     *         writeable event), or -1 once the whole body has been sent
     * @throws IOException if the source fails or turns out not to hold what was promised
     *         (file shrank, zip data corrupt or inflating past its declared size): the role
     *         closes the connection, as the length is already on the wire
     */
    long sendNext(BodyOutput out) throws IOException;

    /**
     * Copies the whole body into {@code dst} if it fits in {@code dst}'s remaining space and
     * nothing has been sent yet, so a small body can travel in the same transport operation
     * as the response head (one packet instead of two). Returns false, leaving {@code dst}
     * as it was, when the body cannot do that; then the role sends it with
     * {@link #sendNext}. After true, the body is complete.
     *
     * @throws IOException as for {@link #sendNext}
     */
    default boolean copyWholeInto(java.nio.ByteBuffer dst) throws IOException {
        return false;
    }

    /** Releases the file or inflater behind the body; idempotent. */
    @Override
    void close() throws IOException;

    /** A body held in memory (e.g. an error page); sends {@code bytes} without copying them first. */
    static ResponseBody ofBytes(byte[] bytes) {
        return new BytesBody(bytes);
    }
}
