package org.lightwire.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ClientRequest} and {@link UdpRequest}: lws client-connect and UDP-adopt info. */
class ConnectionRequestsTest {

    @Test
    void clientRequestDefaultsToTheRawSocketRole() {
        ClientRequest r = ClientRequest.builder("example.org", 80).protocol("p").build();

        assertEquals("raw-skt", r.role());
        assertEquals(Optional.empty(), r.retryPolicy());
        assertEquals(Optional.empty(), r.sequencer());
    }

    @Test
    void clientRequestPortMustBe1To65535() {
        assertThrows(IllegalArgumentException.class, () -> ClientRequest.builder("h", 0).protocol("p").build());
        assertThrows(IllegalArgumentException.class, () -> ClientRequest.builder("h", 65_536).protocol("p").build());
    }

    @Test
    void clientRequestNeedsHostAndProtocol() {
        assertThrows(NullPointerException.class, () -> ClientRequest.builder(null, 1).protocol("p").build());
        assertThrows(NullPointerException.class, () -> ClientRequest.builder("h", 1).build());
    }

    @Test
    void udpLossSimulationIsAPercentage() {
        assertThrows(IllegalArgumentException.class, () -> UdpRequest.builder("p").lossSimRxPercent(101).build());
        assertThrows(IllegalArgumentException.class, () -> UdpRequest.builder("p").lossSimTxPercent(-1).build());
    }

    @Test
    void udpRequestLeavesUnsetValuesToTheContext() {
        UdpRequest r = UdpRequest.builder("p").bind(new InetSocketAddress("127.0.0.1", 0)).build();

        assertEquals(Optional.empty(), r.lossSimRxPercent());
        assertEquals(Optional.empty(), r.lossSimTxPercent());
        assertEquals(Optional.empty(), r.defaultDestination());
        assertEquals(Optional.of(new InetSocketAddress("127.0.0.1", 0)), r.bindAddress());
    }
}
