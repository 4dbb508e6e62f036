package org.lightwire.benchmarks.echo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/** Opens the load client's sockets: the same options against every server. */
final class ClientSockets {

    private ClientSockets() {
    }

    /** {@code count} connected, non-blocking sockets with TCP_NODELAY (as both servers set). */
    static SocketChannel[] open(InetSocketAddress server, int count) throws IOException {
        SocketChannel[] channels = new SocketChannel[count];
        try {
            for (int i = 0; i < count; i++) {
                SocketChannel ch = SocketChannel.open();
                channels[i] = ch;
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ch.connect(server);
                ch.configureBlocking(false);
            }
        } catch (IOException e) {
            closeAll(channels);
            throw e;
        }
        return channels;
    }

    static void closeAll(SocketChannel[] channels) {
        for (SocketChannel ch : channels) {
            if (ch == null) {
                continue;
            }
            try {
                ch.close();
            } catch (IOException ignored) {
                // the benchmark is over for this socket either way
            }
        }
    }
}
