package org.lightwire.it.crypto;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.lightwire.it.Net;

/** A connection to the fixture's "lightwire-it-crypto-probe" protocol: one line out, one line back. */
final class CryptoProbe implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    CryptoProbe(int port) throws IOException {
        this.socket = Net.connect(port);
        socket.setSoTimeout(10_000);
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        this.out = socket.getOutputStream();
    }

    String ask(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String answer = in.readLine();
        if (answer == null) {
            throw new IOException("probe closed the connection after '" + line + "'");
        }
        return answer;
    }

    /** What the probe must answer for {@code text} when {@code backend} hashed it with {@code hashClass}. */
    static String expectedHash(String backend, String hashClass, String text) throws NoSuchAlgorithmException {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        return "backend=" + backend + " impl=" + hashClass + " sha256=" + HexFormat.of().formatHex(d);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
