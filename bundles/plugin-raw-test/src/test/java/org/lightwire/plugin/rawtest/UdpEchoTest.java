package org.lightwire.plugin.rawtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Connection;
import org.lightwire.api.UdpRequest;

/**
 * lws raw-test over UDP (lws_create_adopt_udp): datagrams go back to their source, and the
 * loss simulation (lws udp_loss_sim_*_pc) drops the asked share of them.
 */
class UdpEchoTest {

    private static final int DATAGRAMS = 200;
    /** Sent before waiting for echoes, so neither socket's buffer can overflow. */
    private static final int BATCH = 40;
    private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private RawServer server;

    @BeforeEach
    void start() {
        server = RawServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The UDP echo's address, once the loop has adopted its socket. */
    private InetSocketAddress adopt(UdpRequest.Builder request) throws Exception {
        Connection udp = server.vhost.adoptUdp(request.bind(ANY_LOOPBACK_PORT).build());
        return (InetSocketAddress) RawServer.onLoop(udp, () -> udp.localAddress().orElseThrow());
    }

    /**
     * Sends numbered datagrams in batches and collects the numbers echoed back, waiting
     * {@code quietMillis} after the last echo of a batch for stragglers.
     */
    private static Set<Integer> exchange(InetSocketAddress echo, int quietMillis) throws Exception {
        Set<Integer> back = new HashSet<>();
        try (DatagramSocket client = new DatagramSocket(ANY_LOOPBACK_PORT)) {
            client.setSoTimeout(quietMillis);
            byte[] buf = new byte[100];
            for (int first = 0; first < DATAGRAMS; first += BATCH) {
                for (int i = first; i < first + BATCH; i++) {
                    byte[] payload = ("datagram " + i).getBytes(StandardCharsets.US_ASCII);
                    client.send(new DatagramPacket(payload, payload.length, echo));
                }
                int batchEnd = first + BATCH;
                while (back.stream().filter(n -> n >= batchEnd - BATCH && n < batchEnd).count() < BATCH) {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    try {
                        client.receive(p);
                    } catch (SocketTimeoutException e) {
                        break; // the rest of this batch was lost
                    }
                    assertEquals(echo, p.getSocketAddress(), "echoes come from the echo's socket");
                    String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII);
                    assertTrue(text.startsWith("datagram "), text);
                    assertTrue(back.add(Integer.parseInt(text.substring(9))), "duplicate echo: " + text);
                }
            }
        }
        return back;
    }

    @Test
    void everyDatagramIsEchoedToItsSource() throws Exception {
        InetSocketAddress echo = adopt(UdpRequest.builder(RawTestProvider.NAME));

        Set<Integer> back = exchange(echo, 5_000);

        assertEquals(DATAGRAMS, back.size());
    }

    @Test
    void receiveLossSimulationDropsAboutHalf() throws Exception {
        InetSocketAddress echo = adopt(UdpRequest.builder(RawTestProvider.NAME).lossSimRxPercent(50));

        int back = exchange(echo, 250).size();

        assertTrue(back >= 40 && back <= 160, back + " of " + DATAGRAMS + " came back with 50% receive loss");
    }

    @Test
    void transmitLossSimulationDropsAboutHalf() throws Exception {
        InetSocketAddress echo = adopt(UdpRequest.builder(RawTestProvider.NAME).lossSimTxPercent(50));

        int back = exchange(echo, 250).size();

        assertTrue(back >= 40 && back <= 160, back + " of " + DATAGRAMS + " came back with 50% transmit loss");
    }

    @Test
    void datagramLargerThanTheStreamReceiveBufferComesBackWhole() throws Exception {
        InetSocketAddress echo = adopt(UdpRequest.builder(RawTestProvider.NAME));
        byte[] payload = new byte[60_000];
        new java.util.Random(7).nextBytes(payload);
        try (DatagramSocket client = new DatagramSocket(ANY_LOOPBACK_PORT)) {
            client.setSoTimeout(5_000);
            client.send(new DatagramPacket(payload, payload.length, echo));
            DatagramPacket p = new DatagramPacket(new byte[65_535], 65_535);
            client.receive(p);
            assertEquals(payload.length, p.getLength(), "not truncated to rx-buffer-size");
            assertTrue(java.util.Arrays.equals(payload, java.util.Arrays.copyOf(p.getData(), p.getLength())));
        }
    }
}
