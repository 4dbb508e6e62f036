package org.lightwire.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.LightwireException;
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
 * lwsws' SIGHUP reload: the successor takes the listen socket over, the predecessor stops
 * listening, finishes its open connections and closes when the last one has gone.
 */
class ReloadTest {

    private final ProbeProtocol before = new ProbeProtocol("before").echo();
    private final ProbeProtocol after = new ProbeProtocol("after").echo();
    private CoreContextFactory factory;
    private int port;
    private Context first;
    private Context second;

    @BeforeEach
    void start() throws Exception {
        FixedRegistry registry = new FixedRegistry().add(Role.class, ProbeRole.withoutPing())
                .add(ProtocolProvider.class, before).add(ProtocolProvider.class, after);
        factory = new CoreContextFactory(registry);
        port = Servers.closedPort();
        first = factory.create(settings("before", port));
    }

    @AfterEach
    void stop() {
        if (second != null) {
            second.close();
        }
        first.close();
    }

    private static ContextSettings settings(String protocol, int port) {
        return ContextSettings.builder().vhost(VhostSettings.builder("v").port(port).iface("127.0.0.1")
                .applyListenAccept(true).listenAcceptRole(ProbeRole.NAME).listenAcceptProtocol(protocol)
                .protocol(protocol, Options.EMPTY).build()).build();
    }

    private TcpPeer connect() throws Exception {
        return TcpPeer.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    @Test
    void connectionOpenAcrossTheReloadIsServedToTheEndAndNewOnesGetTheNewConfig() throws Exception {
        try (TcpPeer old = connect()) {
            assertEquals("x", old.roundTrip("x"));

            second = factory.succeed(first, settings("after", port));

            assertTrue(first.isDeprecated());
            assertEquals("still here", old.roundTrip("still here"), "the old context keeps serving its connection");
            try (TcpPeer fresh = connect()) {
                assertEquals("y", fresh.roundTrip("y"));
            }
            assertEquals(1, before.count("opened"));
            assertEquals(1, after.count("opened"), "the new connection reached the new context");
            assertEquals(0, before.instances().get(0).destroyCount(), "not drained yet");
        }
        awaitDestroyed(before.instances().get(0));
        try (TcpPeer later = connect()) {
            assertEquals("z", later.roundTrip("z"), "the new context serves on");
        }
    }

    @Test
    void idlePredecessorClosesRightAway() throws Exception {
        second = factory.succeed(first, settings("after", port));
        awaitDestroyed(before.instances().get(0));
    }

    @Test
    void failedSuccessorLeavesThePredecessorServing() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ContextSettings broken = ContextSettings.builder()
                    .vhost(settings("after", port).vhosts().get(0))
                    .vhost(VhostSettings.builder("w").port(taken.getLocalPort()).iface("127.0.0.1")
                            .applyListenAccept(true).listenAcceptRole(ProbeRole.NAME).listenAcceptProtocol("after")
                            .protocol("after", Options.EMPTY).build())
                    .build();
            assertThrows(LightwireException.class, () -> factory.succeed(first, broken));
        }
        assertFalse(first.isDeprecated());
        try (TcpPeer peer = connect()) {
            assertEquals("ok", peer.roundTrip("ok"), "the predecessor took its socket back");
        }
        assertEquals(1, before.count("opened"));
    }

    private static void awaitDestroyed(ProbeProtocol.Instance instance) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (instance.destroyCount() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the deprecated context did not close after draining");
            }
            new CountDownLatch(1).await(20, TimeUnit.MILLISECONDS);
        }
    }
}
