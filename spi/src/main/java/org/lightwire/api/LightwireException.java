package org.lightwire.api;

/** A failure the platform reports to its caller, with a message naming what failed. */
public class LightwireException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LightwireException(String message) {
        super(message);
    }

    public LightwireException(String message, Throwable cause) {
        super(message, cause);
    }
}
