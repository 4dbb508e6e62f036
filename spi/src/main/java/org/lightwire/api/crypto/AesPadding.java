package org.lightwire.api.crypto;

/** Block padding for AES-CBC and AES-ECB (lws {@code enum enum_aes_padding}). */
public enum AesPadding {
    /** Input must be a whole number of 16-byte blocks. */
    NONE,
    /** PKCS#7 (RFC 5652 section 6.3): 1 to 16 bytes each holding the pad length. */
    PKCS7
}
