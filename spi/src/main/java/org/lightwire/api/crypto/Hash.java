package org.lightwire.api.crypto;

import java.nio.ByteBuffer;

/**
 * An incremental hash computation (lws {@code lws_genhash_ctx}). Not thread-safe: one
 * computation on one thread. After {@link #digest()} it is reset and can be reused.
 */
public interface Hash {

    HashAlgorithm algorithm();

    void update(byte[] data, int offset, int length);

    default void update(byte[] data) {
        update(data, 0, data.length);
    }

    /** Hashes the buffer's remaining bytes and advances its position to its limit. */
    void update(ByteBuffer data);

    /** Finishes, returns the digest and resets. */
    byte[] digest();

    /**
     * Finishes into {@code out} at {@code offset} without allocating and resets; returns
     * {@link HashAlgorithm#digestLength()}. {@link BadParameterException} if it does not fit.
     */
    int digest(byte[] out, int offset);

    /** Forgets everything hashed so far. */
    void reset();
}
