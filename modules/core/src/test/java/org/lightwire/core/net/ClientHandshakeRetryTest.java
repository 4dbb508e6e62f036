package org.lightwire.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
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
import org.lightwire.api.VhostSettings;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.probe.CountingResolver;
import org.lightwire.core.probe.ProbeProtocol;
import org.lightwire.core.registry.FixedRegistry;
import org.lightwire.spi.Resolver;
import org.lightwire.spi.Role;

/**
 * A client role's own handshake failing ({@code RoleBinding.handshakeFailed}): a retryable
 * failure is one more attempt of the same dial under the request's RetryPolicy, sharing its
 * budget with TCP connect failures; the same handler opens again on the new socket, and the
 * protocol hears either one success or one connect failure, never a close.
 */
class ClientHandshakeRetryTest {

    private static final RetryPolicy TWO_QUICK_RETRIES = RetryPolicy.builder().retryMillis(20).concealCount(2).build();

    private final ProbeProtocol protocol = new ProbeProtocol();
    private final HandshakingRole role = new HandshakingRole();
    private final CountingResolver resolver = new CountingResolver();
    private Context context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    private Connection connect(AnsweringServer server, RetryPolicy policy) {
        FixedRegistry registry = new FixedRegistry().add(Role.class, role).add(ProtocolProvider.class, protocol)
                .add(Resolver.class, resolver);
        context = new CoreContextFactory(registry).create(ContextSettings.builder()
                .vhost(VhostSettings.builder("client").protocol(ProbeProtocol.NAME, Options.EMPTY).build()).build());
        return context.vhosts().get(0).connect(ClientRequest.builder("localhost", server.port())
                .role(HandshakingRole.NAME).protocol(ProbeProtocol.NAME).retryPolicy(policy).build());
    }

    @Test
    void twoRetryableFailuresThenSuccessOpenTheSameHandlerThreeTimesWithoutAClose() throws Exception {
        try (AnsweringServer server = new AnsweringServer("r", "r", "y")) {
            Connection c = connect(server, TWO_QUICK_RETRIES);

            assertEquals(c, protocol.awaitOpened());
            context.close(); // joins the loops: the events below are final

            assertEquals(3, server.connections());
            assertEquals(3, resolver.lookups(), "each attempt dials afresh");
            assertEquals(List.of("opened", "opened", "opened", "accepted", "closed"), role.events(),
                    "the only close is the context's, after the success");
            assertEquals(1, role.handlersOpened(), "the same handler on every transport");
            assertEquals(List.of("opened", "closed"), protocol.events());
        }
    }

    @Test
    void endOfStreamAndResetBeforeTheAnswerAreRetried() throws Exception {
        try (AnsweringServer server = new AnsweringServer("eof", "reset", "y")) {
            Connection c = connect(server, TWO_QUICK_RETRIES);

            assertEquals(c, protocol.awaitOpened());

            assertEquals(3, server.connections());
            assertEquals(3, role.count("opened"));
            assertEquals(1, role.count("readFailed"), "the reset reached the role as a read failure");
            assertEquals(0, role.count("closed"));
            assertTrue(c.isOpen());
        }
    }

    @Test
    void retryableFailuresSpendTheBudgetAndTheLastIsReportedOnce() throws Exception {
        try (AnsweringServer server = new AnsweringServer("r", "r", "r")) {
            Connection c = connect(server, TWO_QUICK_RETRIES);

            Throwable cause = protocol.awaitConnectFailed();
            context.close();

            assertEquals("server said retry", cause.getMessage());
            assertEquals(3, server.connections());
            assertEquals(List.of("opened", "opened", "opened", "connectFailed"), role.events());
            assertEquals(List.of("connectFailed"), protocol.events());
            assertFalse(c.isOpen());
        }
    }

    @Test
    void handshakeAndConnectFailuresShareOneBudget() throws Exception {
        // one handshake failure, then the server stops listening: two refused connects follow
        try (AnsweringServer server = new AnsweringServer("r")) {
            connect(server, TWO_QUICK_RETRIES);

            Throwable cause = protocol.awaitConnectFailed();
            context.close();

            assertTrue(cause instanceof ConnectException, String.valueOf(cause));
            assertEquals(3, resolver.lookups(), "first attempt plus two retries in all");
            assertEquals(1, server.connections());
            assertEquals(List.of("opened", "connectFailed"), role.events());
            assertEquals(List.of("connectFailed"), protocol.events());
        }
    }

    @Test
    void aFailureNotToRetryIsReportedAtOnceWithoutACloseEvent() throws Exception {
        try (AnsweringServer server = new AnsweringServer("n", "y")) {
            Connection c = connect(server, TWO_QUICK_RETRIES);

            Throwable cause = protocol.awaitConnectFailed();
            context.close();

            assertEquals("server said n", cause.getMessage());
            assertEquals(1, server.connections());
            assertEquals(1, resolver.lookups());
            assertEquals(List.of("opened", "connectFailed"), role.events());
            assertEquals(List.of("connectFailed"), protocol.events());
            assertFalse(c.isOpen());
        }
    }
}
