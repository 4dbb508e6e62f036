package org.lightwire.plugin.serverstatus;

import java.nio.charset.StandardCharsets;
import org.lightwire.api.ws.WebSocket;
import org.lightwire.api.ws.WsLimits;
import org.lightwire.api.ws.WsProtocol;
import org.lightwire.api.ws.WsSession;

/**
 * One vhost's lws-server-status (lws {@code struct vhd}): the latest report, rebuilt at most
 * once per {@code update-ms} however many clients there are, and only while someone is
 * connected (each client's own timer asks for it).
 */
final class ServerStatusProtocol implements WsProtocol {

    /** Clients only listen; lws reads 1024-byte chunks and ignores them. */
    private static final WsLimits LIMITS = new WsLimits(1024, true, 0);

    private final ServerStatusSettings settings;
    private final StatusReport report;
    private byte[] latest;
    private long latestNanos;
    private long builds;

    ServerStatusProtocol(ServerStatusSettings settings, StatusReport report) {
        this.settings = settings;
        this.report = report;
    }

    @Override
    public WsSession newWsSession(WebSocket socket) {
        return new StatusListener(this, settings.updateMicros());
    }

    @Override
    public WsLimits limits() {
        return LIMITS;
    }

    /**
     * The report to send: rebuilt when older than a period (or when {@code fresh}: lws builds
     * one for each newcomer).
     */
    synchronized byte[] report(boolean fresh) {
        long now = System.nanoTime();
        if (latest == null || fresh || now - latestNanos >= settings.updateMicros() * 1000 - 1_000_000) {
            latest = report.render().getBytes(StandardCharsets.UTF_8);
            latestNanos = now;
            builds++;
        }
        return latest;
    }

    synchronized long builds() {
        return builds;
    }
}
