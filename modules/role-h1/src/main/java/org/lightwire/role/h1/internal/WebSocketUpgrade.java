package org.lightwire.role.h1.internal;

import org.lightwire.api.http.HttpFields;

/**
 * Recognises a WebSocket opening handshake in a request head (RFC 6455 section 4.2.1) and
 * says what is wrong with one that is not acceptable, so h1 can answer it before handing
 * the connection to the "ws" role (lws {@code lws_process_ws_upgrade}). The ws role checks
 * the key and chooses the subprotocol; h1 needs only what decides whether to switch.
 */
final class WebSocketUpgrade {

    /** The only version RFC 6455 defines. */
    static final String VERSION = "13";

    private WebSocketUpgrade() {
    }

    /** Whether the head asks to switch to WebSocket: {@code Upgrade: websocket} and {@code Connection: upgrade}. */
    static boolean isRequested(HttpFields fields) {
        return hasToken(fields, "upgrade", "websocket") && hasToken(fields, "connection", "upgrade");
    }

    /**
     * What makes a requested upgrade unacceptable, or null if none: a method other than
     * GET, a version other than HTTP/1.1, a body, no key (400), or another protocol version
     * (426, answered with {@code Sec-WebSocket-Version: 13}, RFC 6455 section 4.4).
     */
    static Refusal refusal(RequestLine line, HttpFields fields, boolean hasBody) {
        if (!line.method().equals("GET")) {
            return new Refusal(400, "WebSocket upgrade with method " + line.method() + " (must be GET)");
        }
        if (line.minor() != 1) {
            return new Refusal(400, "WebSocket upgrade over HTTP/1." + line.minor() + " (must be HTTP/1.1)");
        }
        if (hasBody) {
            return new Refusal(400, "WebSocket upgrade request with a body");
        }
        if (fields.getAll("sec-websocket-key").size() != 1) {
            return new Refusal(400, "WebSocket upgrade without exactly one Sec-WebSocket-Key");
        }
        var versions = fields.getAll("sec-websocket-version");
        if (versions.size() != 1 || !versions.get(0).trim().equals(VERSION)) {
            return new Refusal(426, "WebSocket version " + versions + " is not supported (13 is)");
        }
        return null;
    }

    /** Why an upgrade request is refused, with the status to answer. */
    record Refusal(int status, String message) {
    }

    /** Whether a comma-separated header field holds {@code token}, case-insensitively. */
    private static boolean hasToken(HttpFields fields, String name, String token) {
        for (String value : fields.getAll(name)) {
            for (String t : value.split(",")) {
                if (t.trim().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }
}
