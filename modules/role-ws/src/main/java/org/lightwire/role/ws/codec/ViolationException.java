package org.lightwire.role.ws.codec;

/**
 * The peer broke a WebSocket wire rule: the connection must be failed with
 * {@link #closeCode()} (RFC 6455 §7.1.7). Thrown only on failure, never on the hot path.
 */
public final class ViolationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Violation violation;

    public ViolationException(Violation violation, String detail) {
        super(violation.description() + (detail == null ? "" : ": " + detail));
        this.violation = violation;
    }

    public ViolationException(Violation violation) {
        this(violation, null);
    }

    /** Which rule was broken. */
    public Violation violation() {
        return violation;
    }

    /** The close code to fail the connection with. */
    public int closeCode() {
        return violation.closeCode();
    }
}
