package org.lightwire.jose.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.OkpCurve;
import org.lightwire.jose.JoseKeyException;
import org.lightwire.jose.MalformedJoseException;

/**
 * SubjectPublicKeyInfo (RFC 5280 section 4.1.2.7; RFC 3279, RFC 5480, RFC 8410) in DER for
 * the key types JWK has: the "PUBLIC KEY" PEM form, which the crypto SPI reads only inside
 * certificates. Pure encoding, no crypto; the backend validates the key afterwards.
 */
public final class SpkiCodec {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] RSA_ALG = HEX.parseHex("300d06092a864886f70d0101010500");
    private static final byte[] EC_P256_ALG = HEX.parseHex("301306072a8648ce3d020106082a8648ce3d030107");
    private static final byte[] EC_P384_ALG = HEX.parseHex("301006072a8648ce3d020106052b81040022");
    private static final byte[] EC_P521_ALG = HEX.parseHex("301006072a8648ce3d020106052b81040023");
    private static final byte[] ED25519_ALG = HEX.parseHex("300506032b6570");
    private static final byte[] X25519_ALG = HEX.parseHex("300506032b656e");

    private SpkiCodec() {
    }

    /** The DER SubjectPublicKeyInfo of a public (or the public half of a private) RSA, EC or OKP key. */
    public static byte[] encode(KeyElements key) {
        byte[] alg;
        byte[] bits;
        switch (key.type()) {
            case RSA -> {
                alg = RSA_ALG;
                bits = tlv(0x30, concat(integer(key.bigInteger(KeyElements.RSA_N)), integer(key.bigInteger(KeyElements.RSA_E))));
            }
            case EC -> {
                EcCurve c = key.ecCurve();
                alg = switch (c) {
                    case P_256 -> EC_P256_ALG;
                    case P_384 -> EC_P384_ALG;
                    case P_521 -> EC_P521_ALG;
                };
                bits = concat(new byte[] {4}, key.element(KeyElements.EC_X), key.element(KeyElements.EC_Y));
            }
            case OKP -> {
                alg = key.okpCurve() == OkpCurve.ED25519 ? ED25519_ALG : X25519_ALG;
                bits = key.element(KeyElements.OKP_X);
            }
            default -> throw new JoseKeyException("an oct key has no public key encoding");
        }
        return tlv(0x30, concat(alg, tlv(0x03, concat(new byte[] {0}, bits))));
    }

    /** A public key from DER SubjectPublicKeyInfo; {@link MalformedJoseException} if it is not one of ours. */
    public static KeyElements decode(byte[] der) {
        Reader outer = new Reader(der, 0, der.length);
        Reader spki = outer.sequence();
        outer.end();
        int algStart = spki.pos;
        spki.sequence();
        byte[] alg = Arrays.copyOfRange(der, algStart, spki.pos);
        Reader bitString = spki.element(0x03);
        spki.end();
        if (bitString.remaining() < 1 || der[bitString.pos] != 0) {
            throw new MalformedJoseException("PUBLIC KEY: BIT STRING with unused bits");
        }
        byte[] bits = Arrays.copyOfRange(der, bitString.pos + 1, bitString.end);
        if (Arrays.equals(alg, RSA_ALG)) {
            Reader r = new Reader(bits, 0, bits.length);
            Reader seq = r.sequence();
            r.end();
            byte[] n = seq.integer();
            byte[] e = seq.integer();
            seq.end();
            return KeyElements.rsaPublic(n, e);
        }
        EcCurve curve = Arrays.equals(alg, EC_P256_ALG) ? EcCurve.P_256
                : Arrays.equals(alg, EC_P384_ALG) ? EcCurve.P_384 : Arrays.equals(alg, EC_P521_ALG) ? EcCurve.P_521 : null;
        if (curve != null) {
            int f = curve.fieldLength();
            if (bits.length != 1 + 2 * f || bits[0] != 4) {
                throw new MalformedJoseException("PUBLIC KEY: EC point must be uncompressed (04 || X || Y) for " + curve.jwkName());
            }
            return KeyElements.ec(curve, Arrays.copyOfRange(bits, 1, 1 + f), Arrays.copyOfRange(bits, 1 + f, 1 + 2 * f), null);
        }
        if (Arrays.equals(alg, ED25519_ALG)) {
            return KeyElements.okp(OkpCurve.ED25519, bits, null);
        }
        if (Arrays.equals(alg, X25519_ALG)) {
            return KeyElements.okp(OkpCurve.X25519, bits, null);
        }
        throw new MalformedJoseException("PUBLIC KEY: unsupported algorithm (RSA, EC P-256/384/521, Ed25519, X25519 are)");
    }

    private static byte[] integer(BigInteger v) {
        return tlv(0x02, v.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        out.write(tag);
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A strict DER reader over {@code [pos, end)}: definite minimal lengths only. */
    private static final class Reader {
        private final byte[] b;
        private int pos;
        private final int end;

        Reader(byte[] b, int pos, int end) {
            this.b = b;
            this.pos = pos;
            this.end = end;
        }

        int remaining() {
            return end - pos;
        }

        Reader sequence() {
            return element(0x30);
        }

        Reader element(int tag) {
            if (pos >= end || (b[pos] & 0xff) != tag) {
                throw new MalformedJoseException("PUBLIC KEY: malformed DER (expected tag " + Integer.toHexString(tag) + ")");
            }
            pos++;
            if (pos >= end) {
                throw truncated();
            }
            int first = b[pos++] & 0xff;
            int len;
            if (first < 0x80) {
                len = first;
            } else {
                int count = first & 0x7f;
                if (count == 0 || count > 3 || pos + count > end) {
                    throw new MalformedJoseException("PUBLIC KEY: malformed DER length");
                }
                len = 0;
                for (int i = 0; i < count; i++) {
                    len = len << 8 | (b[pos++] & 0xff);
                }
                if (len < 0x80 || (count > 1 && len < 1 << (8 * (count - 1)))) {
                    throw new MalformedJoseException("PUBLIC KEY: non-minimal DER length");
                }
            }
            if (len > end - pos) {
                throw truncated();
            }
            Reader inner = new Reader(b, pos, pos + len);
            pos += len;
            return inner;
        }

        byte[] integer() {
            Reader r = element(0x02);
            if (r.remaining() == 0 || (r.remaining() > 1 && b[r.pos] == 0 && (b[r.pos + 1] & 0x80) == 0) || (b[r.pos] & 0x80) != 0) {
                throw new MalformedJoseException("PUBLIC KEY: RSA INTEGER is negative or not minimal");
            }
            return Arrays.copyOfRange(b, r.pos, r.end);
        }

        void end() {
            if (pos != end) {
                throw new MalformedJoseException("PUBLIC KEY: trailing bytes in DER");
            }
        }

        private static MalformedJoseException truncated() {
            return new MalformedJoseException("PUBLIC KEY: truncated DER");
        }
    }
}
