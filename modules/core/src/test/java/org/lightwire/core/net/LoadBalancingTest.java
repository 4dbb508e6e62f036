package org.lightwire.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Connection;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.probe.Loops;
import org.lightwire.core.probe.ProbeProtocol;
import org.lightwire.core.probe.ProbeRole;
import org.lightwire.core.probe.Servers;
import org.lightwire.core.probe.TcpPeer;
import org.lightwire.core.registry.FixedRegistry;
import org.lightwire.spi.Role;

/** count-threads > 1: one listen socket, accepted connections go to the least-loaded loop. */
class LoadBalancingTest {

    private final ProbeProtocol protocol = new ProbeProtocol().echo();
    private final List<TcpPeer> peers = new ArrayList<>();
    private Context context;

    @BeforeEach
    void start() {
        FixedRegistry registry = new FixedRegistry().add(Role.class, ProbeRole.withoutPing())
                .add(ProtocolProvider.class, protocol);
        context = new CoreContextFactory(registry).create(ContextSettings.builder().countThreads(2)
                .vhost(Servers.listenAccept("v", ProbeRole.NAME, ProbeProtocol.NAME)).build());
    }

    @AfterEach
    void stop() throws Exception {
        for (TcpPeer p : peers) {
            p.close();
        }
        context.close();
    }

    /** Connects a client and returns the loop the server put its connection on. */
    private int connectAndGetLoop() throws Exception {
        peers.add(TcpPeer.connect(Servers.address(context.vhosts().get(0))));
        return protocol.awaitOpened().loop().index();
    }

    @Test
    void acceptedConnectionsAreSpreadOverBothLoops() throws Exception {
        int[] perLoop = new int[2];
        for (int i = 0; i < 6; i++) {
            perLoop[connectAndGetLoop()]++;
        }

        assertEquals(3, perLoop[0], "least-loaded alternates between the loops");
        assertEquals(3, perLoop[1]);
        assertEquals(3, context.loops().get(0).connectionCount());
        assertEquals(3, context.loops().get(1).connectionCount());
        for (int i = 0; i < peers.size(); i++) {
            assertEquals("n" + i, peers.get(i).roundTrip("n" + i), "every loop serves its connections");
        }
    }

    @Test
    void newConnectionsGoToTheLoopWithFewerConnections() throws Exception {
        assertEquals(0, connectAndGetLoop());
        assertEquals(1, connectAndGetLoop());

        peers.get(1).close();
        Connection closed = protocol.awaitClosed();
        assertEquals(1, closed.loop().index());
        Loops.drain(context); // the close event has run; let the loop finish releasing it

        assertEquals(1, connectAndGetLoop(), "loop 1 is down to no connections");
        assertEquals(0, connectAndGetLoop(), "loads were 1 and 1: the first loop wins ties");
    }
}
