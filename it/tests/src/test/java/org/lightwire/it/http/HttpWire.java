package org.lightwire.it.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A deliberately small HTTP/1.1 response reader for tests that must control the socket
 * themselves (pipelining, slow readers): reads one response at a time from a stream,
 * framed by Content-Length or chunked encoding.
 */
public final class HttpWire {

    private HttpWire() {
    }

    /** One response read off the wire. */
    public record Response(int status, List<String[]> fields, byte[] body) {

        public Optional<String> header(String name) {
            for (String[] f : fields) {
                if (f[0].equalsIgnoreCase(name)) {
                    return Optional.of(f[1]);
                }
            }
            return Optional.empty();
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Reads the status line and header block of the next response; the body is left in {@code in}. */
    public static Response readHead(InputStream in) throws IOException {
        String statusLine = line(in);
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line: '" + statusLine + "'");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        List<String[]> fields = new ArrayList<>();
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line '" + l + "'");
            }
            fields.add(new String[] {l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim()});
        }
        return new Response(status, fields, new byte[0]);
    }

    /** Reads the next whole response to a request that was not HEAD. */
    public static Response read(InputStream in) throws IOException {
        Response head = readHead(in);
        byte[] body;
        if (head.status() == 204 || head.status() == 304 || head.status() < 200) {
            body = new byte[0];
        } else if (head.header("transfer-encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
            body = chunked(in);
        } else if (head.header("content-length").isPresent()) {
            int n = Integer.parseInt(head.header("content-length").get());
            body = in.readNBytes(n);
            if (body.length != n) {
                throw new EOFException("body ended after " + body.length + " of " + n + " bytes");
            }
        } else {
            body = in.readAllBytes(); // framed by close
        }
        return new Response(head.status(), head.fields(), body);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            int semi = size.indexOf(';');
            int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
            if (n == 0) {
                while (!line(in).isEmpty()) {
                    // trailers: ignored
                }
                return out.toByteArray();
            }
            byte[] chunk = in.readNBytes(n);
            if (chunk.length != n) {
                throw new EOFException("chunk ended early");
            }
            out.writeBytes(chunk);
            if (!line(in).isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
        }
    }

    /** One CRLF-terminated line (ISO-8859-1), without the CRLF. */
    static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed mid-line after '" + sb + "'");
            }
            if (b == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                return sb.toString();
            }
            if (sb.length() > 16384) {
                throw new IOException("line longer than 16 KiB");
            }
            sb.append((char) b);
        }
    }
}
