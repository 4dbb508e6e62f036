package org.lightwire.benchmarks.ws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import org.lightwire.benchmarks.echo.ClosedLoop;

/**
 * Closed-loop WebSocket echo load: each of K connections sends one masked text message of
 * a fixed size, waits until that many payload bytes came back, checks them byte for byte,
 * records the round trip and sends the next. One thread, one selector; nothing allocated
 * per message (frames are built in place, every message gets a fresh mask key from a
 * xorshift generator, as RFC 6455 wants an unpredictable key per frame).
 *
 * <p>The echo may come back split into several messages: lws' mirror relays each chunk it
 * received as a message of its own (a 16 KiB message comes back as ~5), so a round trip
 * ends when the payload bytes, not the frames, add up to the message size. The loop
 * itself is {@link ClosedLoop}.
 */
final class WsEchoLoad extends ClosedLoop<WsEchoLoad.Conn> {

    private static final int RX_BUFFER = 256 * 1024;

    private final int messageSize;
    private long random = System.nanoTime() | 1;

    /** Opens {@code connections} upgraded connections to {@code path} with {@code subprotocol}. */
    WsEchoLoad(InetSocketAddress server, String path, String subprotocol, int connections, int messageSize)
            throws IOException {
        this.messageSize = messageSize;
        try {
            for (int i = 0; i < connections; i++) {
                Conn c = new Conn(i, messageSize);
                c.channel = WsHandshake.open(server, path, subprotocol, c.rx);
                add(c);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Drives the load for {@code duration}, then lets the round trips in flight finish. */
    WsMeasurement run(Duration duration) throws IOException {
        Run run = drive(duration);
        return new WsMeasurement(run.echoes(), run.nanos(), run.latencies(), run.cpuNanos(), run.failure());
    }

    @Override
    protected void receive(Conn c) throws IOException {
        ByteBuffer rx = c.rx;
        rx.compact();
        int n = c.channel.read(rx);
        rx.flip();
        if (n < 0) {
            fail(c, "the server closed the connection");
            return;
        }
        byte[] a = rx.array();
        while (!failed()) {
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
                    fail(c, "the server sent a masked frame");
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
                    fail(c, "the server sent close" + closeDetail(rx, len));
                    return;
                }
                if (c.opcode <= 2 && c.received + len > messageSize) {
                    fail(c, (c.received + len) + " echoed bytes for a " + messageSize + "-byte message");
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
        if (!c.outstanding()) {
            fail(c, "an echo arrived that was never sent");
            return;
        }
        if (!Arrays.equals(c.echoed, 0, messageSize, c.plain, 0, messageSize)) {
            fail(c, "echoed message differs from the sent one");
            return;
        }
        c.received = 0;
        echoed(c, now);
    }

    @Override
    protected void send(Conn c) throws IOException {
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
        c.received = 0;
        sent(c);
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

    /** One connection's buffers and the state of its message in flight. */
    static final class Conn extends ClosedLoop.Connection {
        final byte[] plain;
        final byte[] echoed;
        final ByteBuffer tx;
        final ByteBuffer rx = ByteBuffer.allocate(RX_BUFFER);
        long sequence;
        int received;
        long payloadLeft;
        int opcode;

        Conn(int index, int size) {
            super(index);
            this.plain = new byte[size];
            this.echoed = new byte[size];
            this.tx = ByteBuffer.allocate(size + 14);
            // recognisable ASCII filler after the sequence number
            for (int i = 0; i < size; i++) {
                plain[i] = (byte) ('a' + (index * 7 + i) % 26);
            }
        }

        @Override
        protected ByteBuffer tx() {
            return tx;
        }
    }
}
