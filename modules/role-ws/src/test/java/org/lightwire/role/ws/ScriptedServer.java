package org.lightwire.role.ws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A WebSocket "server" on loopback for client tests: for each connection, one after the
 * other, reads the client's request head and answers with what the test computes from it
 * (and from the request's number, for a client that retries); the test can then read the
 * latest connection's frames as raw bytes. Blocking, on its own thread; the client side
 * runs on the harness loop the test drives.
 */
final class ScriptedServer implements AutoCloseable {

    private final ServerSocket listen;
    /** The first request head. */
    final CompletableFuture<String> request = new CompletableFuture<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile Socket socket;

    ScriptedServer(Function<String, byte[]> answer) throws IOException {
        this((number, request) -> answer.apply(request));
    }

    /** {@code answer} gets the request's number (1 for the first) and its head. */
    ScriptedServer(BiFunction<Integer, String, byte[]> answer) throws IOException {
        listen = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> serve(answer), "scripted-ws-server");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return listen.getLocalPort();
    }

    /** Request heads read so far. */
    int requests() {
        return requests.get();
    }

    private void serve(BiFunction<Integer, String, byte[]> answer) {
        try {
            while (true) {
                Socket s = listen.accept();
                sockets.add(s);
                socket = s;
                String text = readHead(s.getInputStream());
                int number = requests.incrementAndGet();
                s.getOutputStream().write(answer.apply(number, text));
                s.getOutputStream().flush();
                request.complete(text);
            }
        } catch (IOException | RuntimeException e) {
            // the test closed the server (or the client went away); a waiting test learns it here
            request.completeExceptionally(e);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("client closed before its request ended");
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads exactly {@code n} bytes the client sent after its request on the latest connection. */
    byte[] read(int n) throws IOException {
        return socket.getInputStream().readNBytes(n);
    }

    void write(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** Closes the latest connection and keeps listening. */
    void dropConnection() throws IOException {
        socket.close();
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
        listen.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
