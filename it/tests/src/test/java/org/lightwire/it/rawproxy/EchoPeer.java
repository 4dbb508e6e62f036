package org.lightwire.it.rawproxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Executor;

/**
 * The onward server the raw-proxy ITs relay to: listens on loopback and echoes each
 * connection until its end of stream, then ends its own (so a half-close through the proxy
 * is visible to the client). Each connection runs on a thread of the test's executor.
 */
final class EchoPeer implements AutoCloseable {

    private final ServerSocket socket;
    private final Executor threads;

    private EchoPeer(ServerSocket socket, Executor threads) {
        this.socket = socket;
        this.threads = threads;
    }

    /** Starts listening on an ephemeral loopback port with {@code backlog} pending connections. */
    static EchoPeer start(int backlog, Executor threads) throws IOException {
        EchoPeer peer = new EchoPeer(new ServerSocket(0, backlog, InetAddress.getLoopbackAddress()), threads);
        threads.execute(peer::echoForever);
        return peer;
    }

    int port() {
        return socket.getLocalPort();
    }

    private void echoForever() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                threads.execute(() -> {
                    try (s) {
                        s.getInputStream().transferTo(s.getOutputStream());
                        s.shutdownOutput();
                    } catch (IOException e) {
                        // the client's check reports what did not come back
                    }
                });
            } catch (IOException e) {
                return; // closed at the end
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
