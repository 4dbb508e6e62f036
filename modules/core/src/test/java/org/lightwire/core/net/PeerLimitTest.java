package org.lightwire.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.probe.ProbeProtocol;
import org.lightwire.core.probe.ProbeRole;
import org.lightwire.core.probe.Servers;
import org.lightwire.core.probe.TcpPeer;
import org.lightwire.core.registry.FixedRegistry;
import org.lightwire.spi.Role;

/** lws {@code ip_limit_wsi}: a hard per-IP limit, the extra connection is dropped at once. */
class PeerLimitTest {

    private final ProbeProtocol protocol = new ProbeProtocol().echo();
    private Context context;

    @BeforeEach
    void start() {
        FixedRegistry registry = new FixedRegistry().add(Role.class, ProbeRole.withoutPing())
                .add(ProtocolProvider.class, protocol);
        context = new CoreContextFactory(registry).create(ContextSettings.builder().ipLimitWsi(2)
                .vhost(Servers.listenAccept("v", ProbeRole.NAME, ProbeProtocol.NAME)).build());
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private TcpPeer connect() throws Exception {
        return TcpPeer.connect(Servers.address(context.vhosts().get(0)));
    }

    @Test
    void connectionOverTheLimitIsClosedAtOnceAndTheOthersKeepWorking() throws Exception {
        try (TcpPeer a = connect(); TcpPeer b = connect()) {
            assertEquals("a", a.roundTrip("a"));
            assertEquals("b", b.roundTrip("b"));

            try (TcpPeer c = connect()) {
                assertTrue(c.closedByServer(), "third connection from 127.0.0.1 must be dropped");
            }

            assertEquals("a2", a.roundTrip("a2"));
            assertEquals("b2", b.roundTrip("b2"));
            assertEquals(2, protocol.count("opened"), "the dropped connection never reached the protocol");
        }
    }

    @Test
    void closingAConnectionAdmitsANewOne() throws Exception {
        try (TcpPeer a = connect()) {
            try (TcpPeer b = connect()) {
                assertEquals("b", b.roundTrip("b"));
            }
            protocol.awaitOpened();
            protocol.awaitOpened();
            protocol.awaitClosed(); // b's slot is free once the server has seen it go

            try (TcpPeer c = connect()) {
                assertEquals("c", c.roundTrip("c"), "below the limit again");
            }
            assertEquals("a", a.roundTrip("a"));
        }
    }
}
