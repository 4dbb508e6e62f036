package org.lightwire.plugin.status;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.lightwire.api.ws.WebSocket;
import org.lightwire.api.ws.WsLimits;
import org.lightwire.api.ws.WsProtocol;
import org.lightwire.api.ws.WsSession;

/**
 * One vhost's lws-status (lws {@code per_vhost_data__lws_status}): the live clients and the
 * JSON list of them. The list is rebuilt at most once per change, and only when a client is
 * about to send it; clients on any loop share it, so the state is locked.
 */
final class StatusProtocol implements WsProtocol {

    static final int DEFAULT_MAX_LISTED = 1000;
    /** lws keeps the user agent in a 256-byte buffer and says "unknown" when it does not fit. */
    static final int MAX_UA_CHARS = 255;
    /** The clients only talk to us to keep the link up; lws reads 512-byte chunks and ignores them. */
    private static final WsLimits LIMITS = new WsLimits(512, true, 0);

    private final String version;
    private final String hostname;
    private final int maxListed;
    private final List<StatusSession> live = new ArrayList<>();
    private byte[] snapshot;

    StatusProtocol(String version, String hostname, int maxListed) {
        this.version = version;
        this.hostname = hostname;
        this.maxListed = maxListed;
    }

    @Override
    public WsSession newWsSession(WebSocket socket) {
        String ua = socket.upgradeRequest().flatMap(r -> r.headers().get("user-agent")).orElse("unknown");
        return new StatusSession(this, peerOf(socket), ua.length() > MAX_UA_CHARS ? "unknown" : ua);
    }

    private static String peerOf(WebSocket socket) {
        SocketAddress a = socket.connection().peerAddress().orElse(null);
        if (a instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return "unknown";
    }

    @Override
    public WsLimits limits() {
        return LIMITS;
    }

    void arrived(StatusSession session) {
        synchronized (live) {
            live.add(0, session); // lws puts the newest first
            snapshot = null;
        }
        resendToAll();
    }

    void left(StatusSession session) {
        boolean removed;
        synchronized (live) {
            removed = live.remove(session);
            if (removed) {
                snapshot = null;
            }
        }
        if (removed) {
            resendToAll();
        }
    }

    /** lws {@code trigger_resend}: everyone sends the list again (after the one under way). */
    private void resendToAll() {
        StatusSession[] all;
        synchronized (live) {
            all = live.toArray(new StatusSession[0]);
        }
        for (StatusSession s : all) {
            s.resend();
        }
    }

    /** The current list as UTF-8 JSON. */
    byte[] snapshot() {
        synchronized (live) {
            if (snapshot == null) {
                snapshot = render().getBytes(StandardCharsets.UTF_8);
            }
            return snapshot;
        }
    }

    private String render() {
        StringBuilder sb = new StringBuilder(128 + Math.min(live.size(), maxListed) * 96);
        sb.append("{ \"version\":\"");
        Json.escape(sb, version).append("\", \"wss_over_h2\":\"0\", \"hostname\":\"");
        Json.escape(sb, hostname).append("\", \"wsi\":\"").append(live.size()).append("\", \"conns\":[");
        int n = 0;
        for (StatusSession s : live) {
            if (n == maxListed) {
                break;
            }
            if (n++ > 0) {
                sb.append(',');
            }
            sb.append("{\"peer\":\"");
            Json.escape(sb, s.peer()).append("\",\"time\":\"").append(s.establishedEpochSecs()).append("\",\"ua\":\"");
            Json.escape(sb, s.userAgent()).append("\"}");
        }
        return sb.append("]}").toString();
    }

    int liveCount() {
        synchronized (live) {
            return live.size();
        }
    }
}
