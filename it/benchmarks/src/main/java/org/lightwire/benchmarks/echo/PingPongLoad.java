package org.lightwire.benchmarks.echo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * Ping-pong: every connection sends one small message, waits for it to come back whole,
 * checks it byte for byte, records the round trip, and sends the next. One thread, one
 * selector, no allocation per message (the loop itself is {@link ClosedLoop}).
 */
final class PingPongLoad extends ClosedLoop<PingPongLoad.Pinger> implements EchoLoad {

    private final int messageSize;

    PingPongLoad(InetSocketAddress server, int connections, int messageSize) throws IOException {
        this.messageSize = messageSize;
        SocketChannel[] channels = ClientSockets.open(server, connections);
        try {
            for (int i = 0; i < connections; i++) {
                Pinger p = new Pinger(i, messageSize);
                p.channel = channels[i];
                add(p);
            }
        } catch (IOException | RuntimeException e) {
            ClientSockets.closeAll(channels);
            close();
            throw e;
        }
    }

    @Override
    public Measurement run(Duration duration) throws IOException {
        Run run = drive(duration);
        return new Measurement(run.echoes(), run.echoes() * messageSize, run.nanos(), run.latencies(), run.failure());
    }

    @Override
    protected void receive(Pinger p) throws IOException {
        if (p.channel.read(p.in) < 0) {
            fail(p, "the server closed the connection");
            return;
        }
        if (p.in.hasRemaining()) {
            return;
        }
        long now = System.nanoTime();
        if (!p.outstanding()) {
            fail(p, "bytes arrived that were never sent");
            return;
        }
        p.in.flip();
        p.out.rewind();
        if (!p.in.equals(p.out)) {
            fail(p, "echoed message differs from the sent one");
            return;
        }
        echoed(p, now);
    }

    @Override
    protected void send(Pinger p) throws IOException {
        p.sequence++;
        p.out.clear();
        p.out.putLong(0, p.sequence);
        p.in.clear();
        sent(p);
    }

    /** One connection's message in each direction. */
    static final class Pinger extends ClosedLoop.Connection {
        final ByteBuffer out;
        final ByteBuffer in;
        long sequence;

        Pinger(int index, int size) {
            super(index);
            this.out = ByteBuffer.allocateDirect(size);
            this.in = ByteBuffer.allocateDirect(size);
            // recognisable filler after the 8-byte sequence number
            for (int i = 8; i < size; i++) {
                out.put(i, (byte) (index * 31 + i));
            }
        }

        @Override
        protected ByteBuffer tx() {
            return out;
        }
    }
}
