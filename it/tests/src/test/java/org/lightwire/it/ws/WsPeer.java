package org.lightwire.it.ws;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Random;

/**
 * A raw WebSocket client over a real socket for the ITs: does the opening handshake, then
 * writes arbitrary bytes (well-formed frames or not) and reads the server's frames. Written
 * independently of the role's codec, so the ITs do not test the server with its own code.
 */
final class WsPeer implements AutoCloseable {

    /** A frame as the server sent it. */
    record Frame(int opcode, boolean fin, byte[] payload) {
        int closeCode() {
            return payload.length < 2 ? 1005 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }
    }

    /** The server closed the TCP connection (end of stream or reset) before a frame came. */
    static final class DroppedException extends IOException {
        private static final long serialVersionUID = 1L;

        DroppedException(String message) {
            super(message);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Random random;

    private WsPeer(Socket socket, Random random) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.random = random;
    }

    /** Connects and upgrades; fails unless the server answers 101 with the right accept. */
    static WsPeer open(int port, Random random) throws Exception {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(10_000);
        s.setTcpNoDelay(true);
        WsPeer peer = new WsPeer(s, random);
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        String request = "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        peer.out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = peer.in.read();
            if (b < 0) {
                throw new IOException("server closed during the handshake: " + head);
            }
            head.write(b);
        }
        String response = head.toString(StandardCharsets.ISO_8859_1);
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        String accept = Base64.getEncoder().encodeToString(
                sha1.digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
        if (!response.startsWith("HTTP/1.1 101 ") || !response.contains("Sec-WebSocket-Accept: " + accept + "\r\n")) {
            s.close();
            throw new IOException("handshake refused: " + response);
        }
        return peer;
    }

    /** A frame masked with a random key, as a client must send (§5.3). */
    byte[] frame(int firstByte, byte[] payload) {
        return frame(firstByte, payload, true);
    }

    byte[] frame(int firstByte, byte[] payload, boolean masked) {
        if (!masked) {
            return encode(firstByte, payload, null);
        }
        byte[] key = new byte[4];
        random.nextBytes(key);
        return encode(firstByte, payload, key);
    }

    /**
     * A frame with {@code firstByte} (FIN, RSV, opcode) and the shortest length form for
     * {@code payload}, masked with {@code maskKey} (4 bytes), or unmasked when it is null.
     */
    static byte[] encode(int firstByte, byte[] payload, byte[] maskKey) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(firstByte);
        int mask = maskKey != null ? 0x80 : 0;
        int n = payload.length;
        if (n <= 125) {
            b.write(mask | n);
        } else if (n <= 0xFFFF) {
            b.write(mask | 126);
            b.write(n >> 8);
            b.write(n);
        } else {
            b.write(mask | 127);
            for (int i = 7; i >= 0; i--) {
                b.write((int) ((long) n >> (i * 8)));
            }
        }
        if (maskKey == null) {
            b.writeBytes(payload);
            return b.toByteArray();
        }
        b.writeBytes(maskKey);
        for (int i = 0; i < n; i++) {
            b.write(payload[i] ^ maskKey[i & 3]);
        }
        return b.toByteArray();
    }

    /** Writes {@code bytes} in random-sized pieces, so the server's parser sees arbitrary splits. */
    void writeSplit(byte[] bytes) throws IOException {
        int i = 0;
        while (i < bytes.length) {
            int n = Math.min(bytes.length - i, 1 + random.nextInt(Math.max(1, bytes.length / 3 + 1)));
            out.write(bytes, i, n);
            out.flush();
            i += n;
        }
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Ends our sending side (FIN), still reading. */
    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** The next frame; DroppedException if the server closed the connection first. */
    Frame read() throws IOException {
        int b0 = readByte();
        int b1 = readByte();
        if ((b1 & 0x80) != 0) {
            throw new IOException("the server masked a frame");
        }
        long n = b1 & 0x7F;
        if (n == 126) {
            n = (readByte() << 8) | readByte();
        } else if (n == 127) {
            n = 0;
            for (int i = 0; i < 8; i++) {
                n = (n << 8) | readByte();
            }
        }
        byte[] payload = in.readNBytes((int) n);
        if (payload.length != n) {
            throw new EOFException("frame cut short");
        }
        return new Frame(b0 & 0x0F, (b0 & 0x80) != 0, payload);
    }

    private int readByte() throws IOException {
        int b;
        try {
            b = in.read();
        } catch (SocketException e) {
            throw new DroppedException("connection reset: " + e.getMessage());
        }
        if (b < 0) {
            throw new DroppedException("end of stream");
        }
        return b;
    }

    /** Whether the server ends the TCP connection within {@code millis} (reading and dropping frames meanwhile). */
    boolean serverCloses(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            while (true) {
                read();
            }
        } catch (DroppedException | EOFException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
