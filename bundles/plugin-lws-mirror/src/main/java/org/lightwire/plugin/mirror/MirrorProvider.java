package org.lightwire.plugin.mirror;

import org.lightwire.api.Options;
import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.Vhost;

/**
 * "lws-mirror-protocol", the analogue of lws' mirror plugin: every message a connection
 * sends is relayed to every connection of the same mirror instance, the sender included.
 * The instance is named by the upgrade URL's {@code ?mirror=name} (default ""). Each
 * instance relays through a bounded ring; see {@link MirrorInstance} for how slow readers
 * are handled. Options (lws pvo) are listed in {@link MirrorSettings}.
 */
public final class MirrorProvider implements ProtocolProvider {

    public static final String NAME = "lws-mirror-protocol";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Protocol create(Vhost vhost, Options options) {
        return new MirrorProtocol(vhost.name(), MirrorSettings.from(vhost.name(), options));
    }
}
