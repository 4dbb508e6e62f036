package org.lightwire.api.ws;

/** Thrown by {@link WsProtocol#newWsSession} to refuse an upgrade with an HTTP status. */
public final class WsRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    /** Refuses with 403 Forbidden. */
    public WsRefusedException(String reason) {
        this(403, reason);
    }

    /** Refuses with {@code status} (a 4xx or 5xx). */
    public WsRefusedException(int status, String reason) {
        super(reason);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("refusal status " + status + " is not 4xx or 5xx");
        }
        this.status = status;
    }

    public int status() {
        return status;
    }
}
