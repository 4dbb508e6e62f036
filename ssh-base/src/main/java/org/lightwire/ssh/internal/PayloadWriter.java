package org.lightwire.ssh.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one message payload in a reusable array (RFC 4251 5 types). Reset per message, so
 * a connection keeps one writer for all it sends.
 */
final class PayloadWriter {
    private byte[] buf;
    private int len;

    PayloadWriter(int initial) {
        buf = new byte[initial];
    }

    PayloadWriter reset() {
        len = 0;
        return this;
    }

    PayloadWriter u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    PayloadWriter bool(boolean v) {
        return u8(v ? 1 : 0);
    }

    PayloadWriter u32(int v) {
        ensure(4);
        buf[len] = (byte) (v >>> 24);
        buf[len + 1] = (byte) (v >>> 16);
        buf[len + 2] = (byte) (v >>> 8);
        buf[len + 3] = (byte) v;
        len += 4;
        return this;
    }

    PayloadWriter raw(byte[] v, int off, int n) {
        ensure(n);
        System.arraycopy(v, off, buf, len, n);
        len += n;
        return this;
    }

    PayloadWriter raw(byte[] v) {
        return raw(v, 0, v.length);
    }

    PayloadWriter string(byte[] v) {
        return string(v, 0, v.length);
    }

    PayloadWriter string(byte[] v, int off, int n) {
        u32(n);
        return raw(v, off, n);
    }

    PayloadWriter string(String v) {
        return string(v.getBytes(StandardCharsets.UTF_8));
    }

    /** An mpint from unsigned big-endian magnitude bytes (RFC 4251 5). */
    PayloadWriter mpint(byte[] magnitude) {
        int s = 0;
        while (s < magnitude.length && magnitude[s] == 0) {
            s++;
        }
        int n = magnitude.length - s;
        boolean pad = n > 0 && (magnitude[s] & 0x80) != 0;
        u32(n + (pad ? 1 : 0));
        if (pad) {
            u8(0);
        }
        return raw(magnitude, s, n);
    }

    /** Reserves {@code n} bytes for the caller to fill in place; returns their offset. */
    int reserve(int n) {
        ensure(n);
        int at = len;
        len += n;
        return at;
    }

    /** Drops bytes at the end (after a reservation that was not filled completely). */
    void truncate(int newLength) {
        len = newLength;
    }

    void putU32At(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    byte[] array() {
        return buf;
    }

    int length() {
        return len;
    }

    byte[] toBytes() {
        return Arrays.copyOf(buf, len);
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }
}
