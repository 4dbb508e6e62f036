package org.lightwire.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Options;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.VhostSettings;
import org.lightwire.core.probe.Loops;
import org.lightwire.core.probe.ProbeProtocol;
import org.lightwire.core.probe.ProbeProtocol.WaitCancelled;
import org.lightwire.core.registry.FixedRegistry;

/** lws_cancel_service: every loop tells every protocol instance on every vhost, on its own thread. */
class CancelServiceTest {

    @Test
    void waitCancelledReachesEveryProtocolInstanceOnceOnEveryLoop() throws Exception {
        ProbeProtocol protocol = new ProbeProtocol();
        ContextSettings settings = ContextSettings.builder().countThreads(2)
                .vhost(VhostSettings.builder("one").protocol(ProbeProtocol.NAME, Options.EMPTY).build())
                .vhost(VhostSettings.builder("two").protocol(ProbeProtocol.NAME, Options.EMPTY).build())
                .build();
        try (Context context = new CoreContextFactory(new FixedRegistry().add(ProtocolProvider.class, protocol))
                .create(settings)) {
            assertEquals(2, protocol.instances().size(), "one instance per vhost");

            context.cancelService();
            Loops.drain(context);

            List<WaitCancelled> calls = protocol.waitCancelledCalls();
            assertEquals(4, calls.size(), "2 vhosts x 2 loops: " + calls);
            assertEquals(Set.of(new WaitCancelled("one", 0, true), new WaitCancelled("one", 1, true),
                    new WaitCancelled("two", 0, true), new WaitCancelled("two", 1, true)), new HashSet<>(calls));
        }
    }

    @Test
    void eachCancelIsDeliveredAgain() throws Exception {
        ProbeProtocol protocol = new ProbeProtocol();
        ContextSettings settings = ContextSettings.builder()
                .vhost(VhostSettings.builder("one").protocol(ProbeProtocol.NAME, Options.EMPTY).build()).build();
        try (Context context = new CoreContextFactory(new FixedRegistry().add(ProtocolProvider.class, protocol))
                .create(settings)) {
            context.cancelService();
            context.cancelService();
            Loops.drain(context);

            assertEquals(2, protocol.waitCancelledCalls().size());
        }
    }
}
