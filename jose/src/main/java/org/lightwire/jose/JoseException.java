package org.lightwire.jose;

import org.lightwire.api.LightwireException;

/**
 * A JOSE object, key or operation was refused. The subclasses say why in a way a caller can
 * act on (malformed input, a limit, a key that does not fit, an algorithm the policy does not
 * allow, a signature that does not verify); the message names the object and member.
 */
public class JoseException extends LightwireException {

    private static final long serialVersionUID = 1L;

    public JoseException(String message) {
        super(message);
    }

    public JoseException(String message, Throwable cause) {
        super(message, cause);
    }
}
