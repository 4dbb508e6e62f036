package org.lightwire.plugin.rawtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lightwire.core.embedded.EmbeddedConnection;
import org.lightwire.role.raw.RawSocketRole;

/** protocol-lws-raw-test over raw-skt, in memory: echo, with back-pressure instead of buffering. */
class StreamEchoTest {

    private EmbeddedConnection echo = EmbeddedConnection.builder(new RawSocketRole(), new RawTestProvider()).build();

    @AfterEach
    void close() {
        echo.close();
    }

    @Test
    void echoesWhatItReceives() {
        echo.writeInbound("hello");

        assertEquals("hello", echo.readOutboundString());
    }

    @Test
    void echoKeepsTheOrderOfManyInputs() {
        StringBuilder sent = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            echo.writeInbound("line " + i + "\n");
            sent.append("line ").append(i).append('\n');
        }

        assertEquals(sent.toString(), echo.readOutboundString());
    }

    @Test
    void peerHangingUpClosesTheEcho() {
        echo.endInbound();

        assertFalse(echo.isOpen());
        assertTrue(echo.transportClosed());
    }

    @Test
    void megabyteThroughASlowSocketPausesReceptionInsteadOfBuffering() {
        // rx-buffer-size 4 KiB, 8 KiB pieces: the server may hold a few receive buffers' worth
        pumpThroughSlowPeer(1 << 20, new int[] {8 * 1024}, 64 * 1024);
    }

    @Test
    void receivesOfVaryingSizeWithALargeRxBufferStillPauseReception() {
        echo.close();
        echo = EmbeddedConnection.builder(new RawSocketRole(), new RawTestProvider()).rxBufferSize(64 * 1024).build();

        pumpThroughSlowPeer(4 << 20, new int[] {64 * 1024, 30 * 1024}, 8 * 64 * 1024);
    }

    /**
     * The peer sends {@code total} random bytes in pieces of the given sizes (in turn) for as
     * long as the server reads, and reads the echo 16 KiB at a time. Whatever the server
     * holds — read but not yet echoed — must stay within {@code bound}; the echo must be
     * exact.
     */
    private void pumpThroughSlowPeer(int total, int[] pieces, int bound) {
        byte[] data = new byte[total];
        new Random(1).nextBytes(data);
        int fed = 0;
        int nextPiece = 0;
        ByteArrayOutputStream echoed = new ByteArrayOutputStream();
        boolean sawPause = false;
        boolean sawResume = false;
        echo.limitOutbound(0); // the peer is not reading yet

        for (int round = 0; echoed.size() < data.length; round++) {
            assertTrue(round < 100_000, "echo stalled at " + echoed.size() + " of " + data.length);
            while (fed < data.length && echo.readInterest()) {
                int n = Math.min(pieces[nextPiece++ % pieces.length], data.length - fed);
                echo.writeInbound(Arrays.copyOfRange(data, fed, fed + n));
                fed += n;
                assertTrue(fed - echoed.size() <= bound,
                        "server holds " + (fed - echoed.size()) + " bytes: it must pause reception instead");
            }
            if (fed < data.length) {
                sawPause = true;
            }
            echo.refillOutbound(16 * 1024);
            echoed.writeBytes(echo.readOutbound());
            if (fed < data.length && echo.readInterest()) {
                sawResume = true;
            }
        }

        assertArrayEquals(data, echoed.toByteArray());
        assertTrue(sawPause, "reception paused while the echo could not go out");
        assertTrue(sawResume, "reception resumed once the echo went out");
    }
}
