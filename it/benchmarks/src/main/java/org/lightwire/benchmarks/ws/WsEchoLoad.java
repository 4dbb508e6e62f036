package org.lightwire.benchmarks.ws;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Arrays;
import org.lightwire.benchmarks.echo.LatencyHistogram;

/**
 * Closed-loop WebSocket echo load: each of K connections sends one masked text message of
 * a fixed size, waits until that many payload bytes came back, checks them byte for byte,
 * records the round trip and sends the next. One thread, one selector; nothing allocated
 * per message (frames are built in place, every message gets a fresh mask key from a
 * xorshift generator, as RFC 6455 wants an unpredictable key per frame).
 *
 * <p>The echo may come back split into several messages: lws' mirror relays each chunk it
 * received as a message of its own (a 16 KiB message comes back as ~5), so a round trip
 * ends when the payload bytes, not the frames, add up to the message size.
 */
final class WsEchoLoad implements AutoCloseable {

    private static final long DRAIN_LIMIT_NANOS = Duration.ofSeconds(10).toNanos();
    private static final int RX_BUFFER = 256 * 1024;

    private final Selector selector;
    private final Conn[] conns;
    private final int messageSize;
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private LatencyHistogram latencies;
    private long completed;
    private boolean sending;
    private String failure;
    private long random = System.nanoTime() | 1;

    /** Opens {@code connections} upgraded connections to {@code path} with {@code subprotocol}. */
    WsEchoLoad(InetSocketAddress server, String path, String subprotocol, int connections, int messageSize)
            throws IOException {
        this.messageSize = messageSize;
        this.selector = Selector.open();
        this.conns = new Conn[connections];
        try {
            for (int i = 0; i < connections; i++) {
                Conn c = new Conn(i, messageSize);
                c.channel = WsHandshake.open(server, path, subprotocol, c.rx);
                c.key = c.channel.register(selector, SelectionKey.OP_READ, c);
                conns[i] = c;
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Drives the load for {@code duration}, then lets the round trips in flight finish. */
    WsMeasurement run(Duration duration) throws IOException {
        latencies = new LatencyHistogram();
        completed = 0;
        long cpu0 = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        sending = true;
        for (Conn c : conns) {
            send(c);
        }
        while (failure == null && System.nanoTime() < end) {
            selector.select(this::onReady, 10);
        }
        long nanos = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        long echoes = completed;
        LatencyHistogram measured = latencies;
        sending = false;
        drain();
        return new WsMeasurement(echoes, nanos, measured, cpu, failure);
    }

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
        for (Conn c : conns) {
            if (c.outstanding) {
                return true;
            }
        }
        return false;
    }

    private void onReady(SelectionKey key) {
        Conn c = (Conn) key.attachment();
        try {
            if (key.isWritable()) {
                flush(c);
            }
            if (key.isReadable()) {
                receive(c);
            }
        } catch (IOException e) {
            failure = "connection " + c.index + ": I/O error: " + e.getMessage();
        }
    }

    private void receive(Conn c) throws IOException {
        ByteBuffer rx = c.rx;
        rx.compact();
        int n = c.channel.read(rx);
        rx.flip();
        if (n < 0) {
            failure = "connection " + c.index + ": the server closed the connection";
            return;
        }
        byte[] a = rx.array();
        while (failure == null) {
            int p = rx.position();
            int avail = rx.remaining();
            if (c.payloadLeft == 0) {
                // a frame header: 2 bytes, then 2 or 8 bytes of extended length (servers never mask)
                if (avail < 2) {
                    return;
                }
                int b0 = a[p] & 0xff;
                int b1 = a[p + 1] & 0xff;
                int len7 = b1 & 0x7f;
                int headLen = len7 == 126 ? 4 : len7 == 127 ? 10 : 2;
                if ((b1 & 0x80) != 0) {
                    failure = "connection " + c.index + ": the server sent a masked frame";
                    return;
                }
                if (avail < headLen) {
                    return;
                }
                long len = len7 == 126 ? ((a[p + 2] & 0xff) << 8) | (a[p + 3] & 0xff)
                        : len7 == 127 ? rx.getLong(p + 2) : len7;
                rx.position(p + headLen);
                c.opcode = b0 & 0x0f;
                if (c.opcode == 8) {
                    failure = "connection " + c.index + ": the server sent close" + closeDetail(rx, len);
                    return;
                }
                if (c.opcode <= 2 && c.received + len > messageSize) {
                    failure = "connection " + c.index + ": " + (c.received + len) + " echoed bytes for a "
                            + messageSize + "-byte message";
                    return;
                }
                c.payloadLeft = len;
                if (len == 0) {
                    continue;
                }
            }
            int take = (int) Math.min(c.payloadLeft, rx.remaining());
            if (take == 0) {
                return;
            }
            if (c.opcode <= 2) {
                rx.get(c.echoed, c.received, take);
                c.received += take;
            } else {
                // ping or pong from the server: not part of the echo (no ping is expected here)
                rx.position(rx.position() + take);
            }
            c.payloadLeft -= take;
            if (c.payloadLeft == 0 && c.opcode <= 2 && c.received == messageSize) {
                completed(c);
            }
        }
    }

    private String closeDetail(ByteBuffer rx, long len) {
        if (len >= 2 && rx.remaining() >= 2) {
            return " " + (((rx.get(rx.position()) & 0xff) << 8) | (rx.get(rx.position() + 1) & 0xff));
        }
        return "";
    }

    private void completed(Conn c) throws IOException {
        long now = System.nanoTime();
        if (!c.outstanding) {
            failure = "connection " + c.index + ": an echo arrived that was never sent";
            return;
        }
        if (!Arrays.equals(c.echoed, 0, messageSize, c.plain, 0, messageSize)) {
            failure = "connection " + c.index + ": echoed message differs from the sent one";
            return;
        }
        c.outstanding = false;
        c.received = 0;
        if (sending) {
            // a round trip that ends after the measured time is left out of the figures
            latencies.record(now - c.sentAt);
            completed++;
            send(c);
        }
    }

    private void send(Conn c) throws IOException {
        c.sequence++;
        writeSequence(c.plain, c.sequence);
        int mask = nextMask();
        ByteBuffer out = c.tx;
        out.clear();
        out.put((byte) 0x81); // FIN + text: lws' mirror relays text, and the payload is ASCII
        if (messageSize < 126) {
            out.put((byte) (0x80 | messageSize));
        } else if (messageSize <= 0xffff) {
            out.put((byte) (0x80 | 126)).putShort((short) messageSize);
        } else {
            out.put((byte) (0x80 | 127)).putLong(messageSize);
        }
        out.putInt(mask);
        int start = out.position();
        byte[] t = out.array();
        byte[] plain = c.plain;
        byte m0 = (byte) (mask >>> 24);
        byte m1 = (byte) (mask >>> 16);
        byte m2 = (byte) (mask >>> 8);
        byte m3 = (byte) mask;
        int i = 0;
        for (; i + 4 <= messageSize; i += 4) {
            t[start + i] = (byte) (plain[i] ^ m0);
            t[start + i + 1] = (byte) (plain[i + 1] ^ m1);
            t[start + i + 2] = (byte) (plain[i + 2] ^ m2);
            t[start + i + 3] = (byte) (plain[i + 3] ^ m3);
        }
        for (; i < messageSize; i++) {
            t[start + i] = (byte) (plain[i] ^ (byte) (mask >>> (24 - 8 * (i & 3))));
        }
        out.position(start + messageSize).flip();
        c.outstanding = true;
        c.received = 0;
        c.sentAt = System.nanoTime();
        flush(c);
    }

    /** The sequence number as 16 hex digits at the start of the payload: stays ASCII text. */
    private static void writeSequence(byte[] plain, long sequence) {
        int digits = Math.min(16, plain.length);
        for (int i = digits - 1; i >= 0; i--) {
            plain[i] = (byte) "0123456789abcdef".charAt((int) (sequence & 0xf));
            sequence >>>= 4;
        }
    }

    private int nextMask() {
        long x = random;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        random = x;
        return (int) (x >>> 16);
    }

    private void flush(Conn c) throws IOException {
        c.channel.write(c.tx);
        int ops = c.tx.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
        if (c.key.interestOps() != ops) {
            c.key.interestOps(ops);
        }
    }

    @Override
    public void close() throws IOException {
        for (Conn c : conns) {
            if (c != null && c.channel != null) {
                try {
                    c.channel.close();
                } catch (IOException ignored) {
                    // the benchmark is over for this socket either way
                }
            }
        }
        selector.close();
    }

    /** One connection's buffers and the state of its message in flight. */
    private static final class Conn {
        final int index;
        final byte[] plain;
        final byte[] echoed;
        final ByteBuffer tx;
        final ByteBuffer rx = ByteBuffer.allocate(RX_BUFFER);
        SocketChannel channel;
        SelectionKey key;
        long sequence;
        long sentAt;
        boolean outstanding;
        int received;
        long payloadLeft;
        int opcode;

        Conn(int index, int size) {
            this.index = index;
            this.plain = new byte[size];
            this.echoed = new byte[size];
            this.tx = ByteBuffer.allocate(size + 14);
            // recognisable ASCII filler after the sequence number
            for (int i = 0; i < size; i++) {
                plain[i] = (byte) ('a' + (index * 7 + i) % 26);
            }
        }
    }
}
