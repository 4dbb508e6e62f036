package org.lightwire.api.crypto;

/**
 * One AES encryption or decryption of one message (lws {@code lws_genaes_ctx}), created by
 * {@link CryptoBackend#aes}. Single use: after {@code doFinal} (or a failure) every call
 * throws {@link IllegalStateException}, so a GCM nonce cannot be reused by accident. Not
 * thread-safe.
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
}
