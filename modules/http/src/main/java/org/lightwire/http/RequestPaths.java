package org.lightwire.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Percent-decoding and normalisation of request paths, shared by h1 and h2 (lws
 * {@code lws_clean_url} plus the URL decoding of {@code lws_http_action}). Safe for every
 * protocol and mount to rely on: a path this accepts cannot name anything above "/".
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>The raw path must start with {@code '/'} and hold only visible ASCII (no space,
 *       control or 8-bit bytes: those must arrive percent-encoded).</li>
 *   <li>It is percent-decoded exactly once: {@code %252e} becomes the literal text
 *       {@code %2e}, never a dot. A {@code '%'} not followed by two hex digits is refused.</li>
 *   <li>Refused after decoding: an encoded {@code '/'} ({@code %2f}, which would let a
 *       segment hide a separator), a backslash in any form (a separator on other systems),
 *       NUL and every other control character, and bytes that are not well-formed UTF-8
 *       (including overlong forms such as {@code %c0%ae}, an old way to smuggle a dot).</li>
 *   <li>Empty and {@code "."} segments are dropped, {@code ".."} removes the segment before
 *       it; a {@code ".."} with nothing left to remove is refused.</li>
 *   <li>A trailing {@code '/'} (also one implied by a final {@code "."} or {@code ".."}) is
 *       kept: it tells a directory request from a file request.</li>
 * </ol>
 */
public final class RequestPaths {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RequestPaths() {
    }

    /**
     * Decodes once and normalises {@code rawPath} (the path part of a request target, no
     * query).
     * @return the normalised path, starting with {@code '/'}, or empty if refused
     */
    public static Optional<String> normalize(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return Optional.empty();
        }
        int n = rawPath.length();
        // Segments are decoded into bytes first, then checked as UTF-8, so a multi-byte
        // character split over several %XX escapes decodes as one character.
        byte[] bytes = null;
        int len = 0;
        for (int i = 0; i < n; i++) {
            char c = rawPath.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return Optional.empty();
            }
            if (c == '%' && bytes == null) {
                // the first escape: from here on, bytes are collected for UTF-8 decoding
                bytes = new byte[n];
                for (int j = 0; j < i; j++) {
                    bytes[j] = (byte) rawPath.charAt(j);
                }
                len = i;
            }
            if (c == '%') {
                if (i + 2 >= n) {
                    return Optional.empty();
                }
                int hi = Character.digit(rawPath.charAt(i + 1), 16);
                int lo = Character.digit(rawPath.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                int b = hi << 4 | lo;
                if (b == '/' || b == '\\' || b < 0x20 || b == 0x7f) {
                    return Optional.empty();
                }
                // decoded "%2e%2e" is "..", the same resource as a literal "..": it is
                // normalised below like one (and refused if it climbs above "/")
                bytes[len++] = (byte) b;
                i += 2;
            } else if (c == '\\') {
                return Optional.empty();
            } else if (bytes != null) {
                bytes[len++] = (byte) c;
            }
        }
        if (bytes == null) {
            return collapse(rawPath); // printable ASCII without escapes decodes to itself
        }
        String decoded;
        try {
            decoded = strictUtf8().decode(ByteBuffer.wrap(bytes, 0, len)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        return collapse(decoded);
    }

    /** Drops empty and "." segments, applies "..", keeps a trailing slash; empty if ".." climbs above "/". */
    private static Optional<String> collapse(String decoded) {
        int n = decoded.length();
        StringBuilder out = new StringBuilder(n);
        boolean trailingSlash = false;
        int i = 0;
        while (i < n) {
            // decoded.charAt(i) == '/'
            int start = i + 1;
            int end = decoded.indexOf('/', start);
            if (end < 0) {
                end = n;
            }
            int segLen = end - start;
            if (segLen == 0 || segLen == 1 && decoded.charAt(start) == '.') {
                trailingSlash = true;
            } else if (segLen == 2 && decoded.charAt(start) == '.' && decoded.charAt(start + 1) == '.') {
                int cut = out.lastIndexOf("/");
                if (cut < 0) {
                    return Optional.empty();
                }
                out.setLength(cut);
                trailingSlash = true;
            } else {
                out.append('/').append(decoded, start, end);
                trailingSlash = false;
            }
            i = end;
        }
        if (out.length() == 0 || trailingSlash) {
            out.append('/');
        }
        return Optional.of(out.toString());
    }

    /** Percent-encodes a decoded, normalised path for a Location header: unreserved and path characters stay, the rest is UTF-8 %XX. */
    public static String encode(String path) {
        byte[] utf8 = path.getBytes(StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder(utf8.length + 16);
        for (byte x : utf8) {
            int c = x & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "/-._~!$&'()*+,;=:@".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
        return b.toString();
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
