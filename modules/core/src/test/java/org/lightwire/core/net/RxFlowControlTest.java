package org.lightwire.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Connection;
import org.lightwire.core.embedded.EmbeddedConnection;
import org.lightwire.core.probe.ProbeProtocol;
import org.lightwire.core.probe.ProbeRole;

/** Receive flow control (lws_rx_flow_control): a paused connection reads nothing more. */
class RxFlowControlTest {

    private final ProbeProtocol protocol = new ProbeProtocol();
    private final EmbeddedConnection embedded = EmbeddedConnection.builder(ProbeRole.withoutPing(), protocol).build();
    private final Connection connection = embedded.connection();

    @AfterEach
    void close() {
        embedded.close();
    }

    /** Consumes at most {@code n} bytes, then pauses reception if anything is left. */
    private static ProbeProtocol.ReceiveHook takeAndPause(int n) {
        return (c, data) -> {
            data.position(data.position() + Math.min(n, data.remaining()));
            if (data.hasRemaining()) {
                c.rxFlowControl(false);
            }
        };
    }

    @Test
    void pausedConnectionStopsReading() {
        embedded.run(() -> connection.rxFlowControl(false));

        embedded.writeInbound("held back");

        assertFalse(embedded.readInterest(), "no read interest while paused: the peer feels TCP back-pressure");
        assertFalse(connection.isRxEnabled());
        assertEquals(List.of("opened"), protocol.events());
    }

    @Test
    void resumingDeliversWhatArrivedWhilePaused() {
        embedded.run(() -> connection.rxFlowControl(false));
        embedded.writeInbound("abc");

        embedded.run(() -> connection.rxFlowControl(true));

        assertTrue(embedded.readInterest());
        assertEquals(List.of("opened", "received:abc"), protocol.events());
    }

    @Test
    void pausingTwiceAndResumingOnceResumes() {
        embedded.run(() -> {
            connection.rxFlowControl(false);
            connection.rxFlowControl(false);
        });
        embedded.writeInbound("x");

        embedded.run(() -> connection.rxFlowControl(true));

        assertEquals(List.of("opened", "received:x"), protocol.events());
    }

    @Test
    void inputLeftUnconsumedWhilePausedIsHeldAndDeliveredAfterResume() {
        protocol.onReceived(takeAndPause(3));

        embedded.writeInbound("abcdef");
        assertEquals(List.of("opened", "received:abc"), protocol.events());
        assertFalse(embedded.readInterest());

        embedded.run(() -> connection.rxFlowControl(true));

        assertEquals(List.of("opened", "received:abc", "received:def"), protocol.events());
    }

    @Test
    void heldInputIsDeliveredBeforeInputThatArrivedLater() {
        protocol.onReceived(takeAndPause(3));
        embedded.writeInbound("abcdef");
        embedded.writeInbound("ghi");
        protocol.onReceived((c, data) -> data.position(data.limit()));

        embedded.run(() -> connection.rxFlowControl(true));

        assertEquals(List.of("opened", "received:abc", "received:def", "received:ghi"), protocol.events());
    }

    @Test
    void heldInputStaysInOrderWhenReceptionResumesInTheWriteableEvent() {
        // the usual pattern: pause when the buffer is full, resume once the output has gone
        protocol.onReceived(takeAndPause(3));
        protocol.onWriteable(c -> c.rxFlowControl(true));
        embedded.writeInbound("abcdef");
        embedded.writeInbound("ghi");
        protocol.onReceived((c, data) -> data.position(data.limit()));

        embedded.run(connection::requestWriteable);

        assertEquals(List.of("opened", "received:abc", "writeable", "received:def", "received:ghi"),
                protocol.events());
    }

    @Test
    void roleThatConsumesNothingWhileEnabledIsClosedRatherThanSpinning() {
        protocol.onReceived((c, data) -> { });

        embedded.writeInbound("stuck");

        assertFalse(embedded.isOpen());
    }

    @Test
    void heldInputIsDroppedWhenTheConnectionCloses() {
        protocol.onReceived(takeAndPause(1));
        embedded.writeInbound("abc");

        embedded.run(connection::close);

        assertFalse(embedded.isOpen());
        assertEquals(List.of("opened", "received:a", "closed"), protocol.events());
    }
}
