package org.lightwire.plugin.dumbincrement;

import org.lightwire.api.Options;
import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.Vhost;

/**
 * "dumb-increment-protocol", the analogue of lws' dumb-increment plugin: each WebSocket
 * connection gets its own counter, sent as decimal text every period and then incremented.
 * Options (lws pvo): {@code options} bit 0 stops the periodic sending (as lws), {@code period-ms}
 * (default 50, lws' {@code DUMB_PERIOD_US}), {@code max-message-size} (default 128).
 */
public final class DumbIncrementProvider implements ProtocolProvider {

    public static final String NAME = "dumb-increment-protocol";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Protocol create(Vhost vhost, Options options) {
        return new DumbIncrementProtocol(DumbIncrementSettings.from(vhost.name(), options));
    }
}
