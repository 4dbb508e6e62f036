package org.lightwire.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Options;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.VhostSettings;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.probe.ProbeProtocol;
import org.lightwire.core.probe.ProbeRole;
import org.lightwire.core.probe.Servers;
import org.lightwire.core.probe.TcpPeer;
import org.lightwire.core.registry.FixedRegistry;
import org.lightwire.spi.Role;

/**
 * Protocol providers appear and disappear at run time (bundles coming and going): a departing
 * protocol's connections close cleanly and the server keeps running.
 */
class ProtocolComingAndGoingTest {

    private final ProbeProtocol protocol = new ProbeProtocol().echo();
    private final FixedRegistry registry = new FixedRegistry().add(Role.class, ProbeRole.withoutPing())
            .add(ProtocolProvider.class, protocol);
    private Context context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    private Context start(VhostSettings... vhosts) {
        ContextSettings.Builder b = ContextSettings.builder();
        for (VhostSettings v : vhosts) {
            b.vhost(v);
        }
        context = new CoreContextFactory(registry).create(b.build());
        return context;
    }

    @Test
    void removedProtocolHasItsConnectionsClosedAndIsDestroyed() throws Exception {
        start(Servers.listenAccept("v", ProbeRole.NAME, ProbeProtocol.NAME));
        try (TcpPeer a = TcpPeer.connect(Servers.address(context.vhosts().get(0)));
                TcpPeer b = TcpPeer.connect(Servers.address(context.vhosts().get(0)))) {
            assertEquals("a", a.roundTrip("a"));
            assertEquals("b", b.roundTrip("b"));

            registry.remove(ProtocolProvider.class, protocol);

            assertEquals(2, protocol.count("closed"), "close events ran before removal returned");
            assertEquals(1, protocol.instances().get(0).destroyCount());
            assertTrue(a.closedByServer());
            assertTrue(b.closedByServer());
            assertTrue(context.vhosts().get(0).protocol(ProbeProtocol.NAME).isEmpty());
        }
    }

    @Test
    void connectionsArriveWhileTheProtocolIsMissingAreRefused() throws Exception {
        start(Servers.listenAccept("v", ProbeRole.NAME, ProbeProtocol.NAME));
        registry.remove(ProtocolProvider.class, protocol);

        try (TcpPeer refused = TcpPeer.connect(Servers.address(context.vhosts().get(0)))) {
            assertTrue(refused.closedByServer());
        }
        assertEquals(0, protocol.count("opened"));
    }

    @Test
    void protocolAddedBackServesNewConnections() throws Exception {
        start(Servers.listenAccept("v", ProbeRole.NAME, ProbeProtocol.NAME));
        registry.remove(ProtocolProvider.class, protocol);

        registry.add(ProtocolProvider.class, protocol);

        try (TcpPeer again = TcpPeer.connect(Servers.address(context.vhosts().get(0)))) {
            assertEquals("back", again.roundTrip("back"));
        }
        List<ProbeProtocol.Instance> instances = protocol.instances();
        assertEquals(2, instances.size(), "a fresh instance for the re-installed provider");
        assertEquals(1, instances.get(0).destroyCount());
        assertEquals(0, instances.get(1).destroyCount());
    }

    @Test
    void vhostWhoseProtocolIsMissingRefusesWhileAnotherVhostKeepsServing() throws Exception {
        VhostSettings broken = VhostSettings.builder("broken").port(0).iface("127.0.0.1").applyListenAccept(true)
                .listenAcceptRole(ProbeRole.NAME).listenAcceptProtocol("not-installed")
                .protocol("not-installed", Options.EMPTY).build();
        start(broken, Servers.listenAccept("working", ProbeRole.NAME, ProbeProtocol.NAME));

        try (TcpPeer good = TcpPeer.connect(Servers.address(context.vhost("working").orElseThrow()))) {
            try (TcpPeer refused = TcpPeer.connect(Servers.address(context.vhost("broken").orElseThrow()))) {
                assertTrue(refused.closedByServer());
            }
            assertEquals("fine", good.roundTrip("fine"));
        }
        assertEquals(1, protocol.count("opened"));
    }

    @Test
    void anotherInstalledProviderOfTheSameNameTakesOverWhenTheServingOneLeaves() throws Exception {
        start(Servers.listenAccept("v", ProbeRole.NAME, ProbeProtocol.NAME));
        ProbeProtocol standby = new ProbeProtocol().echo();
        registry.add(ProtocolProvider.class, standby);

        registry.remove(ProtocolProvider.class, protocol);

        try (TcpPeer next = TcpPeer.connect(Servers.address(context.vhosts().get(0)))) {
            assertEquals("standby", next.roundTrip("standby"));
        }
        assertEquals(1, standby.count("opened"), "the standby provider serves new connections");
        assertEquals(0, protocol.count("opened"));
    }

    @Test
    void removingAProviderOfTheSameNameThatIsNotServingChangesNothing() throws Exception {
        start(Servers.listenAccept("v", ProbeRole.NAME, ProbeProtocol.NAME));
        ProbeProtocol sameName = new ProbeProtocol().echo();
        registry.add(ProtocolProvider.class, sameName); // the vhost keeps the provider it has
        try (TcpPeer a = TcpPeer.connect(Servers.address(context.vhosts().get(0)))) {
            assertEquals("a", a.roundTrip("a"));

            registry.remove(ProtocolProvider.class, sameName);

            assertEquals("still", a.roundTrip("still"));
            assertEquals(0, protocol.instances().get(0).destroyCount());
            assertTrue(sameName.instances().isEmpty());
        }
    }
}
