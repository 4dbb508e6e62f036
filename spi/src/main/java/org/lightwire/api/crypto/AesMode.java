package org.lightwire.api.crypto;

/**
 * The AES modes of the generic layer (lws {@code enum enum_aes_modes}), with the standard
 * each follows and the parameters {@link AesParameters} takes for it.
 */
public enum AesMode {
    /** SP 800-38A CBC; 16-byte IV; PKCS#7 padding or none. */
    CBC(true),
    /** SP 800-38A CFB with 128-bit segments; 16-byte IV; any length. */
    CFB128(true),
    /** SP 800-38A CFB with 8-bit segments; 16-byte IV; any length. */
    CFB8(true),
    /** SP 800-38A CTR; 16-byte initial counter block, the whole block increments; any length. */
    CTR(true),
    /** SP 800-38A ECB; no IV; PKCS#7 padding or none. */
    ECB(true),
    /** SP 800-38A OFB; 16-byte IV; any length. */
    OFB(true),
    /**
     * IEEE 1619 / SP 800-38E XTS with ciphertext stealing; a double-length key (32 or 64
     * bytes, two AES keys, which must differ); 16-byte tweak (the data-unit number, little
     * endian); one data unit of at least 16 bytes, processed whole at {@code doFinal}.
     */
    XTS(false),
    /**
     * SP 800-38D GCM; nonce of 1 or more bytes (12 recommended); tag of 12 to 16 bytes; AAD before data. Encryption output is ciphertext then
     * tag; decryption input is ciphertext then tag, and releases plaintext only from
     * {@code doFinal} after the tag verified.
     */
    GCM(false),
    /**
     * RFC 3394 key wrap with the default IV; input a multiple of 8 bytes, at least 16
     * (unwrap: at least 24); processed whole at {@code doFinal}; a failed integrity check is
     * an {@link AuthenticationFailedException}.
     */
    KW(false);

    private final boolean streamsOutput;

    AesMode(boolean streamsOutput) {
        this.streamsOutput = streamsOutput;
    }

    /**
     * Whether {@code update} returns output as data arrives. False for XTS and KW (whole
     * unit at the end) and GCM (decryption withholds plaintext until the tag verified).
     */
    public boolean streamsOutput() {
        return streamsOutput;
    }
}
