package org.lightwire.jose.internal;

import java.nio.charset.StandardCharsets;
import org.lightwire.jose.MalformedJoseException;

/**
 * Base64url without padding (RFC 7515 section 2, RFC 4648 section 5), strictly: only the
 * URL-safe alphabet, no '=' padding, no whitespace, no length of the form 4n+1, and the
 * unused low bits of the last character must be zero, so every byte string has exactly one
 * accepted encoding (a signature cannot be altered without changing the decoded bytes).
 * Works on slices of a larger string, so a compact JWS is never split into substrings.
 */
public final class Base64Url {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    private static final byte[] ALPHABET_BYTES = new String(ALPHABET).getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VALUES = new byte[128];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = (byte) i;
        }
    }

    private Base64Url() {
    }

    /** Characters needed to encode {@code n} bytes. */
    public static int encodedLength(int n) {
        return n / 3 * 4 + (n % 3 == 0 ? 0 : n % 3 + 1);
    }

    /** Bytes a valid encoding of {@code chars} characters decodes to (4n+1 gives a wrong but harmless answer). */
    public static int decodedLength(int chars) {
        return chars / 4 * 3 + Math.max(0, chars % 4 - 1);
    }

    public static String encode(byte[] data) {
        return encode(data, 0, data.length);
    }

    public static String encode(byte[] data, int offset, int length) {
        byte[] out = new byte[encodedLength(length)];
        encodeInto(data, offset, length, out, 0);
        // ISO-8859-1 of pure ASCII is the compact Latin-1 string representation: no re-encoding
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** Appends the encoding of {@code data} to {@code sb}. */
    public static void encodeTo(byte[] data, StringBuilder sb) {
        int n = data.length;
        int i = 0;
        for (; i + 3 <= n; i += 3) {
            int v = (data[i] & 0xff) << 16 | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff);
            sb.append(ALPHABET[v >>> 18]).append(ALPHABET[v >>> 12 & 63]).append(ALPHABET[v >>> 6 & 63]).append(ALPHABET[v & 63]);
        }
        int rest = n - i;
        if (rest == 1) {
            int v = (data[i] & 0xff) << 16;
            sb.append(ALPHABET[v >>> 18]).append(ALPHABET[v >>> 12 & 63]);
        } else if (rest == 2) {
            int v = (data[i] & 0xff) << 16 | (data[i + 1] & 0xff) << 8;
            sb.append(ALPHABET[v >>> 18]).append(ALPHABET[v >>> 12 & 63]).append(ALPHABET[v >>> 6 & 63]);
        }
    }

    /** Encodes into {@code out} at {@code at} as ASCII bytes; returns the number of bytes written. */
    public static int encodeInto(byte[] data, int offset, int length, byte[] out, int at) {
        int i = offset;
        int end = offset + length;
        int o = at;
        for (; i + 3 <= end; i += 3) {
            int v = (data[i] & 0xff) << 16 | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff);
            out[o++] = ALPHABET_BYTES[v >>> 18];
            out[o++] = ALPHABET_BYTES[v >>> 12 & 63];
            out[o++] = ALPHABET_BYTES[v >>> 6 & 63];
            out[o++] = ALPHABET_BYTES[v & 63];
        }
        int rest = end - i;
        if (rest == 1) {
            int v = (data[i] & 0xff) << 16;
            out[o++] = ALPHABET_BYTES[v >>> 18];
            out[o++] = ALPHABET_BYTES[v >>> 12 & 63];
        } else if (rest == 2) {
            int v = (data[i] & 0xff) << 16 | (data[i + 1] & 0xff) << 8;
            out[o++] = ALPHABET_BYTES[v >>> 18];
            out[o++] = ALPHABET_BYTES[v >>> 12 & 63];
            out[o++] = ALPHABET_BYTES[v >>> 6 & 63];
        }
        return o - at;
    }

    /** Decodes all of {@code s}; {@code what} names it in the error ("JWS signature"). */
    public static byte[] decode(CharSequence s, String what) {
        return decode(s, 0, s.length(), what);
    }

    /**
     * Decodes {@code s[start, end)}. {@link MalformedJoseException} naming {@code what} and
     * the offending position for a character outside the alphabet (padding included), an
     * impossible length, or non-zero unused bits.
     */
    public static byte[] decode(CharSequence s, int start, int end, String what) {
        int chars = end - start;
        if (chars % 4 == 1) {
            throw new MalformedJoseException(what + ": base64url length " + chars + " is impossible (4n+1)");
        }
        byte[] out = new byte[decodedLength(chars)];
        int o = 0;
        int i = start;
        int fullEnd = start + chars / 4 * 4;
        for (; i < fullEnd; i += 4) {
            int v = value(s, i, what) << 18 | value(s, i + 1, what) << 12 | value(s, i + 2, what) << 6 | value(s, i + 3, what);
            out[o++] = (byte) (v >>> 16);
            out[o++] = (byte) (v >>> 8);
            out[o++] = (byte) v;
        }
        int rest = end - i;
        if (rest == 2) {
            int v = value(s, i, what) << 18 | value(s, i + 1, what) << 12;
            if ((v & 0xffff) != 0) {
                throw nonCanonical(what, i + 1 - start);
            }
            out[o] = (byte) (v >>> 16);
        } else if (rest == 3) {
            int v = value(s, i, what) << 18 | value(s, i + 1, what) << 12 | value(s, i + 2, what) << 6;
            if ((v & 0xff) != 0) {
                throw nonCanonical(what, i + 2 - start);
            }
            out[o++] = (byte) (v >>> 16);
            out[o] = (byte) (v >>> 8);
        }
        return out;
    }

    /** Whether {@code s[start, end)} holds only base64url alphabet characters. */
    public static boolean isAlphabet(CharSequence s, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c >= 128 || VALUES[c] < 0) {
                return false;
            }
        }
        return true;
    }

    private static int value(CharSequence s, int i, String what) {
        char c = s.charAt(i);
        int v = c < 128 ? VALUES[c] : -1;
        if (v < 0) {
            String shown = c == '=' ? "padding '='" : c < 0x20 || c >= 0x7f ? String.format("U+%04X", (int) c) : "'" + c + "'";
            throw new MalformedJoseException(what + ": " + shown + " is not base64url (RFC 7515 section 2: URL-safe alphabet, no padding)");
        }
        return v;
    }

    private static MalformedJoseException nonCanonical(String what, int position) {
        return new MalformedJoseException(what + ": non-canonical base64url (unused bits set in character " + position + ")");
    }
}
