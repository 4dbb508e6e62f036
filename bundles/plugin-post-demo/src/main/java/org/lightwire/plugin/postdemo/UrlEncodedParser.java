package org.lightwire.plugin.postdemo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Streams an {@code application/x-www-form-urlencoded} body (WHATWG URL, section 5.1):
 * {@code name=value} pairs split on {@code &}, {@code +} for space, percent-escapes
 * decoded as UTF-8 bytes. A name or value longer than the field limit is refused (413)
 * while it arrives, so the parser holds one field at most; a {@code %} not followed by two
 * hex digits is refused (400) rather than passed through, since the lws demo decodes
 * strictly too.
 */
final class UrlEncodedParser implements FormParser {

    private final FormCollector out;
    private final byte[] token;
    private int length;
    private String name; // null while reading a name
    // 0: no escape pending; 1: after '%'; 2: after '%' and one hex digit
    private int escape;
    private int escapeHigh;
    private long offset;

    UrlEncodedParser(FormCollector out, int maxFieldSize) {
        this.out = out;
        this.token = new byte[maxFieldSize];
    }

    @Override
    public void accept(ByteBuffer data) throws FormRejectedException {
        while (data.hasRemaining()) {
            int b = data.get() & 0xff;
            offset++;
            if (escape == 1) {
                escapeHigh = hexDigit(b);
                escape = 2;
            } else if (escape == 2) {
                append(escapeHigh << 4 | hexDigit(b));
                escape = 0;
            } else if (b == '%') {
                escape = 1;
            } else if (b == '&') {
                endPair();
            } else if (b == '=' && name == null) {
                name = decoded();
            } else {
                append(b == '+' ? ' ' : b);
            }
        }
    }

    @Override
    public void finish() throws FormRejectedException {
        if (escape != 0) {
            throw FormRejectedException.malformed("urlencoded body ends inside a percent-escape");
        }
        endPair();
    }

    private void endPair() throws FormRejectedException {
        if (name == null && length == 0) {
            return; // "a=1&&b=2": empty pairs carry nothing
        }
        String value = decoded();
        if (name == null) {
            out.field(value, ""); // "flag" alone: a name without a value
        } else {
            out.field(name, value);
        }
        name = null;
    }

    private int hexDigit(int b) throws FormRejectedException {
        int v = PercentDecoding.hex(b);
        if (v < 0) {
            throw FormRejectedException.malformed("bad percent-encoding at body offset " + (offset - 1));
        }
        return v;
    }

    private void append(int b) throws FormRejectedException {
        if (length == token.length) {
            throw FormRejectedException.tooLarge("a form field " + (name == null ? "name" : "value") + " is longer than "
                    + token.length + " bytes");
        }
        token[length++] = (byte) b;
    }

    /** The bytes read so far as UTF-8 (malformed sequences become U+FFFD), then starts over. */
    private String decoded() {
        String s = new String(token, 0, length, StandardCharsets.UTF_8);
        length = 0;
        return s;
    }
}
