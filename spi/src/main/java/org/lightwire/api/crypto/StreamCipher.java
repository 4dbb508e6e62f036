package org.lightwire.api.crypto;

/**
 * A keystream cipher over one key and nonce (ChaCha20): encryption and decryption are the
 * same XOR. Incremental: data may arrive in pieces of any size and the keystream continues
 * where it stopped. Not thread-safe. Running past the last counter value is a
 * {@link BadInputException}.
 */
public interface StreamCipher {

    /** XORs {@code length} bytes of {@code in} with the keystream into {@code out} (may be the same array and offset). */
    void update(byte[] in, int inOffset, int length, byte[] out, int outOffset);

    default byte[] update(byte[] in) {
        byte[] out = new byte[in.length];
        update(in, 0, in.length, out, 0);
        return out;
    }
}
