package org.lightwire.crypto.jca;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.Poly1305;

/**
 * Poly1305 (RFC 8439 section 2.5), which the JDK has only inside its ChaCha20-Poly1305
 * AEAD. Arithmetic mod 2^130-5 on five 26-bit limbs held in longs (the "donna" layout), so
 * every product fits without overflow and nothing branches on secret data: the final
 * reduction selects with a mask. {@link #reset} re-keys in place and the offset forms of
 * {@code tag}/{@code verify} write and compare without arrays, so one instance per
 * direction authenticates every packet allocation-free.
 */
final class Poly1305Mac implements Poly1305 {

    private static final long M26 = 0x3ffffff;
    private static final long M32 = 0xffffffffL;

    private long r0;
    private long r1;
    private long r2;
    private long r3;
    private long r4;
    private long s1;
    private long s2;
    private long s3;
    private long s4;
    private final long[] pad = new long[4];
    private long h0;
    private long h1;
    private long h2;
    private long h3;
    private long h4;
    private final byte[] partial = new byte[16];
    private int partialLength;
    private boolean spent;
    /** The computed tag during {@link #verify(byte[], int)}; zeroed after. */
    private final byte[] computed = new byte[TAG_LENGTH];

    Poly1305Mac(byte[] key) {
        setKey(key);
    }

    @Override
    public void reset(byte[] key) {
        setKey(key);
        h0 = h1 = h2 = h3 = h4 = 0;
        Arrays.fill(partial, (byte) 0);
        partialLength = 0;
        spent = false;
    }

    private void setKey(byte[] key) {
        if (key == null || key.length != 32) {
            throw new BadKeyException("Poly1305: key must be 32 bytes, got " + (key == null ? "none" : key.length));
        }
        // r is clamped as RFC 8439 section 2.5.1 says
        r0 = le32(key, 0) & 0x3ffffff;
        r1 = (le32(key, 3) >>> 2) & 0x3ffff03;
        r2 = (le32(key, 6) >>> 4) & 0x3ffc0ff;
        r3 = (le32(key, 9) >>> 6) & 0x3f03fff;
        r4 = (le32(key, 12) >>> 8) & 0x00fffff;
        s1 = r1 * 5;
        s2 = r2 * 5;
        s3 = r3 * 5;
        s4 = r4 * 5;
        for (int i = 0; i < 4; i++) {
            pad[i] = le32(key, 16 + 4 * i);
        }
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        checkOpen();
        Objects.checkFromIndexSize(offset, length, data.length);
        int at = offset;
        int end = offset + length;
        if (partialLength > 0) {
            int n = Math.min(16 - partialLength, length);
            System.arraycopy(data, at, partial, partialLength, n);
            partialLength += n;
            at += n;
            if (partialLength < 16) {
                return;
            }
            block(partial, 0, 1L << 24);
            partialLength = 0;
        }
        while (end - at >= 16) {
            block(data, at, 1L << 24);
            at += 16;
        }
        if (at < end) {
            System.arraycopy(data, at, partial, 0, end - at);
            partialLength = end - at;
        }
    }

    private void block(byte[] m, int at, long hibit) {
        h0 += le32(m, at) & M26;
        h1 += (le32(m, at + 3) >>> 2) & M26;
        h2 += (le32(m, at + 6) >>> 4) & M26;
        h3 += (le32(m, at + 9) >>> 6) & M26;
        h4 += (le32(m, at + 12) >>> 8) | hibit;

        long d0 = h0 * r0 + h1 * s4 + h2 * s3 + h3 * s2 + h4 * s1;
        long d1 = h0 * r1 + h1 * r0 + h2 * s4 + h3 * s3 + h4 * s2;
        long d2 = h0 * r2 + h1 * r1 + h2 * r0 + h3 * s4 + h4 * s3;
        long d3 = h0 * r3 + h1 * r2 + h2 * r1 + h3 * r0 + h4 * s4;
        long d4 = h0 * r4 + h1 * r3 + h2 * r2 + h3 * r1 + h4 * r0;

        long c = d0 >>> 26;
        h0 = d0 & M26;
        d1 += c;
        c = d1 >>> 26;
        h1 = d1 & M26;
        d2 += c;
        c = d2 >>> 26;
        h2 = d2 & M26;
        d3 += c;
        c = d3 >>> 26;
        h3 = d3 & M26;
        d4 += c;
        c = d4 >>> 26;
        h4 = d4 & M26;
        h0 += c * 5;
        c = h0 >>> 26;
        h0 &= M26;
        h1 += c;
    }

    @Override
    public byte[] tag() {
        byte[] out = new byte[TAG_LENGTH];
        tag(out, 0);
        return out;
    }

    @Override
    public void tag(byte[] out, int offset) {
        checkOpen();
        if (out == null || offset < 0 || out.length - offset < TAG_LENGTH) {
            throw new BadParameterException("Poly1305: output needs room for " + TAG_LENGTH + " bytes at offset " + offset
                    + ", array has " + (out == null ? "none" : out.length));
        }
        spent = true;
        if (partialLength > 0) {
            partial[partialLength] = 1;
            Arrays.fill(partial, partialLength + 1, 16, (byte) 0);
            block(partial, 0, 0);
        }
        long c = h1 >>> 26;
        h1 &= M26;
        h2 += c;
        c = h2 >>> 26;
        h2 &= M26;
        h3 += c;
        c = h3 >>> 26;
        h3 &= M26;
        h4 += c;
        c = h4 >>> 26;
        h4 &= M26;
        h0 += c * 5;
        c = h0 >>> 26;
        h0 &= M26;
        h1 += c;

        // g = h - p; keep g if it did not go negative, h otherwise (mask, no branch)
        long g0 = h0 + 5;
        c = g0 >>> 26;
        g0 &= M26;
        long g1 = h1 + c;
        c = g1 >>> 26;
        g1 &= M26;
        long g2 = h2 + c;
        c = g2 >>> 26;
        g2 &= M26;
        long g3 = h3 + c;
        c = g3 >>> 26;
        g3 &= M26;
        long g4 = h4 + c - (1L << 26);
        long useG = (g4 >>> 63) - 1;
        h0 = (h0 & ~useG) | (g0 & useG);
        h1 = (h1 & ~useG) | (g1 & useG);
        h2 = (h2 & ~useG) | (g2 & useG);
        h3 = (h3 & ~useG) | (g3 & useG);
        h4 = (h4 & ~useG) | (g4 & useG & M26);

        long w0 = (h0 | (h1 << 26)) & M32;
        long w1 = ((h1 >>> 6) | (h2 << 20)) & M32;
        long w2 = ((h2 >>> 12) | (h3 << 14)) & M32;
        long w3 = ((h3 >>> 18) | (h4 << 8)) & M32;

        long f = w0 + pad[0];
        put32(out, offset, f);
        f = w1 + pad[1] + (f >>> 32);
        put32(out, offset + 4, f);
        f = w2 + pad[2] + (f >>> 32);
        put32(out, offset + 8, f);
        f = w3 + pad[3] + (f >>> 32);
        put32(out, offset + 12, f);
        wipe();
    }

    @Override
    public boolean verify(byte[] expected) {
        tag(computed, 0);
        boolean same = expected != null && MessageDigest.isEqual(computed, expected);
        Arrays.fill(computed, (byte) 0);
        return same;
    }

    @Override
    public boolean verify(byte[] expected, int offset) {
        if (expected == null || offset < 0 || expected.length - offset < TAG_LENGTH) {
            throw new BadParameterException("Poly1305: expected tag needs " + TAG_LENGTH + " bytes at offset " + offset
                    + ", array has " + (expected == null ? "none" : expected.length));
        }
        tag(computed, 0);
        int diff = 0;
        for (int i = 0; i < TAG_LENGTH; i++) {
            diff |= computed[i] ^ expected[offset + i];
        }
        Arrays.fill(computed, (byte) 0);
        return diff == 0;
    }

    private void checkOpen() {
        if (spent) {
            throw new IllegalStateException("Poly1305: this one-time key has already produced its tag");
        }
    }

    private void wipe() {
        h0 = h1 = h2 = h3 = h4 = 0;
        Arrays.fill(pad, 0);
        Arrays.fill(partial, (byte) 0);
    }

    private static long le32(byte[] b, int at) {
        return ((b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24);
    }

    private static void put32(byte[] b, int at, long v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
