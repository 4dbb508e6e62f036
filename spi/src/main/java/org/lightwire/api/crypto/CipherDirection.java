package org.lightwire.api.crypto;

/** Whether a cipher encrypts or decrypts (lws {@code LWS_GAESO_ENC}/{@code LWS_GAESO_DEC}). */
public enum CipherDirection {
    ENCRYPT,
    DECRYPT
}
