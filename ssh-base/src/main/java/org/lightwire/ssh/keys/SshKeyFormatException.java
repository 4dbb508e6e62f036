package org.lightwire.ssh.keys;

/** A key file or authorized_keys line that is not valid, with where and why. */
public final class SshKeyFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public SshKeyFormatException(String message) {
        super(message);
    }
}
