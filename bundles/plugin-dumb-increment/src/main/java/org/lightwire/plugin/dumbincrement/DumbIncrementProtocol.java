package org.lightwire.plugin.dumbincrement;

import org.lightwire.api.ws.WebSocket;
import org.lightwire.api.ws.WsLimits;
import org.lightwire.api.ws.WsProtocol;
import org.lightwire.api.ws.WsSession;

/** One vhost's dumb-increment-protocol (lws per-vhost data): creates a {@link Counter} per connection. */
final class DumbIncrementProtocol implements WsProtocol {

    private final DumbIncrementSettings settings;
    private final WsLimits limits;

    DumbIncrementProtocol(DumbIncrementSettings settings) {
        this.settings = settings;
        this.limits = new WsLimits(settings.maxMessageBytes(), true, 0);
    }

    @Override
    public WsSession newWsSession(WebSocket socket) {
        return new Counter(settings);
    }

    @Override
    public WsLimits limits() {
        return limits;
    }
}
