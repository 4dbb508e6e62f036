package org.lightwire.core.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A blocking TLS server on the loopback: its first {@code resets} connections read the
 * client's first bytes (the ClientHello) and are reset (SO_LINGER 0), later ones complete
 * the handshake and stay open until the server closes. Handshakes that fail on its side (a
 * client refusing the certificate) are ignored.
 */
final class ResettingTlsServer implements AutoCloseable {

    private final ServerSocket listener;
    private final SSLContext tls;
    private final int resets;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> served = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    ResettingTlsServer(SSLContext tls, int resets) throws IOException {
        this.tls = tls;
        this.resets = resets;
        this.listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptAll, "resetting-tls-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                s.setSoTimeout(5000);
                if (connections.incrementAndGet() <= resets) {
                    reset(s);
                } else {
                    serve(s);
                }
            } catch (IOException e) {
                // the listener closed, or one client's handshake failed: go on with the next
            }
        }
    }

    private static void reset(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        if (in.read(new byte[512]) <= 0) {
            throw new IOException("no ClientHello");
        }
        s.setSoLinger(true, 0); // close sends RST: the client sees a reset mid-handshake
        s.close();
    }

    private void serve(Socket raw) throws IOException {
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(raw, null, raw.getPort(), true);
        s.setUseClientMode(false);
        served.add(s);
        s.startHandshake();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : served) {
            s.close();
        }
    }
}
