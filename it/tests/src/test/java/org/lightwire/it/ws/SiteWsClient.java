package org.lightwire.it.ws;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A WebSocket client on the JDK's implementation, for watching a protocol while a real peer
 * talks to the server: collects every text message and the close code.
 */
final class SiteWsClient implements AutoCloseable {

    private final List<String> messages = new ArrayList<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private SiteWsClient(URI uri, String protocol) throws Exception {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols(protocol)
                .connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, new Listener())
                .get(10, TimeUnit.SECONDS);
    }

    static SiteWsClient open(String uri, String protocol) throws Exception {
        return new SiteWsClient(URI.create(uri), protocol);
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    void send(String text) throws Exception {
        socket.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    List<String> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** Waits until at least {@code count} messages match; returns them all. */
    List<String> await(Predicate<String> match, int count, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (messages) {
            while (true) {
                List<String> hits = messages.stream().filter(match).toList();
                if (hits.size() >= count) {
                    return hits;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("waited " + timeout + " for " + count + " " + what + "; got "
                            + messages.size() + " messages, first: "
                            + messages.stream().limit(5).toList() + (closed.isDone() ? ", closed " + closed.join() : ""));
                }
                messages.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    @Override
    public void close() {
        socket.abort();
    }

    /**
     * Opens a WebSocket to 127.0.0.1:{@code port} by hand with a tiny receive buffer, reads the
     * 101 answer, and from then on reads nothing: a client that stalls.
     */
    static Socket upgradeAndStall(int port, String protocol) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(2048);
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(5000);
        String key = Base64.getEncoder().encodeToString("lightwire-stall!".getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Protocol: " + protocol + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        // read the head byte by byte so nothing after it is consumed
        StringBuilder head = new StringBuilder();
        InputStream in = s.getInputStream();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("server closed during the upgrade: " + head);
            }
            head.append((char) b);
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + head);
        }
        return s;
    }

    /** Drains {@code s} until the server closes it (end of stream or reset) or the time is up. */
    static boolean closedByServer(Socket s, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        s.setSoTimeout(500);
        byte[] buf = new byte[65536];
        InputStream in = s.getInputStream();
        while (System.nanoTime() < deadline) {
            try {
                if (in.read(buf) < 0) {
                    return true;
                }
            } catch (java.net.SocketTimeoutException e) {
                // nothing yet: keep waiting
            } catch (IOException reset) {
                return true;
            }
        }
        return false;
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                synchronized (messages) {
                    messages.add(partial.toString());
                    messages.notifyAll();
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete("error " + error);
        }
    }
}
