package org.lightwire.crypto.jca.der;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.nio.charset.StandardCharsets;

/**
 * Builds DER (ITU-T X.690) elements bottom-up: each method returns a complete element, and
 * {@link #sequence} and friends wrap already-encoded children. Enough for certificates,
 * CSRs, PKCS#8 keys and ECDSA signatures; no JDK public API writes these.
 */
public final class Der {

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");

    private Der() {
    }

    /** An element with {@code tag} around {@code content}. */
    public static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(n) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(n >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    public static byte[] sequence(byte[]... children) {
        return tlv(DerReader.SEQUENCE, concat(children));
    }

    public static byte[] set(byte[]... children) {
        return tlv(DerReader.SET, concat(children));
    }

    /** {@code [number]} EXPLICIT around one or more encoded elements. */
    public static byte[] explicit(int number, byte[]... children) {
        return tlv(0xa0 | number, concat(children));
    }

    /** {@code [number]} IMPLICIT primitive (e.g. GeneralName dNSName [2], iPAddress [7]). */
    public static byte[] implicitPrimitive(int number, byte[] content) {
        return tlv(0x80 | number, content);
    }

    public static byte[] integer(BigInteger value) {
        return tlv(DerReader.INTEGER, value.toByteArray());
    }

    public static byte[] integer(long value) {
        return integer(BigInteger.valueOf(value));
    }

    public static byte[] bool(boolean value) {
        return tlv(0x01, new byte[] {(byte) (value ? 0xff : 0)});
    }

    public static byte[] nullValue() {
        return new byte[] {DerReader.NULL, 0};
    }

    public static byte[] octetString(byte[] content) {
        return tlv(DerReader.OCTET_STRING, content);
    }

    /** A BIT STRING of whole bytes. */
    public static byte[] bitString(byte[] content) {
        byte[] v = new byte[content.length + 1];
        System.arraycopy(content, 0, v, 1, content.length);
        return tlv(DerReader.BIT_STRING, v);
    }

    /** A named-bit BIT STRING (keyUsage): {@code bits} bit 0 first, trailing zero bits removed as DER requires. */
    public static byte[] namedBits(boolean... bits) {
        int last = -1;
        for (int i = 0; i < bits.length; i++) {
            if (bits[i]) {
                last = i;
            }
        }
        if (last < 0) {
            return tlv(DerReader.BIT_STRING, new byte[] {0});
        }
        int bytes = last / 8 + 1;
        byte[] v = new byte[bytes + 1];
        for (int i = 0; i <= last; i++) {
            if (bits[i]) {
                v[1 + i / 8] |= (byte) (0x80 >>> (i % 8));
            }
        }
        v[0] = (byte) (bytes * 8 - 1 - last);
        return tlv(DerReader.BIT_STRING, v);
    }

    public static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        if (arcs.length < 2) {
            throw new IllegalArgumentException("OID needs two arcs: " + dotted);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        base128(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            base128(out, Long.parseLong(arcs[i]));
        }
        return tlv(DerReader.OID, out.toByteArray());
    }

    private static void base128(ByteArrayOutputStream out, long v) {
        int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(v) + 6) / 7);
        for (int i = groups - 1; i >= 0; i--) {
            int b = (int) ((v >>> (7 * i)) & 0x7f);
            out.write(i == 0 ? b : b | 0x80);
        }
    }

    public static byte[] utf8String(String s) {
        return tlv(0x0c, s.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] ia5String(String s) {
        return tlv(0x16, s.getBytes(StandardCharsets.US_ASCII));
    }

    /** RFC 5280 section 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050, seconds precision. */
    public static byte[] time(Instant t) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        if (z.getYear() >= 1950 && z.getYear() < 2050) {
            return tlv(0x17, UTC_TIME.format(z).getBytes(StandardCharsets.US_ASCII));
        }
        return tlv(0x18, GENERALIZED_TIME.format(z).getBytes(StandardCharsets.US_ASCII));
    }

    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
