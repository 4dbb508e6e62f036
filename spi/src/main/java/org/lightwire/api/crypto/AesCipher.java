package org.lightwire.api.crypto;

/**
 * One AES encryption or decryption of one message (lws {@code lws_genaes_ctx}), created by
 * {@link CryptoBackend#aes}. One message at a time: after {@code doFinal} (or a failure)
 * every call but {@link #reset(byte[])} throws {@link IllegalStateException}; the next
 * message needs a new IV through {@code reset} (which refuses to repeat a GCM encryption
 * nonce) or a new cipher. Not thread-safe.
 *
 * <p>Incremental where the mode allows ({@link AesMode#streamsOutput()}); otherwise
 * {@code update} only collects input and {@code doFinal} produces everything. When
 * {@code doFinal} fails (tag, integrity check, padding, length) it throws, returns nothing
 * and leaves no plaintext in {@code out}.
 */
public interface AesCipher {

    AesParameters parameters();

    CipherDirection direction();

    /**
     * Adds additional authenticated data (GCM only; all AAD before any data).
     * {@link BadParameterException} for other modes, {@link IllegalStateException} after data.
     */
    void updateAad(byte[] aad, int offset, int length);

    default void updateAad(byte[] aad) {
        updateAad(aad, 0, aad.length);
    }

    /**
     * An upper bound of the bytes the next {@code update} or {@code doFinal} with
     * {@code inputLength} more bytes writes.
     */
    int outputSize(int inputLength);

    /**
     * Processes input; returns how many bytes went to {@code out}, which must have room for
     * {@link #outputSize(int) outputSize(length)} bytes from {@code outOffset}
     * ({@link BadParameterException} otherwise, before anything is processed).
     */
    int update(byte[] in, int inOffset, int length, byte[] out, int outOffset);

    /** Processes input; returns the output produced now (possibly empty). */
    byte[] update(byte[] in);

    /** Processes the last input and finishes; returns how many bytes went to {@code out} (room as for {@code update}). */
    int doFinal(byte[] in, int inOffset, int length, byte[] out, int outOffset);

    /** Processes the last input (may be empty) and finishes; returns the remaining output. */
    byte[] doFinal(byte[] in);

    /** Finishes with no more input. */
    default byte[] doFinal() {
        return doFinal(new byte[0]);
    }

    /**
     * Starts a new message under the same key, direction, mode, padding and tag length with
     * IV (nonce, counter block, tweak) {@code iv}, read and not retained: afterwards this
     * cipher behaves exactly like a fresh {@link CryptoBackend#aes} with those parameters and
     * this IV. Allowed in any state: after {@code doFinal}, after a failure, or abandoning a
     * message half-way (whose output so far is then void). The OpenSSL analogue is
     * {@code EVP_CipherInit_ex(ctx, NULL, NULL, NULL, iv, -1)}; lws' {@code lws_genaes} has
     * none (destroy and create). {@link #parameters()} keeps the creation parameters.
     *
     * <p>{@code iv} must have the length the mode's {@link AesParameters} factory requires
     * (16 bytes for CBC, CFB, OFB and CTR; 1 to 1024 for GCM); ECB takes {@code null}. GCM
     * encryption refuses the nonce of the message just before (a repeated GCM key and nonce
     * gives away the authentication key; OpenSSH's aes-gcm increments its invocation counter
     * per packet, so its nonces always differ). XTS and key wrap cannot be re-initialised
     * (create a new cipher). Each of these is a {@link BadParameterException}; after one
     * the cipher is finished until a {@code reset} succeeds.
     *
     * @since package version 1.1
     */
    default void reset(byte[] iv) {
        throw new UnsupportedOperationException(getClass().getName() + " does not implement AesCipher.reset (SPI 1.1)");
    }
}
