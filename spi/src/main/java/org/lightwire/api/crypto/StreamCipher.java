package org.lightwire.api.crypto;

/**
 * A keystream cipher over one key and nonce (ChaCha20): encryption and decryption are the
 * same XOR. Incremental: data may arrive in pieces of any size and the keystream continues
 * where it stopped. Not thread-safe. Running past the last counter value is a
 * {@link BadInputException}. One instance may serve many messages under its key through
 * {@link #reset}, so a per-packet user allocates nothing.
 */
public interface StreamCipher {

    /** XORs {@code length} bytes of {@code in} with the keystream into {@code out} (may be the same array and offset). */
    void update(byte[] in, int inOffset, int length, byte[] out, int outOffset);

    default byte[] update(byte[] in) {
        byte[] out = new byte[in.length];
        update(in, 0, in.length, out, 0);
        return out;
    }

    /**
     * Starts a new keystream under the same key: afterwards this cipher produces exactly what
     * a fresh {@link CryptoBackend#chacha20(byte[], byte[], long) chacha20(key, nonce, counter)}
     * would, whatever it did before (including running out of keystream). The OpenSSL analogue
     * is {@code EVP_CipherInit_ex(ctx, NULL, NULL, NULL, iv, -1)}, which keeps the key and
     * loads a new counter-and-nonce block; lws has none (it destroys and re-creates).
     *
     * <p>{@code nonce} is read, not retained, and must have the length this cipher was
     * created with (the nonce length picks the counter layout, which stays); {@code counter}
     * must fit that layout's counter as at creation. Otherwise {@link BadParameterException}
     * and the cipher is left as it was. Backends implement this without allocating beyond
     * what their underlying library's own re-initialisation does.
     *
     * @since package version 1.1
     */
    default void reset(byte[] nonce, long counter) {
        throw new UnsupportedOperationException(getClass().getName() + " does not implement StreamCipher.reset (SPI 1.1)");
    }
}
