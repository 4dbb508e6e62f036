package org.lightwire.api.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * A key as an array of octet-string elements, the lws generic-layer representation
 * ({@code struct lws_gencrypto_keyelem} arrays; the binary form of a JWK). The element
 * count and meaning depend on the {@link KeyType}; the index constants below name them.
 * An absent element is empty (a public key has an empty D).
 *
 * <ul>
 *   <li>oct: {@link #OCT_K}.</li>
 *   <li>RSA: big-endian unsigned integers without leading zeros (JWK form). Public keys
 *       have E and N; private keys also D, and either all or none of P, Q, DP, DQ, QI.</li>
 *   <li>EC: CRV is the JWK curve name in ASCII; X, Y and D are big-endian and exactly
 *       {@link EcCurve#fieldLength()} bytes.</li>
 *   <li>OKP: CRV as for EC; X is the public key, D the private key (seed for Ed25519,
 *       scalar for X25519), 32 bytes each, in their RFC 7748/8032 encodings.</li>
 * </ul>
 *
 * <p>The factories check structure (counts, lengths, presence), not mathematics; backends
 * check the mathematics (point on curve, modulus sizes) when the key is used. Immutable
 * until {@link #destroy()}, which zeroes every element (lws {@code lws_jwk_destroy});
 * afterwards every accessor throws {@link BadKeyException}. Elements are copied in and out,
 * so callers may zero their own arrays.
 */
public final class KeyElements implements Destroyable, AutoCloseable {

    public static final int OCT_K = 0;

    public static final int RSA_E = 0;
    public static final int RSA_N = 1;
    public static final int RSA_D = 2;
    public static final int RSA_P = 3;
    public static final int RSA_Q = 4;
    public static final int RSA_DP = 5;
    public static final int RSA_DQ = 6;
    public static final int RSA_QI = 7;

    public static final int EC_CRV = 0;
    public static final int EC_X = 1;
    public static final int EC_D = 2;
    public static final int EC_Y = 3;

    public static final int OKP_CRV = 0;
    public static final int OKP_X = 1;
    public static final int OKP_D = 2;

    private static final byte[] EMPTY = new byte[0];

    private final KeyType type;
    private final byte[][] elements;
    private volatile boolean destroyed;

    private KeyElements(KeyType type, byte[][] elements) {
        this.type = type;
        this.elements = elements;
    }

    /** A symmetric key. */
    public static KeyElements oct(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length == 0) {
            throw new BadKeyException("oct key: K is empty");
        }
        return new KeyElements(KeyType.OCT, new byte[][] {key.clone()});
    }

    /** An RSA public key. */
    public static KeyElements rsaPublic(byte[] n, byte[] e) {
        return rsa(n, e, null, null, null, null, null, null);
    }

    /**
     * An RSA key from all its elements; {@code d} null for a public key; the CRT elements
     * {@code p..qi} all null (private key without CRT) or all present.
     */
    public static KeyElements rsa(byte[] n, byte[] e, byte[] d, byte[] p, byte[] q, byte[] dp, byte[] dq, byte[] qi) {
        byte[][] el = new byte[8][];
        el[RSA_N] = required("RSA", "N", n);
        el[RSA_E] = required("RSA", "E", e);
        el[RSA_D] = d == null ? EMPTY : required("RSA", "D", d);
        byte[][] crt = {p, q, dp, dq, qi};
        int present = 0;
        for (byte[] c : crt) {
            present += c == null || c.length == 0 ? 0 : 1;
        }
        if (present != 0 && present != crt.length) {
            throw new BadKeyException("RSA key: P, Q, DP, DQ and QI must be all present or all absent, " + present + " of 5 given");
        }
        if (present != 0 && el[RSA_D].length == 0) {
            throw new BadKeyException("RSA key: CRT elements given without D");
        }
        String[] names = {"P", "Q", "DP", "DQ", "QI"};
        for (int i = 0; i < crt.length; i++) {
            el[RSA_P + i] = present == 0 ? EMPTY : required("RSA", names[i], crt[i]);
        }
        return new KeyElements(KeyType.RSA, el);
    }

    /** An RSA key from BigIntegers, as {@link #rsa(byte[], byte[], byte[], byte[], byte[], byte[], byte[], byte[])}. */
    public static KeyElements rsa(BigInteger n, BigInteger e, BigInteger d, BigInteger p, BigInteger q,
            BigInteger dp, BigInteger dq, BigInteger qi) {
        return rsa(bytes(n), bytes(e), bytes(d), bytes(p), bytes(q), bytes(dp), bytes(dq), bytes(qi));
    }

    private static byte[] bytes(BigInteger v) {
        if (v == null) {
            return null;
        }
        if (v.signum() < 0) {
            throw new BadKeyException("RSA key: negative element");
        }
        return v.toByteArray();
    }

    /** An EC key on a NIST curve; {@code d} null for a public key. */
    public static KeyElements ec(EcCurve curve, byte[] x, byte[] y, byte[] d) {
        Objects.requireNonNull(curve, "curve");
        byte[][] el = new byte[4][];
        el[EC_CRV] = curve.jwkName().getBytes(StandardCharsets.US_ASCII);
        el[EC_X] = fixed("EC " + curve.jwkName(), "X", x, curve.fieldLength());
        el[EC_Y] = fixed("EC " + curve.jwkName(), "Y", y, curve.fieldLength());
        el[EC_D] = d == null ? EMPTY : fixed("EC " + curve.jwkName(), "D", d, curve.fieldLength());
        return new KeyElements(KeyType.EC, el);
    }

    /** An X25519 or Ed25519 key; {@code d} null for a public key. */
    public static KeyElements okp(OkpCurve curve, byte[] x, byte[] d) {
        Objects.requireNonNull(curve, "curve");
        byte[][] el = new byte[3][];
        el[OKP_CRV] = curve.jwkName().getBytes(StandardCharsets.US_ASCII);
        el[OKP_X] = fixed(curve.jwkName(), "X", x, curve.keyLength());
        el[OKP_D] = d == null ? EMPTY : fixed(curve.jwkName(), "D", d, curve.keyLength());
        return new KeyElements(KeyType.OKP, el);
    }

    /**
     * A key from an lws-style element array of exactly {@link KeyType#elementCount()}
     * entries indexed by the constants above (null or empty = absent).
     */
    public static KeyElements of(KeyType type, byte[]... elements) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(elements, "elements");
        if (elements.length != type.elementCount()) {
            throw new BadKeyException(type.jwkName() + " key: needs " + type.elementCount() + " elements, got " + elements.length);
        }
        switch (type) {
            case OCT:
                return oct(elements[OCT_K] == null ? EMPTY : elements[OCT_K]);
            case RSA:
                return rsa(elements[RSA_N], elements[RSA_E], emptyToNull(elements[RSA_D]), emptyToNull(elements[RSA_P]),
                        emptyToNull(elements[RSA_Q]), emptyToNull(elements[RSA_DP]), emptyToNull(elements[RSA_DQ]),
                        emptyToNull(elements[RSA_QI]));
            case EC:
                return ec(EcCurve.ofJwkName(ascii("EC", elements[EC_CRV])), elements[EC_X], elements[EC_Y], emptyToNull(elements[EC_D]));
            case OKP:
                return okp(OkpCurve.ofJwkName(ascii("OKP", elements[OKP_CRV])), elements[OKP_X], emptyToNull(elements[OKP_D]));
            default:
                throw new BadKeyException("unknown key type " + type);
        }
    }

    private static byte[] emptyToNull(byte[] b) {
        return b == null || b.length == 0 ? null : b;
    }

    private static String ascii(String kind, byte[] crv) {
        if (crv == null || crv.length == 0) {
            throw new BadKeyException(kind + " key: CRV is missing");
        }
        return new String(crv, StandardCharsets.US_ASCII);
    }

    private static byte[] required(String kind, String name, byte[] value) {
        if (value == null) {
            throw new BadKeyException(kind + " key: " + name + " is missing");
        }
        int start = 0;
        while (start < value.length && value[start] == 0) {
            start++;
        }
        if (start == value.length) {
            throw new BadKeyException(kind + " key: " + name + " is zero or empty");
        }
        return Arrays.copyOfRange(value, start, value.length);
    }

    private static byte[] fixed(String kind, String name, byte[] value, int length) {
        if (value == null) {
            throw new BadKeyException(kind + " key: " + name + " is missing");
        }
        if (value.length != length) {
            throw new BadKeyException(kind + " key: " + name + " must be " + length + " bytes, got " + value.length);
        }
        return value.clone();
    }

    public KeyType type() {
        return type;
    }

    /** A copy of element {@code index}; empty if absent. */
    public byte[] element(int index) {
        checkAlive();
        checkIndex(index);
        return elements[index].clone();
    }

    /** Element {@code index} as a non-negative integer (RSA elements, EC coordinates). */
    public BigInteger bigInteger(int index) {
        checkAlive();
        checkIndex(index);
        return new BigInteger(1, elements[index]);
    }

    /** Whether element {@code index} is present. */
    public boolean has(int index) {
        checkAlive();
        checkIndex(index);
        return elements[index].length != 0;
    }

    /** Whether the key holds private material (oct keys always do). */
    public boolean isPrivate() {
        checkAlive();
        switch (type) {
            case OCT:
                return true;
            case RSA:
                return elements[RSA_D].length != 0;
            case EC:
                return elements[EC_D].length != 0;
            default:
                return elements[OKP_D].length != 0;
        }
    }

    /** The curve of an EC key; {@link BadKeyException} for other types. */
    public EcCurve ecCurve() {
        checkAlive();
        if (type != KeyType.EC) {
            throw new BadKeyException("expected an EC key, got " + type.jwkName());
        }
        return EcCurve.ofJwkName(new String(elements[EC_CRV], StandardCharsets.US_ASCII));
    }

    /** The curve of an OKP key; {@link BadKeyException} for other types. */
    public OkpCurve okpCurve() {
        checkAlive();
        if (type != KeyType.OKP) {
            throw new BadKeyException("expected an OKP key, got " + type.jwkName());
        }
        return OkpCurve.ofJwkName(new String(elements[OKP_CRV], StandardCharsets.US_ASCII));
    }

    /** Size in bits: RSA modulus, EC field, 255 for OKP, key bits for oct. */
    public int bits() {
        checkAlive();
        switch (type) {
            case OCT:
                return elements[OCT_K].length * 8;
            case RSA:
                return new BigInteger(1, elements[RSA_N]).bitLength();
            case EC:
                return ecCurve() == EcCurve.P_521 ? 521 : ecCurve().fieldLength() * 8;
            default:
                return 255;
        }
    }

    /**
     * The public half as new elements (private elements empty); {@link BadKeyException} for
     * oct keys, which have none.
     */
    public KeyElements publicKey() {
        checkAlive();
        byte[][] el = new byte[elements.length][];
        for (int i = 0; i < el.length; i++) {
            el[i] = elements[i].clone();
        }
        switch (type) {
            case RSA:
                for (int i = RSA_D; i <= RSA_QI; i++) {
                    el[i] = EMPTY;
                }
                break;
            case EC:
                el[EC_D] = EMPTY;
                break;
            case OKP:
                el[OKP_D] = EMPTY;
                break;
            default:
                throw new BadKeyException("oct key has no public part");
        }
        return new KeyElements(type, el);
    }

    /** Zeroes every element; idempotent. */
    @Override
    public void destroy() {
        destroyed = true;
        for (byte[] e : elements) {
            Arrays.fill(e, (byte) 0);
        }
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    /** Same as {@link #destroy()}, for try-with-resources. */
    @Override
    public void close() {
        destroy();
    }

    private void checkAlive() {
        if (destroyed) {
            throw new BadKeyException(type.jwkName() + " key was destroyed");
        }
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= elements.length) {
            throw new IndexOutOfBoundsException(type.jwkName() + " key has " + elements.length + " elements, no index " + index);
        }
    }

    /** Type, size and whether private; never key material. */
    @Override
    public String toString() {
        if (destroyed) {
            return "KeyElements[" + type.jwkName() + ", destroyed]";
        }
        String what = type == KeyType.EC ? ecCurve().jwkName() : type == KeyType.OKP ? okpCurve().jwkName() : bits() + " bits";
        return "KeyElements[" + type.jwkName() + " " + what + (type == KeyType.OCT ? "" : isPrivate() ? " private" : " public") + "]";
    }
}
