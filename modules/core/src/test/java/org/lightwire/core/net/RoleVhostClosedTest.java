package org.lightwire.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Options;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.Vhost;
import org.lightwire.api.VhostSettings;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.probe.LogCapture;
import org.lightwire.core.probe.ProbeProtocol;
import org.lightwire.core.probe.ProbeRole;
import org.lightwire.core.probe.Servers;
import org.lightwire.core.probe.TcpPeer;
import org.lightwire.core.registry.FixedRegistry;
import org.lightwire.spi.Role;
import org.lightwire.spi.RoleBinding;
import org.lightwire.spi.RoleHandler;

/**
 * {@link Role#vhostClosed}: every role hears once per vhost that it is retired, when the
 * context closes (directly, or after draining as a reload's predecessor) or when the role
 * leaves the registry, always after its connections have closed, and never while the
 * context still runs with the role installed.
 */
class RoleVhostClosedTest {

    /** One vhostClosed call, with how many connections had closed by then. */
    private record Told(Vhost vhost, long connectionsClosed) { }

    /** The probe role, recording what it is told. */
    private final class RecordingRole implements Role {
        final List<Told> told = new CopyOnWriteArrayList<>();
        private final Role probe = ProbeRole.withoutPing();

        @Override
        public String name() {
            return probe.name();
        }

        @Override
        public RoleHandler bind(RoleBinding binding) {
            return probe.bind(binding);
        }

        @Override
        public void vhostClosed(Vhost vhost) {
            told.add(new Told(vhost, protocol.count("closed")));
        }

        List<Told> of(Context context) {
            return told.stream().filter(t -> t.vhost().context() == context).toList();
        }
    }

    /** Another role, failing whenever it is told. */
    private static final class FailingRole implements Role {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String name() {
            return "failing";
        }

        @Override
        public RoleHandler bind(RoleBinding binding) {
            throw new UnsupportedOperationException("binds nothing");
        }

        @Override
        public void vhostClosed(Vhost vhost) {
            calls.incrementAndGet();
            throw new IllegalStateException("cannot let go of " + vhost.name());
        }
    }

    private final ProbeProtocol protocol = new ProbeProtocol().echo();
    private final RecordingRole role = new RecordingRole();
    private final FixedRegistry registry = new FixedRegistry().add(Role.class, role)
            .add(ProtocolProvider.class, protocol);
    private final CoreContextFactory factory = new CoreContextFactory(registry);
    private final List<Context> contexts = new ArrayList<>();

    @AfterEach
    void closeAll() {
        contexts.forEach(Context::close);
    }

    /** Vhost "v" listening on {@code port} (probe role and protocol) and vhost "w" not listening. */
    private static ContextSettings settings(int port) {
        return ContextSettings.builder()
                .vhost(VhostSettings.builder("v").port(port).iface("127.0.0.1").applyListenAccept(true)
                        .listenAcceptRole(ProbeRole.NAME).listenAcceptProtocol(ProbeProtocol.NAME)
                        .protocol(ProbeProtocol.NAME, Options.EMPTY).build())
                .vhost(VhostSettings.builder("w").protocol(ProbeProtocol.NAME, Options.EMPTY).build())
                .build();
    }

    private Context start(int port) {
        Context c = factory.create(settings(port));
        contexts.add(c);
        return c;
    }

    private static TcpPeer connect(int port) throws Exception {
        TcpPeer peer = TcpPeer.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        assertEquals("x", peer.roundTrip("x"));
        return peer;
    }

    /** Each vhost of {@code context} exactly once, in its order, each after {@code closed} connections had closed. */
    private static void assertToldOnceEach(Context context, List<Told> told, long closed) {
        assertEquals(context.vhosts(), told.stream().map(Told::vhost).toList());
        for (Told t : told) {
            assertEquals(closed, t.connectionsClosed(), "told after the connections closed: " + t);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what);
            }
            new CountDownLatch(1).await(20, TimeUnit.MILLISECONDS); // polling: no event to wait on
        }
    }

    @Test
    void closingTheContextTellsTheRoleOnceForEachVhostAfterItsConnectionsClosed() throws Exception {
        int port = Servers.closedPort();
        Context context = start(port);
        try (TcpPeer peer = connect(port)) {
            assertEquals(List.of(), role.told, "not while the context runs");
            context.close();
            assertToldOnceEach(context, role.told, 1);
            context.close();
            assertEquals(2, role.told.size(), "a second close tells nothing more");
        }
    }

    @Test
    void aRoleLeavingTheRegistryIsToldForEveryVhostOfEveryLiveContextOnce() throws Exception {
        int port1 = Servers.closedPort();
        Context first = start(port1);
        int port2 = Servers.closedPort();
        Context second = start(port2);
        try (TcpPeer a = connect(port1); TcpPeer b = connect(port2)) {
            registry.remove(Role.class, role);

            // the registry tells the contexts in the order they started: each closes its
            // connection, then tells the role
            assertToldOnceEach(first, role.of(first), 1);
            assertToldOnceEach(second, role.of(second), 2);
            first.close();
            second.close();
            assertEquals(4, role.told.size(), "closing the contexts tells a role that has left nothing more");
        }
    }

    @Test
    void aRoleThatFailsIsLoggedAndDoesNotKeepTheOthersFromBeingTold() throws Exception {
        FailingRole failing = new FailingRole();
        registry.add(Role.class, failing);
        Context context = start(Servers.closedPort());
        try (LogCapture log = LogCapture.start()) {
            context.close();
            assertTrue(log.hasError("role 'failing' failed releasing vhost 'v'"));
        }
        assertEquals(2, failing.calls.get(), "a failure for one vhost does not skip the next");
        assertToldOnceEach(context, role.told, 0);
    }

    @Test
    void aReloadsPredecessorTellsTheRoleWhenItHasDrainedAndNotBefore() throws Exception {
        int port = Servers.closedPort();
        Context first = start(port);
        Context second;
        try (TcpPeer old = connect(port)) {
            second = factory.succeed(first, settings(port));
            contexts.add(second);
            assertEquals("y", old.roundTrip("y"), "the predecessor still serves its connection");
            assertEquals(List.of(), role.told, "not while a connection of the predecessor is open");
        }
        await(() -> role.of(first).size() == 2, "the drained predecessor's vhosts were not retired");
        assertToldOnceEach(first, role.of(first), 1);
        assertEquals(List.of(), role.of(second), "the successor's vhosts run on");
    }
}
