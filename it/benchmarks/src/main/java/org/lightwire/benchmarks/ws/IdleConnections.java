package org.lightwire.benchmarks.ws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Many upgraded WebSocket connections that send nothing: what a server keeps per idle
 * connection is what they cost. Each is opened and upgraded in turn (blocking), then left
 * alone; {@link #stillOpen()} checks afterwards that the server kept them.
 */
final class IdleConnections implements AutoCloseable {

    private final List<SocketChannel> channels = new ArrayList<>();

    IdleConnections(InetSocketAddress server, int count) throws IOException {
        ByteBuffer rx = ByteBuffer.allocate(16 * 1024);
        try {
            for (int i = 0; i < count; i++) {
                channels.add(WsHandshake.open(server, "/", WsServers.SUBPROTOCOL, rx));
            }
        } catch (IOException e) {
            close();
            throw new IOException("opening idle connection " + (channels.size() + 1) + " of " + count + ": "
                    + e.getMessage(), e);
        }
    }

    /** Connections the server has not closed (a non-blocking read does not see end of stream). */
    int stillOpen() {
        ByteBuffer scratch = ByteBuffer.allocate(4096);
        int open = 0;
        for (SocketChannel ch : channels) {
            try {
                scratch.clear();
                int n;
                do {
                    n = ch.read(scratch);
                    scratch.clear();
                } while (n > 0);
                if (n == 0) {
                    open++;
                }
            } catch (IOException e) {
                // reset by the server: not open
            }
        }
        return open;
    }

    @Override
    public void close() {
        for (SocketChannel ch : channels) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // the measurement is over for this socket either way
            }
        }
    }
}
