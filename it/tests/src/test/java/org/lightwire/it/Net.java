package org.lightwire.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Small TCP helpers for talking to the launcher over loopback. */
public final class Net {

    private Net() {
    }

    /** A port free right now on 127.0.0.1. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        s.setSoTimeout(3000);
        return s;
    }

    /** Sends {@code text} and reads back exactly as many bytes. */
    public static String roundTrip(Socket s, String text) throws IOException {
        byte[] out = text.getBytes(StandardCharsets.UTF_8);
        s.getOutputStream().write(out);
        s.getOutputStream().flush();
        byte[] in = s.getInputStream().readNBytes(out.length);
        return new String(in, StandardCharsets.UTF_8);
    }

    /** One connection, one round trip; null if the connection was refused, closed or silent. */
    public static String tryRoundTrip(int port, String text) {
        try (Socket s = connect(port)) {
            s.setSoTimeout(1000);
            String back = roundTrip(s, text);
            return back.length() == text.length() ? back : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Polls until {@code port} answers {@code text} with {@code expected}. */
    public static void awaitRoundTrip(int port, String text, String expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            last = tryRoundTrip(port, text);
            if (expected.equals(last)) {
                return;
            }
            Thread.sleep(100); // polling another process: there is no event to wait on
        }
        throw new AssertionError("port " + port + " did not answer '" + expected + "' within " + timeout + " (last: " + last + ")");
    }

    /** Whether the server closes {@code s} (end of stream or reset) within {@code timeout}. */
    public static boolean closedByPeer(Socket s, Duration timeout) throws IOException {
        s.setSoTimeout((int) timeout.toMillis());
        InputStream in = s.getInputStream();
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
