package org.lightwire.api.crypto;

/**
 * The Poly1305 one-time authenticator (RFC 8439 section 2.5), as OpenSSH's
 * chacha20-poly1305 uses it raw. A key authenticates one message only: after {@link #tag()}
 * or {@link #verify} the instance is spent and further calls throw
 * {@link IllegalStateException}. Not thread-safe.
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
}
