package org.lightwire.core.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A UDP socket registered with the wire's selector, with lws' simulated packet loss: a
 * set percentage of datagrams is dropped on the way in and on the way out, so protocols
 * can test their retries.
 */
final class DatagramTransport extends SelectableTransport<DatagramChannel> {

    private final InetSocketAddress defaultDestination;
    private final int lossTxPercent;
    private final int lossRxPercent;
    private SplittableRandom random;

    DatagramTransport(DatagramChannel channel, InetSocketAddress defaultDestination, int lossTxPercent,
            int lossRxPercent) {
        super(channel);
        this.defaultDestination = defaultDestination;
        this.lossTxPercent = lossTxPercent;
        this.lossRxPercent = lossRxPercent;
    }

    @Override
    public void attach(Wire wire) throws IOException {
        random = wire.eventLoop().random();
        super.attach(wire);
    }
    /**
     * Receives one datagram into {@code dst}.
     *
     * @return its source, or null if none is waiting; a datagram chosen to be lost is
     *         consumed and reported as {@link #LOST}
     */
    SocketAddress receive(ByteBuffer dst) throws IOException {
        SocketAddress source = channel.receive(dst);
        if (source != null && lossRxPercent > 0 && random.nextInt(100) < lossRxPercent) {
            return LOST;
        }
        return source;
    }

    /** Marker source of a datagram dropped by loss simulation. */
    static final SocketAddress LOST = new SocketAddress() {
        private static final long serialVersionUID = 1L;

        @Override
        public String toString() {
            return "(lost)";
        }
    };

    /**
     * Sends one datagram.
     *
     * @return false if the socket has no room now (try again when writable); a datagram
     *         chosen to be lost counts as sent
     */
    boolean send(ByteBuffer src, SocketAddress destination) throws IOException {
        if (lossTxPercent > 0 && random.nextInt(100) < lossTxPercent) {
            src.position(src.limit());
            return true;
        }
        return channel.send(src, destination) > 0 || !src.hasRemaining();
    }

    @Override
    public Optional<SocketAddress> remoteAddress() {
        return Optional.ofNullable(defaultDestination);
    }
}
