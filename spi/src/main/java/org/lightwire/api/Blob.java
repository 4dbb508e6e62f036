package org.lightwire.api;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * An arbitrary binary object of known total length (lws {@code lws_system_blob}): either
 * pointing directly at existing bytes, or built incrementally from chunks appended on the
 * heap. Reading works the same either way, whole or in parts from an offset.
 *
 * <p>Thread-safe.
 */
public interface Blob {

    /** Points the blob at {@code data}'s remaining bytes without copying; drops heap chunks. */
    void setDirect(ByteBuffer data);

    /** Copies {@code length} bytes onto the end of the blob's heap chunks. */
    void append(byte[] data, int offset, int length);

    /** Empties the blob. */
    void clear();

    /** Total length in bytes. */
    long size();

    /**
     * Copies bytes starting at {@code offset} into {@code destination} (as many as fit and
     * exist), advancing its position.
     *
     * @return the number of bytes copied, 0 at or past the end
     * @throws IndexOutOfBoundsException if {@code offset} is negative
     */
    int read(long offset, ByteBuffer destination);

    /**
     * A read-only view of the whole blob when it is one direct buffer or one heap chunk,
     * avoiding a copy (lws {@code lws_system_blob_get_single_ptr}).
     */
    Optional<ByteBuffer> singleBuffer();
}
