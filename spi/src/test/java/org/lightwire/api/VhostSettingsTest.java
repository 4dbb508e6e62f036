package org.lightwire.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link VhostSettings}: one lwsws vhost. */
class VhostSettingsTest {

    @Test
    void vhostDoesNotListenUnlessAPortIsGiven() {
        VhostSettings s = VhostSettings.builder("client-only").build();

        assertEquals(VhostSettings.NO_LISTEN, s.port());
        assertFalse(s.listens());
    }

    @Test
    void portZeroListensOnAnEphemeralPort() {
        assertTrue(VhostSettings.builder("v").port(0).build().listens());
    }

    @Test
    void portOutsideTheTcpRangeIsRejectedNamingTheVhost() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VhostSettings.builder("big").port(65_536).build());
        assertTrue(e.getMessage().contains("big") && e.getMessage().contains("65536"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VhostSettings.builder("v").port(-2).build());
    }

    @Test
    void unixSocketVhostNeedsItsPathInInterface() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VhostSettings.builder("u").unixSocket(true).build());
        assertTrue(e.getMessage().contains("interface"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VhostSettings.builder("u").unixSocket(true).iface("").build());
    }

    @Test
    void unixSocketVhostListensWhateverThePort() {
        VhostSettings s = VhostSettings.builder("u").unixSocket(true).iface("/tmp/x.sock").build();

        assertTrue(s.listens());
        assertEquals(Optional.of("/tmp/x.sock"), s.iface());
    }

    @Test
    void nameIsRequired() {
        assertThrows(NullPointerException.class, () -> VhostSettings.builder(null).build());
    }

    @Test
    void protocolsKeepTheirOrderAndOptions() {
        Options pvo = Options.builder().add("raw", "1").build();
        VhostSettings s = VhostSettings.builder("v").protocol("b", Options.EMPTY).protocol("a", pvo).build();

        assertEquals(List.of(new ProtocolSelection("b", Options.EMPTY), new ProtocolSelection("a", pvo)), s.protocols());
        assertTrue(s.protocols().get(1).isRawDefault());
    }

    @Test
    void emptyProtocolNameIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> VhostSettings.builder("v").protocol("", Options.EMPTY));
    }

    @Test
    void listenAcceptSettingsAreOptional() {
        VhostSettings plain = VhostSettings.builder("v").build();
        VhostSettings raw = VhostSettings.builder("v").applyListenAccept(true).listenAcceptRole("raw-skt")
                .listenAcceptProtocol("p").build();

        assertFalse(plain.applyListenAccept());
        assertEquals(Optional.empty(), plain.listenAcceptRole());
        assertEquals(Optional.empty(), plain.retryPolicy());
        assertTrue(raw.applyListenAccept());
        assertEquals(Optional.of("raw-skt"), raw.listenAcceptRole());
        assertEquals(Optional.of("p"), raw.listenAcceptProtocol());
    }
}
