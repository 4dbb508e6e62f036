package org.lightwire.plugin.rawtest;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.lightwire.api.Connection;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Options;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.Vhost;
import org.lightwire.api.VhostSettings;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.registry.FixedRegistry;
import org.lightwire.role.raw.RawFileRole;
import org.lightwire.role.raw.RawSocketRole;
import org.lightwire.role.raw.UdpRole;
import org.lightwire.spi.Role;

/**
 * A real context with the three raw roles and protocol-lws-raw-test, like lws'
 * raw-test server: vhost "raw" listens on 127.0.0.1 (ephemeral port) and hands every
 * accepted socket to the echo. Extra protocols can be installed next to it.
 */
final class RawServer implements AutoCloseable {

    final Context context;
    final Vhost vhost;

    private RawServer(ContextSettings.Builder settings, ProtocolProvider... extra) {
        FixedRegistry registry = new FixedRegistry().add(Role.class, new RawSocketRole())
                .add(Role.class, new RawFileRole()).add(Role.class, new UdpRole())
                .add(ProtocolProvider.class, new RawTestProvider());
        VhostSettings.Builder vhost = VhostSettings.builder("raw").port(0).iface("127.0.0.1").applyListenAccept(true)
                .listenAcceptRole(RawSocketRole.NAME).listenAcceptProtocol(RawTestProvider.NAME)
                .protocol(RawTestProvider.NAME, Options.EMPTY);
        for (ProtocolProvider p : extra) {
            registry.add(ProtocolProvider.class, p);
            vhost.protocol(p.name(), Options.EMPTY);
        }
        this.context = new CoreContextFactory(registry).create(settings.vhost(vhost.build()).build());
        this.vhost = context.vhosts().get(0);
    }

    static RawServer start(ProtocolProvider... extra) {
        return new RawServer(ContextSettings.builder(), extra);
    }

    static RawServer start(ContextSettings.Builder settings, ProtocolProvider... extra) {
        return new RawServer(settings, extra);
    }

    InetSocketAddress tcpAddress() {
        return (InetSocketAddress) vhost.listenAddresses().get(0);
    }

    /**
     * Asks {@code c}'s loop for something only readable there (an address, ...). Tasks run in
     * order, so this also waits for the connection's adoption queued before it.
     */
    static <T> T onLoop(Connection c, Supplier<T> question) throws Exception {
        CompletableFuture<T> answer = new CompletableFuture<>();
        c.loop().execute(() -> answer.complete(question.get()));
        return answer.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        context.close();
    }
}
