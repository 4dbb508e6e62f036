package org.lightwire.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lightwire.api.ClientRequest;
import org.lightwire.api.Connection;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Options;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.Vhost;
import org.lightwire.api.VhostSettings;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.probe.CountingResolver;
import org.lightwire.core.probe.ProbeProtocol;
import org.lightwire.core.probe.ProbeRole;
import org.lightwire.core.probe.Servers;
import org.lightwire.core.registry.FixedRegistry;
import org.lightwire.spi.Resolver;
import org.lightwire.spi.Role;

/**
 * Client connections (lws_client_connect_via_info) with a retry policy: failures the policy
 * conceals are retried silently, the one after is reported once.
 */
class ClientRetryTest {

    private final ProbeProtocol protocol = new ProbeProtocol();
    private final CountingResolver resolver = new CountingResolver();
    private final FixedRegistry registry = new FixedRegistry().add(Role.class, ProbeRole.withoutPing())
            .add(ProtocolProvider.class, protocol).add(Resolver.class, resolver);
    private Context context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    private Vhost clientVhost() {
        context = new CoreContextFactory(registry).create(ContextSettings.builder()
                .vhost(VhostSettings.builder("client").protocol(ProbeProtocol.NAME, Options.EMPTY).build()).build());
        return context.vhosts().get(0);
    }

    @Test
    void concealedFailuresAreRetriedAndTheNextIsReportedOnce() throws Exception {
        RetryPolicy policy = RetryPolicy.builder().retryMillis(50, 50).concealCount(2).build();
        Vhost vhost = clientVhost();
        long start = System.nanoTime();

        Connection c = vhost.connect(ClientRequest.builder("localhost", Servers.closedPort()).role(ProbeRole.NAME)
                .protocol(ProbeProtocol.NAME).retryPolicy(policy).build());
        Throwable cause = protocol.awaitConnectFailed();
        int attemptsWhenReported = resolver.lookups();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(3, attemptsWhenReported, "first attempt plus conceal-count retries");
        assertTrue(elapsedMillis >= 100, "two retry delays of 50 ms, took " + elapsedMillis + " ms");
        assertTrue(cause instanceof IOException, String.valueOf(cause));
        assertFalse(c.isOpen());
        context.close(); // joins the loops: no attempt can still be in flight
        assertEquals(3, resolver.lookups(), "nothing retried after the report");
        assertEquals(List.of("connectFailed"), protocol.events(), "reported once, and no close event follows");
    }

    @Test
    void withoutConcealmentTheFirstFailureIsReported() throws Exception {
        Vhost vhost = clientVhost();

        vhost.connect(ClientRequest.builder("localhost", Servers.closedPort()).role(ProbeRole.NAME)
                .protocol(ProbeProtocol.NAME).retryPolicy(RetryPolicy.builder().retryMillis(50).build()).build());
        protocol.awaitConnectFailed();

        context.close();
        assertEquals(1, resolver.lookups());
        assertEquals(List.of("connectFailed"), protocol.events());
    }

    @Test
    void closingAClientWhileItIsStillRetryingReportsConnectFailedOnce() throws Exception {
        RetryPolicy slowRetries = RetryPolicy.builder().retryMillis(60_000).concealCount(5).build();
        Vhost vhost = clientVhost();
        Connection c = vhost.connect(ClientRequest.builder("localhost", Servers.closedPort()).role(ProbeRole.NAME)
                .protocol(ProbeProtocol.NAME).retryPolicy(slowRetries).build());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (resolver.lookups() < 1 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }

        c.close();
        Throwable cause = protocol.awaitConnectFailed();

        assertTrue(cause.getMessage().contains("closed before the connection was established"), cause.getMessage());
        context.close();
        assertEquals(List.of("connectFailed"), protocol.events(), "one report, no close event, no more attempts");
        assertEquals(1, resolver.lookups());
    }

    @Test
    void successfulConnectOpensTheSessionAndCarriesData() throws Exception {
        ProbeProtocol server = new ProbeProtocol("server").echo();
        registry.add(ProtocolProvider.class, server);
        context = new CoreContextFactory(registry).create(ContextSettings.builder()
                .vhost(Servers.listenAccept("server", ProbeRole.NAME, "server"))
                .vhost(VhostSettings.builder("client").protocol(ProbeProtocol.NAME, Options.EMPTY).build()).build());
        int port = Servers.address(context.vhost("server").orElseThrow()).getPort();
        protocol.onOpened(Connection::requestWriteable)
                .onWriteable(c -> c.write(ByteBuffer.wrap("ping".getBytes(StandardCharsets.UTF_8))));

        Connection client = context.vhost("client").orElseThrow().connect(ClientRequest.builder("localhost", port)
                .role(ProbeRole.NAME).protocol(ProbeProtocol.NAME).userData("mine").build());

        assertEquals(client, protocol.awaitOpened());
        assertTrue(client.isClient());
        assertEquals("mine", client.userData());
        server.awaitOpened();
        protocol.awaitEvent("received:ping");
        assertEquals(1, resolver.lookups());
    }
}
