package org.lightwire.core.tls;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * lws' {@code redirect-http}: plain HTTP arriving on a TLS listen socket is answered with
 * a 301 to the same host and path over https, then closed. Reads only the request line
 * and the Host field of the head, within the bytes already received; anything that is
 * not a well-formed HTTP/1.x head is refused (null), and Host and path are checked so the
 * Location field cannot be used to inject header lines.
 */
public final class HttpsRedirect {

    /** How much of a head is looked at; a longer one is refused. */
    public static final int MAX_HEAD = 8192;

    /** What the bytes so far allow. */
    public enum Verdict {
        NEED_MORE,
        REDIRECT,
        NOT_HTTP
    }

    private String location;

    /** The Location of a {@link Verdict#REDIRECT}. */
    public String location() {
        return location;
    }

    /**
     * Judges the head in {@code in} (position..limit, not consumed); without a Host field
     * {@code defaultHost} (the vhost's name) is used.
     */
    public Verdict examine(ByteBuffer in, String defaultHost) {
        int start = in.position();
        int end = Math.min(in.limit(), start + MAX_HEAD);
        int headEnd = -1;
        for (int i = start; i + 3 < end; i++) {
            if (in.get(i) == '\r' && in.get(i + 1) == '\n' && in.get(i + 2) == '\r' && in.get(i + 3) == '\n') {
                headEnd = i + 2;
                break;
            }
        }
        if (headEnd < 0) {
            return in.limit() - start >= MAX_HEAD ? Verdict.NOT_HTTP : Verdict.NEED_MORE;
        }
        byte[] head = new byte[headEnd - start];
        in.get(start, head);
        String text = new String(head, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n");
        String[] request = lines[0].split(" ", -1);
        if (request.length != 3 || !request[2].matches("HTTP/1\\.[0-9]") || !request[0].matches("[A-Z]{1,16}")) {
            return Verdict.NOT_HTTP;
        }
        String path = request[1];
        if (!path.startsWith("/") || !path.matches("[\\x21-\\x7e&&[^\"<>\\\\`]]{1,4096}")) {
            return Verdict.NOT_HTTP;
        }
        String host = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).equalsIgnoreCase("host")) {
                if (host != null) {
                    return Verdict.NOT_HTTP; // two Host fields: refuse rather than pick one
                }
                host = lines[i].substring(colon + 1).trim();
            }
        }
        if (host == null || host.isEmpty()) {
            host = defaultHost;
        }
        // host[:port] or [v6]:port; the port stays: https is served on this same port
        if (!host.matches("[A-Za-z0-9._-]{1,255}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}\\](:[0-9]{1,5})?")) {
            return Verdict.NOT_HTTP;
        }
        location = "https://" + host + path;
        return Verdict.REDIRECT;
    }

    /** The complete 301 response for {@link #location()}. */
    public ByteBuffer response() {
        String body = "<html><body>Moved to <a href=\"" + location + "\">" + location + "</a></body></html>\n";
        String r = "HTTP/1.1 301 Moved Permanently\r\nLocation: " + location + "\r\nContent-Type: text/html\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
        return ByteBuffer.wrap(r.getBytes(StandardCharsets.ISO_8859_1));
    }
}
