package org.lightwire.benchmarks.echo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * Ping-pong: every connection sends one small message, waits for it to come back whole,
 * checks it byte for byte, records the round trip, and sends the next. One thread, one
 * selector, no allocation per message.
 */
final class PingPongLoad implements EchoLoad {

    private static final long DRAIN_LIMIT_NANOS = Duration.ofSeconds(10).toNanos();

    private final Selector selector;
    private final SocketChannel[] channels;
    private final Pinger[] pingers;
    private final int messageSize;
    private LatencyHistogram latencies;
    private long completed;
    private boolean sending;
    private String failure;

    PingPongLoad(InetSocketAddress server, int connections, int messageSize) throws IOException {
        this.messageSize = messageSize;
        this.selector = Selector.open();
        this.channels = ClientSockets.open(server, connections);
        this.pingers = new Pinger[connections];
        for (int i = 0; i < connections; i++) {
            pingers[i] = new Pinger(channels[i], messageSize, i);
            pingers[i].key = channels[i].register(selector, SelectionKey.OP_READ, pingers[i]);
        }
    }

    @Override
    public Measurement run(Duration duration) throws IOException {
        latencies = new LatencyHistogram();
        completed = 0;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        sending = true;
        for (Pinger p : pingers) {
            send(p);
        }
        while (failure == null && System.nanoTime() < end) {
            selector.select(this::onReady, 10);
        }
        long nanos = System.nanoTime() - start;
        long echoes = completed;
        LatencyHistogram measured = latencies;
        sending = false;
        drain();
        return new Measurement(echoes, echoes * messageSize, nanos, measured, failure);
    }

    /** Lets the last round trips finish so the next run starts with idle connections. */
    private void drain() throws IOException {
        long giveUp = System.nanoTime() + DRAIN_LIMIT_NANOS;
        while (failure == null && anyOutstanding() && System.nanoTime() < giveUp) {
            selector.select(this::onReady, 10);
        }
        if (failure == null && anyOutstanding()) {
            failure = "echoes still missing " + DRAIN_LIMIT_NANOS / 1_000_000_000 + " s after the run";
        }
    }

    private boolean anyOutstanding() {
        for (Pinger p : pingers) {
            if (p.outstanding) {
                return true;
            }
        }
        return false;
    }

    private void onReady(SelectionKey key) {
        Pinger p = (Pinger) key.attachment();
        try {
            if (key.isWritable()) {
                flush(p);
            }
            if (key.isReadable()) {
                receive(p);
            }
        } catch (IOException e) {
            failure = "I/O error: " + e.getMessage();
        }
    }

    private void receive(Pinger p) throws IOException {
        if (p.channel.read(p.in) < 0) {
            failure = "the server closed a connection";
            return;
        }
        if (p.in.hasRemaining()) {
            return;
        }
        long now = System.nanoTime();
        if (!p.outstanding) {
            failure = "connection " + p.index + ": bytes arrived that were never sent";
            return;
        }
        p.in.flip();
        p.out.rewind();
        if (!p.in.equals(p.out)) {
            failure = "connection " + p.index + ": echoed message differs from the sent one";
            return;
        }
        p.outstanding = false;
        if (sending) {
            // a round trip that ends after the measured time is left out of the figures
            latencies.record(now - p.sentAt);
            completed++;
            send(p);
        }
    }

    private void send(Pinger p) throws IOException {
        p.sequence++;
        p.out.clear();
        p.out.putLong(0, p.sequence);
        p.in.clear();
        p.outstanding = true;
        p.sentAt = System.nanoTime();
        flush(p);
    }

    private void flush(Pinger p) throws IOException {
        p.channel.write(p.out);
        int ops = p.out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
        if (p.key.interestOps() != ops) {
            p.key.interestOps(ops);
        }
    }

    @Override
    public void close() throws IOException {
        ClientSockets.closeAll(channels);
        selector.close();
    }

    /** One connection's message in each direction. */
    private static final class Pinger {
        final SocketChannel channel;
        final int index;
        final ByteBuffer out;
        final ByteBuffer in;
        SelectionKey key;
        long sequence;
        long sentAt;
        boolean outstanding;

        Pinger(SocketChannel channel, int size, int index) {
            this.channel = channel;
            this.index = index;
            this.out = ByteBuffer.allocateDirect(size);
            this.in = ByteBuffer.allocateDirect(size);
            // recognisable filler after the 8-byte sequence number
            for (int i = 8; i < size; i++) {
                out.put(i, (byte) (index * 31 + i));
            }
        }
    }
}
