package org.lightwire.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.Vhost;
import org.lightwire.api.VhostStats;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.embedded.EmbeddedConnection;
import org.lightwire.core.probe.ProbeProtocol;
import org.lightwire.core.probe.ProbeRole;
import org.lightwire.core.probe.Servers;
import org.lightwire.core.probe.TcpPeer;
import org.lightwire.core.registry.FixedRegistry;
import org.lightwire.spi.Role;
import org.lightwire.spi.RoleBinding;

/** A vhost's traffic counters (lws {@code conn_stats}: rx, tx, h1_conn, h1_trans, ws_upg, rejected). */
class VhostStatsTest {

    @Test
    void bytesReadAndWrittenAreCountedOnTheVhost() {
        ProbeProtocol echo = new ProbeProtocol().echo();
        try (EmbeddedConnection c = EmbeddedConnection.builder(ProbeRole.withoutPing(), echo).build()) {
            Vhost vhost = c.connection().vhost();
            assertEquals(VhostStats.EMPTY, vhost.stats(), "a new vhost counts nothing");

            c.writeInbound("hello");
            assertEquals("hello", c.readOutboundString());
            c.writeInbound("abc");
            assertEquals("abc", c.readOutboundString());

            VhostStats s = vhost.stats();
            assertEquals(8, s.rxBytes());
            assertEquals(8, s.txBytes());
        }
    }

    @Test
    void acceptedConnectionsAreCounted() {
        ProbeProtocol echo = new ProbeProtocol().echo();
        ContextSettings settings = ContextSettings.builder()
                .vhost(Servers.listenAccept("v", ProbeRole.NAME, ProbeProtocol.NAME)).build();
        try (EmbeddedConnection first = EmbeddedConnection.accepting(ProbeRole.withoutPing(), settings, echo).build()) {
            first.accept();
            first.accept();

            VhostStats s = first.connection().vhost().stats();
            assertEquals(3, s.connectionsAccepted());
            assertEquals(0, s.connectionsRejected());
        }
    }

    @Test
    void roleEventsAreCountedOncePerCall() {
        try (EmbeddedConnection c = EmbeddedConnection.builder(ProbeRole.withoutPing(), new ProbeProtocol()).build()) {
            RoleBinding binding = (RoleBinding) c.connection();
            c.run(() -> {
                binding.count(VhostStats.Event.HTTP_TRANSACTION);
                binding.count(VhostStats.Event.HTTP_TRANSACTION);
                binding.count(VhostStats.Event.WS_UPGRADE);
            });

            VhostStats s = c.connection().vhost().stats();
            assertEquals(2, s.httpTransactions());
            assertEquals(1, s.wsUpgrades());
        }
    }

    @Test
    void connectionsOverTheIpLimitAreCountedAsRejected() throws Exception {
        ProbeProtocol echo = new ProbeProtocol().echo();
        FixedRegistry registry = new FixedRegistry().add(Role.class, ProbeRole.withoutPing())
                .add(ProtocolProvider.class, echo);
        Context context = new CoreContextFactory(registry).create(ContextSettings.builder().ipLimitWsi(1)
                .vhost(Servers.listenAccept("v", ProbeRole.NAME, ProbeProtocol.NAME)).build());
        try (TcpPeer a = TcpPeer.connect(Servers.address(context.vhosts().get(0)))) {
            assertEquals("a", a.roundTrip("a"));
            try (TcpPeer b = TcpPeer.connect(Servers.address(context.vhosts().get(0)))) {
                assertTrue(b.closedByServer(), "the second connection from 127.0.0.1 is over ip-limit-wsi");
            }
            VhostStats s = context.vhosts().get(0).stats();
            assertEquals(1, s.connectionsAccepted());
            assertEquals(1, s.connectionsRejected());
            assertEquals(1, s.rxBytes());
            assertEquals(1, s.txBytes());
        } finally {
            context.close();
        }
    }
}
