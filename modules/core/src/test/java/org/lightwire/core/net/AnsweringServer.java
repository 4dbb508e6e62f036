package org.lightwire.core.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server for {@link HandshakingRole} clients: reads the client's one-byte
 * request, so the client's connection is surely established, and answers its n-th
 * connection with the n-th step of a script, and stops listening once the script is done, so later
 * connects are refused. A step is the text to send ("eof": close; "reset": abort with RST).
 */
final class AnsweringServer implements AutoCloseable {

    private final ServerSocket listen;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    AnsweringServer(String... script) throws IOException {
        listen = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> serve(script), "answering-server");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return listen.getLocalPort();
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    private void serve(String[] script) {
        try (listen) {
            for (String step : script) {
                Socket s = listen.accept();
                accepted.add(s);
                connections.incrementAndGet();
                if (s.getInputStream().read() < 0) {
                    throw new IOException("client closed before its request");
                }
                switch (step) {
                    case "eof" -> s.close();
                    case "reset" -> {
                        s.setSoLinger(true, 0);
                        s.close();
                    }
                    default -> {
                        s.getOutputStream().write(step.getBytes(StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                    }
                }
            }
        } catch (IOException e) {
            // closed by the test
        }
    }

    @Override
    public void close() throws IOException {
        listen.close();
        for (Socket s : accepted) {
            s.close();
        }
    }
}
