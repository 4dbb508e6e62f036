package org.lightwire.benchmarks.echo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * Bulk echo: every connection keeps up to {@code window} bytes in flight, sent in writes
 * of {@code chunk} bytes, and checks that what comes back is what went out (byte count and
 * a CRC-32 over each direction). One thread, one selector, no allocation per event.
 */
final class ThroughputLoad implements EchoLoad {

    /**
     * The stream repeats a random pattern of prime length, so chunk boundaries drift
     * through it and a lost, duplicated or reordered chunk changes the checksum.
     */
    private static final int PATTERN_PERIOD = 65_521;
    private static final long DRAIN_LIMIT_NANOS = Duration.ofSeconds(10).toNanos();

    private final Selector selector;
    private final SocketChannel[] channels;
    private final Stream[] streams;
    private final ByteBuffer rx = ByteBuffer.allocateDirect(64 * 1024);
    private final int window;
    private final int chunk;
    private boolean sending;
    private String failure;

    ThroughputLoad(InetSocketAddress server, int connections, int window, int chunk) throws IOException {
        this.window = window;
        this.chunk = Math.min(chunk, window);
        ByteBuffer pattern = randomPattern(PATTERN_PERIOD + this.chunk);
        this.selector = Selector.open();
        this.channels = ClientSockets.open(server, connections);
        this.streams = new Stream[connections];
        for (int i = 0; i < connections; i++) {
            streams[i] = new Stream(channels[i], pattern);
            streams[i].key = channels[i].register(selector, SelectionKey.OP_READ, streams[i]);
        }
    }

    private static ByteBuffer randomPattern(int length) {
        ByteBuffer b = ByteBuffer.allocateDirect(length);
        SplittableRandom random = new SplittableRandom(42);
        while (b.hasRemaining()) {
            b.put((byte) random.nextInt(256));
        }
        return b.flip();
    }

    @Override
    public Measurement run(Duration duration) throws IOException {
        long receivedBefore = totalReceived();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        sending = true;
        for (Stream s : streams) {
            topUp(s);
        }
        while (failure == null && System.nanoTime() < end) {
            selector.select(this::onReady, 10);
        }
        long nanos = System.nanoTime() - start;
        long echoed = totalReceived() - receivedBefore;
        sending = false;
        drain();
        // an "echo" of the bulk load is one write's worth of bytes come back
        return new Measurement(echoed / chunk, echoed, nanos, null, failure == null ? verify() : failure);
    }

    private void drain() throws IOException {
        long giveUp = System.nanoTime() + DRAIN_LIMIT_NANOS;
        while (failure == null && inFlight() > 0 && System.nanoTime() < giveUp) {
            selector.select(this::onReady, 10);
        }
    }

    private String verify() {
        for (int i = 0; i < streams.length; i++) {
            Stream s = streams[i];
            if (s.received != s.sent) {
                return "connection " + i + ": sent " + s.sent + " bytes, " + s.received + " came back";
            }
            if (s.sentCrc.getValue() != s.receivedCrc.getValue()) {
                return "connection " + i + ": echoed bytes differ from the sent ones (CRC-32)";
            }
        }
        return null;
    }

    private void onReady(SelectionKey key) {
        Stream s = (Stream) key.attachment();
        try {
            if (key.isReadable()) {
                receive(s);
            }
            if (failure == null && key.isValid()) {
                topUp(s);
            }
        } catch (IOException e) {
            failure = "I/O error: " + e.getMessage();
        }
    }

    private void receive(Stream s) throws IOException {
        rx.clear();
        int n = s.channel.read(rx);
        if (n < 0) {
            failure = "the server closed a connection";
            return;
        }
        rx.flip();
        s.receivedCrc.update(rx);
        s.received += n;
    }

    /** Writes whole chunks while the window allows; a short write waits for OP_WRITE. */
    private void topUp(Stream s) throws IOException {
        while (true) {
            if (s.sent == s.chunkEnd) {
                if (!sending || window - (s.sent - s.received) < chunk) {
                    break;
                }
                s.chunkEnd = s.sent + chunk;
            }
            int from = (int) (s.sent % PATTERN_PERIOD);
            int length = (int) (s.chunkEnd - s.sent);
            s.out.limit(from + length).position(from);
            int written = s.channel.write(s.out);
            s.checksummed.limit(from + written).position(from);
            s.sentCrc.update(s.checksummed);
            s.sent += written;
            if (written < length) {
                break;
            }
        }
        int ops = s.sent < s.chunkEnd ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
        if (s.key.interestOps() != ops) {
            s.key.interestOps(ops);
        }
    }

    private long totalReceived() {
        long sum = 0;
        for (Stream s : streams) {
            sum += s.received;
        }
        return sum;
    }

    private long inFlight() {
        long sum = 0;
        for (Stream s : streams) {
            sum += s.sent - s.received;
        }
        return sum;
    }

    @Override
    public void close() throws IOException {
        ClientSockets.closeAll(channels);
        selector.close();
    }

    /** One connection's two directions. */
    private static final class Stream {
        final SocketChannel channel;
        /** Views of the shared pattern: one to write from, one to checksum what was written. */
        final ByteBuffer out;
        final ByteBuffer checksummed;
        final CRC32 sentCrc = new CRC32();
        final CRC32 receivedCrc = new CRC32();
        SelectionKey key;
        long sent;
        long received;
        /** Stream offset where the chunk being written ends. */
        long chunkEnd;

        Stream(SocketChannel channel, ByteBuffer pattern) {
            this.channel = channel;
            this.out = pattern.duplicate();
            this.checksummed = pattern.duplicate();
        }
    }
}
