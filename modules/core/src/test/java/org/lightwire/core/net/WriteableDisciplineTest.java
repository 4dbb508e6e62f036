package org.lightwire.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Connection;
import org.lightwire.api.Context;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.WriteDisciplineException;
import org.lightwire.core.CoreContextFactory;
import org.lightwire.core.embedded.EmbeddedConnection;
import org.lightwire.core.probe.ProbeProtocol;
import org.lightwire.core.probe.ProbeRole;
import org.lightwire.core.probe.Servers;
import org.lightwire.core.probe.TcpPeer;
import org.lightwire.core.registry.FixedRegistry;
import org.lightwire.spi.Role;

/**
 * The writeable discipline (lws_callback_on_writable, "one write per writeable event"):
 * output only inside the writeable event, once per event, and nothing buffered beyond that
 * one write.
 */
class WriteableDisciplineTest {

    private final ProbeProtocol protocol = new ProbeProtocol();
    private final EmbeddedConnection embedded = EmbeddedConnection.builder(ProbeRole.withoutPing(), protocol).build();
    private final Connection connection = embedded.connection();

    @AfterEach
    void close() {
        embedded.close();
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writeInsideTheWriteableEventGoesOut() {
        protocol.onWriteable(c -> c.write(bytes("hello")));

        embedded.run(connection::requestWriteable);

        assertEquals("hello", embedded.readOutboundString());
    }

    @Test
    void secondWriteInOneWriteableEventIsRejected() {
        AtomicReference<WriteDisciplineException> second = new AtomicReference<>();
        protocol.onWriteable(c -> {
            c.write(bytes("one"));
            second.set(assertThrows(WriteDisciplineException.class, () -> c.write(bytes("two"))));
        });

        embedded.run(connection::requestWriteable);

        assertNotNull(second.get(), "the writeable event ran");
        assertTrue(second.get().getMessage().contains("second write in one writeable event"), second.get().getMessage());
        assertEquals("one", embedded.readOutboundString(), "the first write went out, the second did not");
    }

    @Test
    void writeOutsideAWriteableEventIsRejected() {
        WriteDisciplineException e = assertThrows(WriteDisciplineException.class, () -> connection.write(bytes("x")));

        assertTrue(e.getMessage().contains("outside a writeable event"), e.getMessage());
        assertEquals("", embedded.readOutboundString());
    }

    @Test
    void writeFromAReceiveEventIsRejected() {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        protocol.onReceived((c, data) -> {
            data.position(data.limit());
            failure.set(assertThrows(WriteDisciplineException.class, () -> c.write(bytes("echo"))));
        });

        embedded.writeInbound("in");

        assertNotNull(failure.get());
        assertEquals("", embedded.readOutboundString());
    }

    @Test
    void protocolBreakingTheDisciplineIsClosed() {
        protocol.onWriteable(c -> {
            c.write(bytes("one"));
            c.write(bytes("two"));
        });

        embedded.run(connection::requestWriteable);

        assertFalse(embedded.isOpen(), "an event that throws closes its connection");
        assertEquals(1, protocol.count("closed"));
    }

    @Test
    void writeReportsEveryByteAsAccepted() {
        int[] accepted = new int[1];
        protocol.onWriteable(c -> accepted[0] = c.write(bytes("0123456789")));
        embedded.limitOutbound(3);

        embedded.run(connection::requestWriteable);

        assertEquals(10, accepted[0], "what the socket could not take is the loop's to finish");
    }

    @Test
    void requestsBeforeTheEventCoalesceIntoOne() {
        embedded.run(() -> {
            connection.requestWriteable();
            connection.requestWriteable();
            connection.requestWriteable();
        });

        assertEquals(1, protocol.count("writeable"));
    }

    @Test
    void requestFromInsideTheWriteableEventGivesAnotherEvent() {
        int[] left = {3};
        protocol.onWriteable(c -> {
            c.write(bytes("x"));
            if (--left[0] > 0) {
                c.requestWriteable();
            }
        });

        embedded.run(connection::requestWriteable);

        assertEquals(3, protocol.count("writeable"));
        assertEquals("xxx", embedded.readOutboundString());
    }

    @Test
    void partialWriteIsFinishedByTheLoopBeforeTheNextWriteableEvent() {
        protocol.onWriteable(c -> {
            c.write(bytes("hello world"));
            c.requestWriteable(); // wants to write again at once
        });
        embedded.limitOutbound(3);

        embedded.run(connection::requestWriteable);

        assertEquals("hel", embedded.readOutboundString());
        assertEquals(1, protocol.count("writeable"), "no writeable event while the last write is unfinished");
        assertTrue(embedded.writeInterest(), "the loop waits for the socket to take the rest");

        protocol.onWriteable(c -> c.write(bytes("!")));
        embedded.refillOutbound(1_000);

        assertEquals("lo world!", embedded.readOutboundString(), "rest of the first write, then the next write");
        assertEquals(2, protocol.count("writeable"));
        assertFalse(embedded.writeInterest());
    }

    @Test
    void requestMadeBeforeAPartialWriteWaitsForThatWriteToFinish() {
        protocol.onWriteable(c -> {
            c.requestWriteable(); // asks first, then writes more than the socket takes
            c.write(bytes("hello world"));
        });
        embedded.limitOutbound(3);

        embedded.run(connection::requestWriteable);

        assertEquals(1, protocol.count("writeable"), "the queued request waits for the unfinished write");
        assertEquals("hel", embedded.readOutboundString());
        protocol.onWriteable(c -> c.write(bytes("!")));
        embedded.refillOutbound(1_000);
        assertEquals("lo world!", embedded.readOutboundString());
        assertEquals(2, protocol.count("writeable"));
    }

    @Test
    void nothingBeyondTheUnfinishedWriteIsBuffered() {
        protocol.onWriteable(c -> c.write(bytes("0123456789")));
        embedded.limitOutbound(0);
        embedded.run(connection::requestWriteable);

        // the protocol keeps asking, but gets no event in which it could write more
        for (int i = 0; i < 5; i++) {
            embedded.run(connection::requestWriteable);
        }
        assertEquals(1, protocol.count("writeable"));
        assertThrows(WriteDisciplineException.class, () -> connection.write(bytes("more")));

        embedded.refillOutbound(Long.MAX_VALUE);
        assertEquals("0123456789" + "0123456789", embedded.readOutboundString(),
                "the unfinished write, then exactly one more writeable event for the coalesced requests");
        assertEquals(2, protocol.count("writeable"));
    }

    @Test
    void requestWriteableFromAForeignThreadWakesTheLoopAndRunsOnTheLoopThread() throws Exception {
        ProbeProtocol probe = new ProbeProtocol();
        CompletableFuture<Boolean> writeableOnLoopThread = new CompletableFuture<>();
        probe.onWriteable(c -> {
            writeableOnLoopThread.complete(c.loop().inLoop());
            c.write(bytes("woken"));
        });
        FixedRegistry registry = new FixedRegistry().add(Role.class, ProbeRole.withoutPing())
                .add(ProtocolProvider.class, probe);
        ContextSettings settings = ContextSettings.builder()
                .vhost(Servers.listenAccept("v", ProbeRole.NAME, ProbeProtocol.NAME)).build();
        try (Context context = new CoreContextFactory(registry).create(settings);
                TcpPeer peer = TcpPeer.connect(Servers.address(context.vhosts().get(0)))) {
            Connection server = probe.awaitOpened();
            assertFalse(server.loop().inLoop());

            server.requestWriteable(); // the loop is asleep in its selector: nothing else would wake it

            assertTrue(writeableOnLoopThread.get(5, TimeUnit.SECONDS));
            assertEquals("woken", peer.receive(5));
            assertEquals(List.of("opened", "writeable"), probe.events());
        }
    }
}
