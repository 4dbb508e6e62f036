package org.lightwire.role.ws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A one-connection WebSocket "server" on loopback for client tests: reads the client's
 * request head, answers with what the test computes from it, then lets the test read the
 * client's frames as raw bytes. Blocking, on its own thread; the client side runs on the
 * harness loop the test drives.
 */
final class ScriptedServer implements AutoCloseable {

    private final ServerSocket listen;
    final CompletableFuture<String> request = new CompletableFuture<>();
    private volatile Socket socket;

    ScriptedServer(Function<String, byte[]> answer) throws IOException {
        listen = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> serve(answer), "scripted-ws-server");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return listen.getLocalPort();
    }

    private void serve(Function<String, byte[]> answer) {
        try {
            socket = listen.accept();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("client closed before its request ended");
                }
                head.write(b);
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            socket.getOutputStream().write(answer.apply(text));
            socket.getOutputStream().flush();
            request.complete(text);
        } catch (IOException | RuntimeException e) {
            request.completeExceptionally(e);
        }
    }

    /** Reads exactly {@code n} bytes the client sent after its request. */
    byte[] read(int n) throws IOException {
        return socket.getInputStream().readNBytes(n);
    }

    void write(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** The key the client sent in {@code request}. */
    static String key(String request) {
        for (String line : request.split("\r\n")) {
            if (line.toLowerCase().startsWith("sec-websocket-key:")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        throw new AssertionError("no key in " + request);
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
        listen.close();
    }
}
