package org.lightwire.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Options;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.VhostSettings;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.loop.EventLoop;
import org.lightwire.core.probe.Loops;
import org.lightwire.core.probe.ProbeProtocol;
import org.lightwire.core.probe.ProbeRole;
import org.lightwire.core.probe.Servers;
import org.lightwire.core.probe.TcpPeer;
import org.lightwire.core.registry.FixedRegistry;
import org.lightwire.spi.Role;

/**
 * What each loop serves, as lws-server-status' per-thread fd count needs it: listen sockets
 * (one per socket, however many vhosts share it) apart from connections.
 */
class LoopSocketCountsTest {

    private final ProbeProtocol protocol = new ProbeProtocol().echo();

    @Test
    void listenSocketsAreCountedOnTheAcceptLoopApartFromConnections() throws Exception {
        int shared;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            shared = s.getLocalPort();
        }
        FixedRegistry registry = new FixedRegistry().add(Role.class, ProbeRole.withoutPing())
                .add(ProtocolProvider.class, protocol);
        Context context = new CoreContextFactory(registry).create(ContextSettings.builder().countThreads(2)
                .vhost(onPort("a", shared)).vhost(onPort("b", shared))
                .vhost(Servers.listenAccept("c", ProbeRole.NAME, ProbeProtocol.NAME)).build());
        try {
            EventLoop zero = (EventLoop) context.loops().get(0);
            EventLoop one = (EventLoop) context.loops().get(1);
            assertEquals(2, zero.listenerCount(), "a and b share one socket, c has its own");
            assertEquals(0, one.listenerCount());

            try (TcpPeer peer = TcpPeer.connect(Servers.address(context.vhosts().get(2)))) {
                assertEquals("x", peer.roundTrip("x"));
                int loop = protocol.awaitOpened().loop().index();
                Loops.drain(context);
                assertEquals(loop == 0 ? 1 : 0, zero.connectionCount());
                assertEquals(loop == 1 ? 1 : 0, one.connectionCount());
                assertEquals(2, zero.listenerCount(), "a connection is not a listener");

                context.deprecate(() -> { });

                assertEquals(0, zero.listenerCount(), "deprecated: no longer listening");
                assertEquals(1, zero.connectionCount() + one.connectionCount(), "but still serving");
            }
        } finally {
            context.close();
        }
    }

    private static VhostSettings onPort(String name, int port) {
        return VhostSettings.builder(name).port(port).iface("127.0.0.1").applyListenAccept(true)
                .listenAcceptRole(ProbeRole.NAME).listenAcceptProtocol(ProbeProtocol.NAME)
                .protocol(ProbeProtocol.NAME, Options.EMPTY).build();
    }
}
