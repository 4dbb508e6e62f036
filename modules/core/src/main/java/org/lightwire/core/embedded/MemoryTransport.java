package org.lightwire.core.embedded;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Optional;
import org.lightwire.core.net.StreamTransport;
import org.lightwire.core.net.Wire;

/**
 * A stream transport made of buffers: the test feeds inbound bytes, collects outbound
 * bytes, and decides how much the "socket" accepts per write.
 */
final class MemoryTransport implements StreamTransport {

    static final SocketAddress PEER = InetSocketAddress.createUnresolved("embedded-peer", 1);

    private final SocketAddress peer;
    private final ArrayDeque<ByteBuffer> inbound = new ArrayDeque<>();
    private final ByteArrayOutputStream outbound = new ByteArrayOutputStream();
    private boolean endOfInput;
    private long writeBudget = Long.MAX_VALUE;
    private boolean readInterest;
    private boolean writeInterest;
    private boolean closed;
    private boolean outputShut;
    Wire wire;

    MemoryTransport() {
        this(PEER);
    }

    /** A transport whose remote address is {@code peer} (per-IP limits see it). */
    MemoryTransport(SocketAddress peer) {
        this.peer = peer;
    }

    @Override
    public void attach(Wire w) {
        this.wire = w;
        readInterest = true;
    }

    void feed(byte[] data) {
        inbound.add(ByteBuffer.wrap(data.clone()));
    }

    void endInput() {
        endOfInput = true;
    }

    boolean hasInput() {
        return !inbound.isEmpty() || endOfInput;
    }

    void setWriteBudget(long bytes) {
        this.writeBudget = bytes;
    }

    long budget() {
        return writeBudget;
    }

    byte[] drainOutbound() {
        byte[] b = outbound.toByteArray();
        outbound.reset();
        return b;
    }

    boolean readInterest() {
        return readInterest;
    }

    boolean writeInterest() {
        return writeInterest;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public int read(ByteBuffer dst) {
        int n = 0;
        while (dst.hasRemaining() && !inbound.isEmpty()) {
            ByteBuffer head = inbound.peek();
            int take = Math.min(head.remaining(), dst.remaining());
            int limit = head.limit();
            head.limit(head.position() + take);
            dst.put(head);
            head.limit(limit);
            n += take;
            if (!head.hasRemaining()) {
                inbound.poll();
            }
        }
        if (n == 0 && endOfInput) {
            endOfInput = false;
            return -1;
        }
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        int n = (int) Math.min(src.remaining(), writeBudget);
        if (n > 0) {
            byte[] chunk = new byte[n];
            src.get(chunk);
            outbound.write(chunk, 0, n);
            writeBudget -= n;
        }
        return n;
    }

    @Override
    public void interest(boolean read, boolean write) {
        readInterest = read;
        writeInterest = write;
    }

    @Override
    public void shutdownOutput() {
        outputShut = true;
    }

    /** Whether this side sent its end of stream (a half-close). */
    boolean isOutputShut() {
        return outputShut;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public Optional<SocketAddress> remoteAddress() {
        return Optional.of(peer);
    }

    @Override
    public Optional<SocketAddress> localAddress() {
        return Optional.empty();
    }
}
