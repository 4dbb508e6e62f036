package org.lightwire.core.net;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Optional;

/** A connected TCP or unix-domain socket channel registered with the wire's selector. */
final class SocketTransport implements StreamTransport {

    private final SocketChannel channel;
    private SelectionKey key;

    SocketTransport(SocketChannel channel) {
        this.channel = channel;
    }

    @Override
    public void attach(Wire wire) throws IOException {
        channel.configureBlocking(false);
        key = wire.eventLoop().register(channel, SelectionKey.OP_READ, wire);
    }

    /** Takes over the key of a channel registered while it was connecting. */
    void adoptKey(SelectionKey connectingKey) {
        this.key = connectingKey;
        key.interestOps(SelectionKey.OP_READ);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return channel.read(dst);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return channel.write(src);
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
        try {
            return Optional.ofNullable(channel.getRemoteAddress());
        } catch (IOException e) {
            return Optional.empty();
        }
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
