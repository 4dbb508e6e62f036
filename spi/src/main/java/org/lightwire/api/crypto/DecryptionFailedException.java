package org.lightwire.api.crypto;

/**
 * RSA decryption failed. Every cause — ciphertext length, value out of range, PKCS#1 v1.5
 * or OAEP padding — produces this one type with the one {@link #MESSAGE}, no cause and
 * after the same work, so a caller (and whoever watches it) learns nothing about which
 * check failed: no Bleichenbacher/Manger padding oracle.
 */
public final class DecryptionFailedException extends CryptoException {

    private static final long serialVersionUID = 1L;

    /** The only message this exception ever carries. */
    public static final String MESSAGE = "RSA decryption failed";

    public DecryptionFailedException() {
        super(MESSAGE);
    }

    /** No stack trace: filling one in costs time that could differ between causes. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
