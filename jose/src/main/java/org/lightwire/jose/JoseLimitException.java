package org.lightwire.jose;

/**
 * The input is larger or deeper than a {@link JoseLimits} allows (header, payload, whole
 * object, JSON nesting, signatures per object). Raised before the oversized part is decoded.
 */
public class JoseLimitException extends MalformedJoseException {

    private static final long serialVersionUID = 1L;

    public JoseLimitException(String message) {
        super(message);
    }

    public JoseLimitException(String message, Throwable cause) {
        super(message, cause);
    }
}
