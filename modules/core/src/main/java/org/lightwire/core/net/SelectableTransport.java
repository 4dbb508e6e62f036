package org.lightwire.core.net;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.Optional;

/** What socket transports share: a channel registered with the wire's selector. */
abstract class SelectableTransport<C extends SelectableChannel & NetworkChannel> implements Transport {

    protected final C channel;
    private SelectionKey key;

    SelectableTransport(C channel) {
        this.channel = channel;
    }

    @Override
    public void attach(Wire wire) throws IOException {
        channel.configureBlocking(false);
        key = wire.eventLoop().register(channel, SelectionKey.OP_READ, wire);
    }

    /** Takes over the key of a channel registered before the wire owned it (a client that was connecting). */
    void adoptKey(SelectionKey registered) {
        this.key = registered;
        key.interestOps(SelectionKey.OP_READ);
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
    public Optional<SocketAddress> localAddress() {
        try {
            return Optional.ofNullable(channel.getLocalAddress());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
