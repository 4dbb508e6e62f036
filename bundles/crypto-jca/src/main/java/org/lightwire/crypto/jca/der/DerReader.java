package org.lightwire.crypto.jca.der;

import java.math.BigInteger;
import java.util.Arrays;
import org.lightwire.api.crypto.BadEncodingException;

/**
 * A strict reader of DER (ITU-T X.690) over one byte range: definite minimal lengths only,
 * minimal INTEGER encodings, BIT STRINGs with no stray unused bits, no trailing bytes once
 * {@link #end()} is called. The caller walks the structure it expects, so hostile nesting
 * cannot make the reader recurse. Every failure is a {@link BadEncodingException} naming
 * the structure ({@code what}) and the byte offset.
 */
public final class DerReader {

    public static final int INTEGER = 0x02;
    public static final int BIT_STRING = 0x03;
    public static final int OCTET_STRING = 0x04;
    public static final int NULL = 0x05;
    public static final int OID = 0x06;
    public static final int SEQUENCE = 0x30;
    public static final int SET = 0x31;

    private final byte[] data;
    private final int base;
    private final int end;
    private final String what;
    private int pos;

    /** Reads {@code data} whole; {@code what} names it in errors ("certificate", "PKCS#8 key"). */
    public DerReader(byte[] data, String what) {
        this(data, 0, data.length, what);
    }

    private DerReader(byte[] data, int from, int to, String what) {
        this.data = data;
        this.base = from;
        this.pos = from;
        this.end = to;
        this.what = what;
    }

    public boolean hasMore() {
        return pos < end;
    }

    /** The tag byte of the next element; fails at the end. */
    public int peekTag() {
        if (pos >= end) {
            throw fail("expected another element, found the end");
        }
        return data[pos] & 0xff;
    }

    /** Reads an element with tag {@code tag} and returns a reader over its contents. */
    public DerReader read(int tag) {
        int[] span = element(tag);
        return new DerReader(data, span[0], span[1], what);
    }

    /** The whole next element (tag, length, contents) as bytes, e.g. a TBSCertificate to verify. */
    public byte[] rawElement() {
        int start = pos;
        int[] span = element(peekTag());
        return Arrays.copyOfRange(data, start, span[1]);
    }

    public DerReader sequence() {
        return read(SEQUENCE);
    }

    /** A context-specific constructed element {@code [number]} (EXPLICIT tagging). */
    public DerReader explicit(int number) {
        return read(0xa0 | number);
    }

    /** Whether the next element is context-specific constructed {@code [number]}. */
    public boolean nextIsExplicit(int number) {
        return hasMore() && peekTag() == (0xa0 | number);
    }

    public BigInteger integer() {
        byte[] v = content(INTEGER);
        if (v.length == 0) {
            throw fail("INTEGER has no content");
        }
        if (v.length > 1 && ((v[0] == 0 && (v[1] & 0x80) == 0) || (v[0] == (byte) 0xff && (v[1] & 0x80) != 0))) {
            throw fail("INTEGER is not minimally encoded");
        }
        return new BigInteger(v);
    }

    /** A non-negative INTEGER; negative ones fail. */
    public BigInteger positiveOrZero() {
        BigInteger v = integer();
        if (v.signum() < 0) {
            throw fail("INTEGER is negative");
        }
        return v;
    }

    /** An INTEGER that must fit in an int (versions, path lengths). */
    public int smallInteger() {
        BigInteger v = integer();
        if (v.bitLength() > 31) {
            throw fail("INTEGER " + v + " is out of range");
        }
        return v.intValue();
    }

    public byte[] octetString() {
        return content(OCTET_STRING);
    }

    /** A BIT STRING's bytes; only whole-byte strings (0 unused bits) are accepted. */
    public byte[] bitString() {
        byte[] v = content(BIT_STRING);
        if (v.length == 0 || v[0] != 0) {
            throw fail("BIT STRING must have 0 unused bits");
        }
        return Arrays.copyOfRange(v, 1, v.length);
    }

    public void nullValue() {
        if (content(NULL).length != 0) {
            throw fail("NULL has content");
        }
    }

    /** An OBJECT IDENTIFIER in dotted form. */
    public String oid() {
        byte[] v = content(OID);
        if (v.length == 0 || (v[v.length - 1] & 0x80) != 0) {
            throw fail("OBJECT IDENTIFIER is empty or truncated");
        }
        StringBuilder sb = new StringBuilder();
        long value = 0;
        boolean first = true;
        for (int i = 0; i < v.length; i++) {
            int b = v[i] & 0xff;
            if (value == 0 && b == 0x80) {
                throw fail("OBJECT IDENTIFIER has a non-minimal arc");
            }
            if (value > (Long.MAX_VALUE >>> 7)) {
                throw fail("OBJECT IDENTIFIER arc too large");
            }
            value = (value << 7) | (b & 0x7f);
            if ((b & 0x80) == 0) {
                if (first) {
                    int top = value < 40 ? 0 : value < 80 ? 1 : 2;
                    sb.append(top).append('.').append(value - 40L * top);
                    first = false;
                } else {
                    sb.append('.').append(value);
                }
                value = 0;
            }
        }
        return sb.toString();
    }

    /** Skips the next element, whatever it is. */
    public void skip() {
        element(peekTag());
    }

    /** The contents of the next element, which must have tag {@code tag}. */
    public byte[] content(int tag) {
        int[] span = element(tag);
        return Arrays.copyOfRange(data, span[0], span[1]);
    }

    /** Fails if anything is left. */
    public void end() {
        if (pos != end) {
            throw fail((end - pos) + " unexpected trailing byte(s)");
        }
    }

    /** A failure naming this structure and the current offset, for checks made by callers. */
    public BadEncodingException fail(String message) {
        return new BadEncodingException(what + ": " + message + " (at byte " + (pos - base) + ")");
    }

    private int[] element(int tag) {
        if (pos >= end) {
            throw fail("expected tag 0x" + Integer.toHexString(tag) + ", found the end");
        }
        int actual = data[pos] & 0xff;
        if (actual != tag) {
            throw fail("expected tag 0x" + Integer.toHexString(tag) + ", found 0x" + Integer.toHexString(actual));
        }
        if ((actual & 0x1f) == 0x1f) {
            throw fail("multi-byte tags are not supported");
        }
        int p = pos + 1;
        if (p >= end) {
            throw fail("truncated: no length");
        }
        int first = data[p++] & 0xff;
        long length;
        if (first < 0x80) {
            length = first;
        } else if (first == 0x80) {
            throw fail("indefinite length is not DER");
        } else {
            int count = first & 0x7f;
            if (count > 4) {
                throw fail("length field of " + count + " bytes is too large");
            }
            if (end - p < count) {
                throw fail("truncated length");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (data[p++] & 0xff);
            }
            if (length < 0x80 || (count > 1 && length < (1L << (8 * (count - 1))))) {
                throw fail("length is not minimally encoded");
            }
        }
        if (length > end - p) {
            throw fail("truncated: element of " + length + " bytes, " + (end - p) + " left");
        }
        pos = p + (int) length;
        return new int[] {p, pos};
    }
}
