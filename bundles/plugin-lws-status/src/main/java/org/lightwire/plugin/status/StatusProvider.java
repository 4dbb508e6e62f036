package org.lightwire.plugin.status;

import org.lightwire.api.Options;
import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.Vhost;

/**
 * "lws-status", the analogue of lws' lws-status plugin: every client of the protocol on a
 * vhost receives the JSON list of all of them ({@code {"version", "wss_over_h2", "hostname",
 * "wsi", "conns": [{"peer", "time", "ua"}]}}) when it connects and again whenever a client
 * comes or goes. Options (lws pvo): {@code max-listed} (default 1000) caps the entries in
 * {@code conns} — {@code wsi} still counts every client — so the message stays bounded.
 */
public final class StatusProvider implements ProtocolProvider {

    public static final String NAME = "lws-status";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Protocol create(Vhost vhost, Options options) {
        int maxListed;
        try {
            maxListed = options.intValue("max-listed", StatusProtocol.DEFAULT_MAX_LISTED);
            if (maxListed < 0 || maxListed > 1_000_000) {
                throw new IllegalArgumentException("option 'max-listed' must be 0..1000000, not " + maxListed);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("vhost '" + vhost.name() + "', protocol " + NAME + ": " + e.getMessage(), e);
        }
        return new StatusProtocol(ServerIdentity.version(vhost), ServerIdentity.hostname(), maxListed);
    }
}
