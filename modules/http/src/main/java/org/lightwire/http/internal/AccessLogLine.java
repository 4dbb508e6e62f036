package org.lightwire.http.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formats one line of the Apache "combined" log format (lwsws {@code access-log}, lws
 * {@code lws_prepare_access_log_info}):
 * {@code host - user [10/Oct/2000:13:55:36 -0700] "GET /a HTTP/1.1" 200 2326 "referer" "agent"}.
 *
 * <p>Every field a client controls (request line, user, referer, agent, and the peer for
 * good measure) is escaped as Apache does: {@code "} and {@code \} get a backslash, and
 * control characters, DEL and every non-ASCII byte (as UTF-8) become {@code \xhh}; so no
 * field can end its quotes early or start a new line, and one request is always one line
 * that log parsers split correctly.
 */
public final class AccessLogLine {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private AccessLogLine() {
    }

    /** Appends the line for one request, with its trailing newline, to {@code out}. */
    public static void format(StringBuilder out, ZoneId zone, String peer, String user, long epochMillis,
                              String requestLine, int status, long bytes, String referer, String userAgent) {
        escapeOrDash(peer, out);
        out.append(" - ");
        escapeOrDash(user, out);
        out.append(" [");
        TIME.formatTo(Instant.ofEpochMilli(epochMillis).atZone(zone), out);
        out.append("] \"");
        escape(requestLine == null ? "" : requestLine, out);
        out.append("\" ").append(status).append(' ');
        if (bytes > 0) {
            out.append(bytes);
        } else {
            out.append('-');
        }
        out.append(" \"");
        escapeOrDashInQuotes(referer, out);
        out.append("\" \"");
        escapeOrDashInQuotes(userAgent, out);
        out.append("\"\n");
    }

    private static void escapeOrDash(String s, StringBuilder out) {
        if (s == null || s.isEmpty()) {
            out.append('-');
        } else {
            escapeUnquoted(s, out);
        }
    }

    private static void escapeOrDashInQuotes(String s, StringBuilder out) {
        if (s == null || s.isEmpty()) {
            out.append('-');
        } else {
            escape(s, out);
        }
    }

    /** Unquoted fields must not hold spaces either, or they would split into two fields. */
    private static void escapeUnquoted(String s, StringBuilder out) {
        int from = out.length();
        escape(s, out);
        for (int i = from; i < out.length(); i++) {
            if (out.charAt(i) == ' ') {
                out.replace(i, i + 1, "\\x20");
            }
        }
    }

    /** Apache's {@code ap_escape_logitem}: backslash-escape quote and backslash, hex-escape the rest that is not printable ASCII. */
    static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else if (c < 0x80) {
                hex(c, out);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
                for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    hex(b & 0xff, out);
                }
                i = end - 1;
            }
        }
    }

    private static void hex(int b, StringBuilder out) {
        out.append("\\x").append(HEX[b >> 4]).append(HEX[b & 15]);
    }
}
