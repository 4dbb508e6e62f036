package org.lightwire.role.raw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Options;
import org.lightwire.api.Protocol;
import org.lightwire.api.ProtocolProvider;
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.Vhost;
import org.lightwire.core.embedded.EmbeddedConnection;

/** The raw roles (lws raw-skt, raw-file, udp): bytes pass through uninterpreted. */
class RawRolesTest {

    /** Every byte value, plus the line endings a text role would interpret. */
    private static final byte[] ALL_BYTES = new byte[256 + 4];

    static {
        for (int i = 0; i < 256; i++) {
            ALL_BYTES[i] = (byte) i;
        }
        ALL_BYTES[256] = '\r';
        ALL_BYTES[257] = '\n';
        ALL_BYTES[258] = '\r';
        ALL_BYTES[259] = '\n';
    }

    private final RecordingRawProtocol protocol = new RecordingRawProtocol();

    @Test
    void rolesHaveTheirLwsNames() {
        assertEquals("raw-skt", new RawSocketRole().name());
        assertEquals("raw-file", new RawFileRole().name());
        assertEquals("udp", new UdpRole().name());
    }

    @Test
    void inputReachesTheProtocolUnchanged() {
        try (EmbeddedConnection c = EmbeddedConnection.builder(new RawSocketRole(), protocol).build()) {
            c.writeInbound(ALL_BYTES);

            assertArrayEquals(ALL_BYTES, protocol.received.toByteArray());
            assertEquals("raw-skt", c.connection().roleName());
        }
    }

    @Test
    void protocolWritesReachThePeerUnchanged() {
        try (EmbeddedConnection c = EmbeddedConnection.builder(new RawSocketRole(), protocol).build()) {
            protocol.toSend.add(ALL_BYTES);

            c.run(c.connection()::requestWriteable);

            assertArrayEquals(ALL_BYTES, c.readOutbound());
        }
    }

    @Test
    void inputTheProtocolLeavesUnreadIsConsumedNotRedelivered() {
        protocol.readPerEvent = 2;
        try (EmbeddedConnection c = EmbeddedConnection.builder(new RawSocketRole(), protocol).build()) {
            c.writeInbound("abcdef");
            c.writeInbound("gh");

            assertTrue(c.isOpen());
            assertEquals("abgh", protocol.received.toString());
            assertEquals(List.of("opened", "received", "received"), protocol.events);
        }
    }

    @Test
    void receiveEventsAreLimitedToTheRxBufferSize() {
        try (EmbeddedConnection c = EmbeddedConnection.builder(new RawSocketRole(), protocol).rxBufferSize(1024).build()) {
            c.writeInbound(new byte[3000]);

            assertEquals(3, protocol.events.stream().filter("received"::equals).count());
            assertEquals(3000, protocol.received.size());
        }
    }

    @Test
    void peerHangingUpClosesTheConnection() {
        try (EmbeddedConnection c = EmbeddedConnection.builder(new RawSocketRole(), protocol).build()) {
            c.endInbound();

            assertFalse(c.isOpen());
            assertEquals(List.of("opened", "closed"), protocol.events);
        }
    }

    @Test
    void rawConnectionsAreNeverHungUpForValidity() {
        RetryPolicy strict = RetryPolicy.builder().secsSinceValidPing(10).secsSinceValidHangup(15).build();
        try (EmbeddedConnection c = EmbeddedConnection.builder(new RawSocketRole(), protocol).retryPolicy(strict).build()) {
            c.advanceSeconds(10);
            c.advanceSeconds(5);
            c.advanceSeconds(3_600);

            assertTrue(c.isOpen(), "raw roles have no ping, so validity does not apply");
        }
    }

    @Test
    void protocolThatIsNotRawIsRefusedAndTheConnectionClosed() {
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
        try (EmbeddedConnection c = EmbeddedConnection.builder(new RawSocketRole(), notRaw).build()) {
            assertFalse(c.isOpen());
            assertTrue(c.transportClosed(), "the transport is released, not left hanging");
            assertEquals(0, c.context().loops().get(0).connectionCount());
        }
    }
}
