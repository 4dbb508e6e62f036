package org.lightwire.core.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * The far end of a TCP connection, as a plain blocking socket whose reads give up after a
 * few seconds, so a test never hangs on a server that does not answer.
 */
public final class TcpPeer implements AutoCloseable {

    private static final int READ_TIMEOUT_MILLIS = 5_000;

    private final Socket socket;

    private TcpPeer(Socket socket) {
        this.socket = socket;
    }

    public static TcpPeer connect(SocketAddress address) throws IOException {
        Socket s = new Socket();
        s.connect(address, READ_TIMEOUT_MILLIS);
        s.setSoTimeout(READ_TIMEOUT_MILLIS);
        s.setTcpNoDelay(true);
        return new TcpPeer(s);
    }

    public void send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** Reads exactly {@code length} bytes. */
    public String receive(int length) throws IOException {
        byte[] b = socket.getInputStream().readNBytes(length);
        if (b.length < length) {
            throw new IOException("stream ended after " + b.length + " of " + length + " bytes");
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Sends {@code text} and returns what comes back of the same length. */
    public String roundTrip(String text) throws IOException {
        send(text);
        return receive(text.getBytes(StandardCharsets.UTF_8).length);
    }

    /**
     * Whether the server closed the connection: the next read ends the stream or is reset.
     * Data arriving instead counts as "not closed".
     */
    public boolean closedByServer() throws IOException {
        InputStream in = socket.getInputStream();
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // connection reset
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
