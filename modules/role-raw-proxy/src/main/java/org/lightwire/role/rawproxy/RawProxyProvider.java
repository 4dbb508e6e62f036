package org.lightwire.role.rawproxy;

import org.lightwire.api.Options;
import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.Vhost;

/**
 * Publishes protocol "raw-proxy" (lws plugin protocol_lws_raw_proxy). A vhost enables it
 * in {@code ws-protocols} with the option {@code "onward": "ipv4:127.0.0.1:22"} and binds
 * accepted connections to it with {@code "listen-accept-role": "raw-proxy"} and
 * {@code "listen-accept-protocol": "raw-proxy"}, plus {@code "apply-listen-accept"} (every
 * connection) or {@code "fallback-listen-accept"} (connections that are not http(s)).
 */
public final class RawProxyProvider implements ProtocolProvider {

    public static final String NAME = "raw-proxy";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Protocol create(Vhost vhost, Options options) {
        return new RawProxyProtocol(vhost, options);
    }
}
