package org.lightwire.core.net;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.util.Optional;

/** A connected TCP or unix-domain socket channel registered with the wire's selector. */
final class SocketTransport extends SelectableTransport<SocketChannel> implements StreamTransport {

    SocketTransport(SocketChannel channel) {
        super(channel);
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
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    /** Zero-copy send of a file region (sendfile); returns what the socket took. */
    long transferFrom(FileChannel file, long position, long count) throws IOException {
        return file.transferTo(position, count, channel);
    }

    @Override
    public Optional<SocketAddress> remoteAddress() {
        try {
            return Optional.ofNullable(channel.getRemoteAddress());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
