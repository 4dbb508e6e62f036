package org.lightwire.core.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A UDP socket registered with the wire's selector, with lws' simulated packet loss: a
 * set percentage of datagrams is dropped on the way in and on the way out, so protocols
 * can test their retries.
 */
final class DatagramTransport implements Transport {

    private final DatagramChannel channel;
    private final InetSocketAddress defaultDestination;
    private final int lossTxPercent;
    private final int lossRxPercent;
    private SplittableRandom random;
    private SelectionKey key;

    DatagramTransport(DatagramChannel channel, InetSocketAddress defaultDestination, int lossTxPercent,
            int lossRxPercent) {
        this.channel = channel;
        this.defaultDestination = defaultDestination;
        this.lossTxPercent = lossTxPercent;
        this.lossRxPercent = lossRxPercent;
    }

    @Override
    public void attach(Wire wire) throws IOException {
        channel.configureBlocking(false);
        random = wire.eventLoop().random();
        key = wire.eventLoop().register(channel, SelectionKey.OP_READ, wire);
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
    public void interest(boolean read, boolean write) {
        if (key != null && key.isValid()) {
            int ops = (read ? SelectionKey.OP_READ : 0) | (write ? SelectionKey.OP_WRITE : 0);
            if (key.interestOps() != ops) {
                key.interestOps(ops);
            }
        }
    }

    @Override
    public void close() {
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    @Override
    public Optional<SocketAddress> remoteAddress() {
        return Optional.ofNullable(defaultDestination);
    }

    @Override
    public Optional<SocketAddress> localAddress() {
        try {
            return Optional.ofNullable(channel.getLocalAddress());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
