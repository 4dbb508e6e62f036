package org.lightwire.ssh.internal;

/**
 * A protocol violation that ends the connection with {@code SSH_MSG_DISCONNECT}: carries
 * the RFC 4253 11.1 reason code to send and a description for the peer and the log.
 */
final class SshProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int reason;

    SshProtocolException(int reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    int reason() {
        return reason;
    }
}
