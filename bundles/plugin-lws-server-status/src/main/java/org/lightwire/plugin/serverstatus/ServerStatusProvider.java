package org.lightwire.plugin.serverstatus;

import org.lightwire.api.Options;
import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.Vhost;

/**
 * "lws-server-status", the analogue of lws' server-status plugin: WebSocket clients receive
 * the server's state as JSON ({@code {"i": {...}, "files": [...]}}) when they connect and
 * every {@code update-ms}. Options (lws pvo) are described in {@link ServerStatusSettings}.
 */
public final class ServerStatusProvider implements ProtocolProvider {

    public static final String NAME = "lws-server-status";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Protocol create(Vhost vhost, Options options) {
        ServerStatusSettings settings = ServerStatusSettings.from(vhost.name(), options);
        return new ServerStatusProtocol(settings, new StatusReport(vhost, settings, new SystemProbe()));
    }
}
