package org.lightwire.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightwire.api.Connection;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Options;
import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.Vhost;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.probe.LogCapture;
import org.lightwire.core.probe.ProbeProtocol;
import org.lightwire.core.probe.ProbeRole;
import org.lightwire.core.probe.Servers;
import org.lightwire.core.probe.TcpPeer;
import org.lightwire.core.registry.FixedRegistry;
import org.lightwire.spi.Role;

/** "Bad input never takes down a loop": a protocol event that throws closes only its own connection. */
class FailingProtocolTest {

    /** What plugin code can throw: a bug, a plugin built against another API, runaway recursion. */
    static Stream<Function<String, Throwable>> failures() {
        return Stream.of(text -> new IllegalStateException("protocol bug triggered by " + text),
                text -> new NoSuchMethodError("plugin built against another API"),
                text -> new StackOverflowError());
    }

    @ParameterizedTest
    @MethodSource("failures")
    void protocolThrowingInReceiveClosesOnlyThatConnectionAndLogsAnError(Function<String, Throwable> failure)
            throws Exception {
        ProbeProtocol protocol = new ProbeProtocol().echo().onReceived((c, data) -> {
            String text = StandardCharsets.UTF_8.decode(data.duplicate()).toString();
            if (text.contains("boom")) {
                throw sneaky(failure.apply(text));
            }
            data.position(data.limit());
        });
        FixedRegistry registry = new FixedRegistry().add(Role.class, ProbeRole.withoutPing())
                .add(ProtocolProvider.class, protocol);
        ContextSettings settings = ContextSettings.builder()
                .vhost(Servers.listenAccept("v", ProbeRole.NAME, ProbeProtocol.NAME)).build();

        try (LogCapture log = LogCapture.start();
                Context context = new CoreContextFactory(registry).create(settings);
                TcpPeer victim = TcpPeer.connect(Servers.address(context.vhosts().get(0)));
                TcpPeer bystander = TcpPeer.connect(Servers.address(context.vhosts().get(0)))) {
            Connection first = protocol.awaitOpened();
            protocol.awaitOpened();
            assertEquals("before", victim.roundTrip("before"));
            assertEquals("hello", bystander.roundTrip("hello"));

            victim.send("boom");

            assertTrue(victim.closedByServer(), "the failing connection is closed");
            assertSame(first, protocol.awaitClosed(), "its protocol saw the close event");
            assertTrue(log.hasError("receive event failed"), "the failure is logged as an error");
            assertEquals("still here", bystander.roundTrip("still here"), "the other connection keeps working");
            assertEquals(0, protocol.closedNotAwaited());
        }
    }

    /** Throws any throwable from a lambda that may only throw unchecked ones. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }

    @Test
    void roleThatCannotServeTheProtocolClosesTheAcceptedSocketAndLogsAnError() throws Exception {
        // the probe role, like the raw roles, serves raw protocols only
        ProtocolProvider notRaw = new ProtocolProvider() {
            @Override
            public String name() {
                return "not-raw";
            }

            @Override
            public Protocol create(Vhost vhost, Options options) {
                return new Protocol() { };
            }
        };
        ProbeProtocol raw = new ProbeProtocol().echo();
        FixedRegistry registry = new FixedRegistry().add(Role.class, ProbeRole.withoutPing())
                .add(ProtocolProvider.class, notRaw).add(ProtocolProvider.class, raw);
        ContextSettings settings = ContextSettings.builder().ipLimitWsi(1)
                .vhost(Servers.listenAccept("wrong", ProbeRole.NAME, "not-raw"))
                .vhost(Servers.listenAccept("right", ProbeRole.NAME, ProbeProtocol.NAME)).build();

        try (LogCapture log = LogCapture.start();
                Context context = new CoreContextFactory(registry).create(settings)) {
            try (TcpPeer refused = TcpPeer.connect(Servers.address(context.vhost("wrong").orElseThrow()))) {
                assertTrue(refused.closedByServer(), "the socket is closed, not left hanging");
            }
            assertTrue(log.hasError("cannot bind"), "the refusal is logged as an error");
            assertEquals(0, context.loops().get(0).connectionCount(), "nothing left behind on the loop");
            try (TcpPeer next = TcpPeer.connect(Servers.address(context.vhost("right").orElseThrow()))) {
                assertEquals("ok", next.roundTrip("ok"), "its slot under ip-limit-wsi 1 was released");
            }
        }
    }
}
