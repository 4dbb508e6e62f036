package org.lightwire.role.ws.codec;

/**
 * Close status codes (RFC 6455 §7.4.1, IANA "WebSocket Close Code Number Registry"),
 * the values lws names {@code LWS_CLOSE_STATUS_*}.
 */
public final class CloseCodes {
    public static final int NORMAL = 1000;
    public static final int GOING_AWAY = 1001;
    public static final int PROTOCOL_ERROR = 1002;
    public static final int UNSUPPORTED_DATA = 1003;
    /** Never on the wire: reported when a close frame had no payload. */
    public static final int NO_STATUS_RECEIVED = 1005;
    /** Never on the wire: reported when the connection dropped without a close frame. */
    public static final int ABNORMAL_CLOSURE = 1006;
    public static final int INVALID_PAYLOAD = 1007;
    public static final int POLICY_VIOLATION = 1008;
    public static final int MESSAGE_TOO_BIG = 1009;
    public static final int MANDATORY_EXTENSION = 1010;
    public static final int INTERNAL_ERROR = 1011;

    private CloseCodes() {
    }

    /**
     * Whether {@code code} may appear in a close frame. 1000-1003 and 1007-1014 are
     * registered for the wire; 1004 is reserved, 1005/1006/1015 are local-only, the rest of
     * 1000-2999 is unassigned, 3000-4999 belong to libraries and applications, and
     * everything else is invalid (§7.4.2).
     */
    public static boolean isValidOnWire(int code) {
        return (code >= 1000 && code <= 1003)
                || (code >= 1007 && code <= 1014)
                || (code >= 3000 && code <= 4999);
    }
}
