package org.lightwire.benchmarks.ws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The load client's RFC 6455 opening handshake, done blocking before any measuring starts:
 * GET with a fresh key and the subprotocol, no extensions offered (so permessage-deflate
 * stays off whatever the server supports), and a check of the 101 answer's accept key,
 * subprotocol and absence of extensions. Leaves the channel connected, TCP_NODELAY and
 * non-blocking; bytes the server sent after its head are left in {@code rx}.
 */
final class WsHandshake {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_HEAD = 8 * 1024;

    private WsHandshake() {
    }

    /** Connects and upgrades; {@code rx} receives what followed the response head (flipped for reading). */
    static SocketChannel open(InetSocketAddress server, String path, String subprotocol, ByteBuffer rx)
            throws IOException {
        SocketChannel ch = SocketChannel.open();
        try {
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ch.connect(server);
            upgrade(ch, server, path, subprotocol, rx);
            ch.configureBlocking(false);
            return ch;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static void upgrade(SocketChannel ch, InetSocketAddress server, String path, String subprotocol,
            ByteBuffer rx) throws IOException {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        String request = "GET " + path + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + server.getPort() + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: " + subprotocol + "\r\n"
                + "Origin: http://127.0.0.1:" + server.getPort() + "\r\n"
                + "\r\n";
        ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
        while (out.hasRemaining()) {
            ch.write(out);
        }
        rx.clear();
        int headEnd;
        while ((headEnd = headEnd(rx)) < 0) {
            if (!rx.hasRemaining() || rx.position() >= MAX_HEAD) {
                throw new IOException(server + ": upgrade response head longer than " + MAX_HEAD + " bytes");
            }
            if (ch.read(rx) < 0) {
                throw new IOException(server + ": closed during the upgrade ("
                        + new String(rx.array(), 0, rx.position(), StandardCharsets.ISO_8859_1).trim() + ")");
            }
        }
        String head = new String(rx.array(), 0, headEnd, StandardCharsets.ISO_8859_1);
        check(server, head, key, subprotocol);
        rx.flip();
        rx.position(headEnd);
        rx.compact().flip();
    }

    /** Index just past the blank line ending the head, or -1 while it is incomplete. */
    private static int headEnd(ByteBuffer rx) {
        byte[] a = rx.array();
        for (int i = 3; i < rx.position(); i++) {
            if (a[i - 3] == '\r' && a[i - 2] == '\n' && a[i - 1] == '\r' && a[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    private static void check(InetSocketAddress server, String head, String key, String subprotocol)
            throws IOException {
        String[] lines = head.split("\r\n");
        if (!lines[0].startsWith("HTTP/1.1 101")) {
            throw new IOException(server + ": upgrade refused: " + lines[0]);
        }
        String accept = null;
        String protocol = null;
        String extensions = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            switch (name) {
                case "sec-websocket-accept" -> accept = value;
                case "sec-websocket-protocol" -> protocol = value;
                case "sec-websocket-extensions" -> extensions = value;
                default -> {
                    // other headers do not matter to the benchmark
                }
            }
        }
        if (!expectedAccept(key).equals(accept)) {
            throw new IOException(server + ": wrong Sec-WebSocket-Accept '" + accept + "'");
        }
        if (!subprotocol.equals(protocol)) {
            throw new IOException(server + ": asked for subprotocol " + subprotocol + ", got '" + protocol + "'");
        }
        if (extensions != null) {
            throw new IOException(server + ": negotiated extensions '" + extensions + "' although none were offered");
        }
    }

    private static String expectedAccept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
