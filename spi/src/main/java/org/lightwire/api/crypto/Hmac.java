package org.lightwire.api.crypto;

import java.nio.ByteBuffer;

/**
 * An incremental HMAC (RFC 2104; lws {@code lws_genhmac_ctx}) with a fixed key. Not
 * thread-safe. After {@link #mac()} or {@link #verify} it is reset to the same key and can
 * be reused.
 */
public interface Hmac {

    HashAlgorithm algorithm();

    void update(byte[] data, int offset, int length);

    default void update(byte[] data) {
        update(data, 0, data.length);
    }

    /** MACs the buffer's remaining bytes and advances its position to its limit. */
    void update(ByteBuffer data);

    /** Finishes, returns the full-length MAC and resets. */
    byte[] mac();

    /** Finishes into {@code out} at {@code offset}, returns the MAC length, resets. */
    int mac(byte[] out, int offset);

    /**
     * Finishes and compares with {@code expected} in time independent of where they differ.
     * A truncated {@code expected} (at least 10 bytes and half the MAC, RFC 2104 section 5)
     * is compared with the MAC's leading bytes; a shorter one never matches.
     */
    boolean verify(byte[] expected);

    void reset();
}
