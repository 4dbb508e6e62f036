package org.lightwire.role.rawproxy;

import org.lightwire.api.ClientRequest;
import org.lightwire.api.LightwireException;
import org.lightwire.api.Protocol;
import org.lightwire.api.raw.RawProtocol;
import org.lightwire.spi.Role;
import org.lightwire.spi.RoleBinding;
import org.lightwire.spi.RoleHandler;

/**
 * The "raw-proxy" role (lws role raw-proxy). lws' role is raw-skt with callbacks of its
 * own name; here it also carries what the raw family's API lacks and a proxy needs: the
 * peer's end of stream as an event that keeps the connection open, and this side's
 * half-close. Bound to protocol "raw-proxy" a connection is one end of a {@link Relay};
 * bound to any other raw protocol it behaves exactly like raw-skt, so lws configs naming
 * {@code "listen-accept-role": "raw-proxy"} with a protocol of their own keep working.
 */
public final class RawProxyRole implements Role {

    public static final String NAME = "raw-proxy";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RoleHandler bind(RoleBinding binding) {
        Protocol protocol = binding.protocol();
        if (protocol == null && !binding.connection().isClient()) {
            // handed over by an http(s) role (fallback-listen-accept), which binds no protocol
            String name = binding.connection().vhost().settings().listenAcceptProtocol()
                    .orElseThrow(() -> new LightwireException("vhost '" + binding.connection().vhost().name()
                            + "': role '" + NAME + "' got a connection but the vhost sets no listen-accept-protocol"));
            protocol = binding.bindProtocol(name).orElseThrow(() -> new LightwireException("vhost '"
                    + binding.connection().vhost().name() + "': listen-accept-protocol '" + name
                    + "' is not enabled or not installed"));
        }
        if (protocol instanceof RawProxyProtocol proxy) {
            if (binding.connection().isClient()) {
                Object owner = binding.clientRequest().map(ClientRequest::userData).orElse(null);
                if (!(owner instanceof Relay relay)) {
                    throw new LightwireException("role '" + NAME + "' with protocol 'raw-proxy' makes its own onward"
                            + " connections; other client connections cannot use it");
                }
                return new ProxyHandler(binding, relay);
            }
            return new ProxyHandler(binding, proxy);
        }
        if (protocol instanceof RawProtocol raw) {
            return new PlainRawHandler(binding, raw);
        }
        throw new LightwireException("role '" + NAME + "' needs a raw protocol, but '"
                + binding.connection().protocolName() + "' does not implement RawProtocol");
    }
}
