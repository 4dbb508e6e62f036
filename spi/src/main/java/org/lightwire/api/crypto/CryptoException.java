package org.lightwire.api.crypto;

import org.lightwire.api.LightwireException;

/**
 * A crypto operation failed. The subclasses say why in a way a caller can act on; this
 * class itself is thrown only for failures inside the backend that no input could have
 * caused (a JDK provider missing, say), with the cause attached.
 */
public class CryptoException extends LightwireException {

    private static final long serialVersionUID = 1L;

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
