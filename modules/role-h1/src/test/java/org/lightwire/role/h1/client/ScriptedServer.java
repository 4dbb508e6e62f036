package org.lightwire.role.h1.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP peer that plays a script per accepted connection, on its own thread,
 * with blocking sockets: whatever a test needs a server (or proxy) to do, malformed
 * answers included.
 */
final class ScriptedServer implements AutoCloseable {

    /** What the server does with one accepted connection. */
    @FunctionalInterface
    interface Script {
        void serve(Peer peer) throws Exception;
    }

    /** One received request (every request a script reads is kept in {@link #requests}): its head as text and its body bytes. */
    record Request(String head, byte[] body) {
        String requestLine() {
            return head.substring(0, head.indexOf("\r\n"));
        }

        String bodyText() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }

        /** The value of a header field, or null. */
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    /** The server's side of one connection. */
    static final class Peer {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        final int index;
        private final List<Request> sink;

        Peer(Socket socket, int index, List<Request> sink) throws IOException {
            this.socket = socket;
            this.sink = sink;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
            this.index = index;
        }

        /** Reads one request (head, then a Content-Length or chunked body); null at end of stream. */
        Request readRequest() throws IOException {
            Request r = readOne();
            if (r != null) {
                sink.add(r);
            }
            return r;
        }

        private Request readOne() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.write(b);
                matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                        ? matched + 1 : b == '\r' ? 1 : 0;
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            Request partial = new Request(text, new byte[0]);
            String length = partial.header("content-length");
            String te = partial.header("transfer-encoding");
            if (length != null) {
                return new Request(text, in.readNBytes(Integer.parseInt(length)));
            }
            if (te != null && te.toLowerCase(Locale.ROOT).equals("chunked")) {
                return new Request(text, readChunked());
            }
            return partial;
        }

        private byte[] readChunked() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine();
                int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                if (size == 0) {
                    while (!readLine().isEmpty()) {
                        // trailer fields
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(size));
                if (!readLine().isEmpty()) {
                    throw new IOException("chunk data not followed by CRLF");
                }
            }
        }

        private String readLine() throws IOException {
            StringBuilder sb = new StringBuilder();
            for (int b; (b = in.read()) >= 0; ) {
                if (b == '\n') {
                    return sb.toString();
                }
                if (b != '\r') {
                    sb.append((char) b);
                }
            }
            throw new IOException("end of stream in a line");
        }

        void send(String text) throws IOException {
            send(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        void send(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** Waits until the client closes (read returns end of stream), for at most 10 s. */
        boolean awaitClientClose() throws IOException {
            socket.setSoTimeout(10_000);
            try {
                while (in.read() >= 0) {
                    // discard
                }
                return true;
            } catch (java.net.SocketTimeoutException e) {
                return false;
            }
        }
    }

    private final ServerSocket server;
    private final Thread acceptor;
    private final AtomicInteger accepted = new AtomicInteger();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private volatile boolean closing;

    ScriptedServer(Script script) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!closing) {
                Socket s;
                try {
                    s = server.accept();
                } catch (IOException e) {
                    return;
                }
                int index = accepted.getAndIncrement();
                Thread t = new Thread(() -> {
                    try (Socket socket = s) {
                        script.serve(new Peer(socket, index, requests));
                    } catch (Exception e) {
                        if (!closing) {
                            errors.add(e);
                        }
                    }
                }, "scripted-peer-" + index);
                t.setDaemon(true);
                t.start();
            }
        }, "scripted-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** How many connections were accepted so far. */
    int accepted() {
        return accepted.get();
    }

    @Override
    public void close() throws IOException {
        closing = true;
        server.close();
    }
}
