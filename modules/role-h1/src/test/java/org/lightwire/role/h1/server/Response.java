package org.lightwire.role.h1.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lightwire.api.http.HttpFields;

/**
 * One HTTP/1.1 response as a test reads it off the wire: status, fields (names lower
 * case), body de-chunked. A deliberately separate, simple parser: the tests must not
 * trust the role's own codecs to check the role.
 */
record Response(int status, HttpFields headers, byte[] body, boolean chunked, String raw) {

    String header(String name) {
        return headers.get(name).orElse(null);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    boolean closes() {
        String c = header("connection");
        return c != null && c.toLowerCase(Locale.ROOT).contains("close");
    }

    /**
     * Parses every response in {@code bytes}. {@code headRequests} says, in order, which
     * responses answer HEAD (they have no body whatever they declare); missing entries
     * mean false.
     */
    static List<Response> parseAll(byte[] bytes, boolean... headRequests) {
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        List<Response> out = new ArrayList<>();
        int pos = 0;
        while (pos < s.length()) {
            int end = s.indexOf("\r\n\r\n", pos);
            if (end < 0) {
                throw new AssertionError("incomplete response head at offset " + pos + ": " + s.substring(pos));
            }
            String[] lines = s.substring(pos, end).split("\r\n");
            String[] status = lines[0].split(" ", 3);
            if (!status[0].equals("HTTP/1.1")) {
                throw new AssertionError("not an HTTP/1.1 status line: " + lines[0]);
            }
            int code = Integer.parseInt(status[1]);
            HttpFields.Builder fields = HttpFields.builder();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                fields.add(lines[i].substring(0, colon), lines[i].substring(colon + 1).trim());
            }
            HttpFields h = fields.build();
            int bodyStart = end + 4;
            boolean head = out.size() < headRequests.length && headRequests[out.size()];
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            boolean chunked = h.get("transfer-encoding").map(v -> v.equalsIgnoreCase("chunked")).orElse(false);
            int next;
            if (code < 200 || code == 204 || code == 304 || head) {
                next = bodyStart;
            } else if (chunked) {
                int p = bodyStart;
                while (true) {
                    int lineEnd = s.indexOf("\r\n", p);
                    int size = Integer.parseInt(s.substring(p, lineEnd), 16);
                    p = lineEnd + 2;
                    if (size == 0) {
                        if (!s.startsWith("\r\n", p)) {
                            throw new AssertionError("last chunk not followed by CRLF");
                        }
                        p += 2;
                        break;
                    }
                    body.write(bytes, p, size);
                    p += size;
                    if (!s.startsWith("\r\n", p)) {
                        throw new AssertionError("chunk not followed by CRLF");
                    }
                    p += 2;
                }
                next = p;
            } else if (h.contains("content-length")) {
                int len = Integer.parseInt(h.get("content-length").orElseThrow());
                if (bodyStart + len > bytes.length) {
                    throw new AssertionError("body shorter than Content-Length " + len);
                }
                body.write(bytes, bodyStart, len);
                next = bodyStart + len;
            } else {
                body.write(bytes, bodyStart, bytes.length - bodyStart);
                next = bytes.length;
            }
            out.add(new Response(code, h, body.toByteArray(), chunked, s.substring(pos, next)));
            pos = next;
        }
        return out;
    }

    /** The single response in {@code bytes}. */
    static Response parseOne(byte[] bytes, boolean head) {
        List<Response> all = parseAll(bytes, head);
        if (all.size() != 1) {
            throw new AssertionError("expected one response, got " + all.size() + ":\n"
                    + new String(bytes, StandardCharsets.ISO_8859_1));
        }
        return all.get(0);
    }

    static Response parseOne(byte[] bytes) {
        return parseOne(bytes, false);
    }
}
