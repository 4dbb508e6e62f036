package org.lightwire.api.crypto;

/**
 * The Poly1305 one-time authenticator (RFC 8439 section 2.5), as OpenSSH's
 * chacha20-poly1305 uses it raw. A key authenticates one message only: after {@link #tag()}
 * or {@link #verify} the instance is spent and further calls throw
 * {@link IllegalStateException}, until {@link #reset(byte[])} gives it the next message's
 * key. Not thread-safe.
 */
public interface Poly1305 {

    /** Tag length in bytes. */
    int TAG_LENGTH = 16;

    void update(byte[] data, int offset, int length);

    default void update(byte[] data) {
        update(data, 0, data.length);
    }

    /** The 16-byte tag. */
    byte[] tag();

    /** Whether the tag equals {@code expected}, compared in time independent of their contents. */
    boolean verify(byte[] expected);

    /**
     * Writes the 16-byte tag to {@code out} at {@code offset}: {@link #tag()} without the
     * returned array, for callers that put the tag straight into a packet. Spends the key
     * like {@code tag()}. {@link BadParameterException} (and nothing spent) if {@code out}
     * has no room for 16 bytes at {@code offset}. OpenSSL: {@code EVP_MAC_final} into a
     * caller buffer.
     *
     * @since package version 1.1
     */
    default void tag(byte[] out, int offset) {
        if (out == null || offset < 0 || out.length - offset < TAG_LENGTH) {
            throw new BadParameterException("Poly1305: output needs room for " + TAG_LENGTH + " bytes at offset " + offset
                    + ", array has " + (out == null ? "none" : out.length));
        }
        System.arraycopy(tag(), 0, out, offset, TAG_LENGTH);
    }

    /**
     * Whether the tag equals the 16 bytes of {@code expected} at {@code offset}, compared in
     * time independent of their contents: {@link #verify(byte[])} without copying the
     * expected tag out of a packet first. Spends the key. {@link BadParameterException} (and
     * nothing spent) if fewer than 16 bytes follow {@code offset}.
     *
     * @since package version 1.1
     */
    default boolean verify(byte[] expected, int offset) {
        if (expected == null || offset < 0 || expected.length - offset < TAG_LENGTH) {
            throw new BadParameterException("Poly1305: expected tag needs " + TAG_LENGTH + " bytes at offset " + offset
                    + ", array has " + (expected == null ? "none" : expected.length));
        }
        return verify(java.util.Arrays.copyOfRange(expected, offset, offset + TAG_LENGTH));
    }

    /**
     * Re-keys this authenticator for the next message with the one-time {@code key} (32
     * bytes, r then s; read, not retained): afterwards it behaves exactly like a fresh
     * {@link CryptoBackend#poly1305(byte[])}, whether or not the previous key was spent. This
     * is how chacha20-poly1305 uses one instance per direction with a new key per packet.
     * OpenSSL analogue: {@code EVP_MAC_init(ctx, key, 32, NULL)} on the same context; lws
     * has none. A key that is not 32 bytes is a {@link BadKeyException}, as at creation, and
     * leaves the instance as it was.
     *
     * @since package version 1.1
     */
    default void reset(byte[] key) {
        throw new UnsupportedOperationException(getClass().getName() + " does not implement Poly1305.reset (SPI 1.1)");
    }
}
