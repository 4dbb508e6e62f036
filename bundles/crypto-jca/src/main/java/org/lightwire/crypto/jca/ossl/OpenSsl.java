package org.lightwire.crypto.jca.ossl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.lightwire.api.crypto.CryptoException;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.OkpCurve;
import org.lightwire.api.crypto.RsaSignatureScheme;

/**
 * The system's OpenSSL 3 libcrypto, reached through this bundle's JNI library, for the
 * public-key operations the JDK 17 providers do slowly: RSA (signatures, encryption),
 * ECDSA, ECDH and key generation on P-256/384/521, X25519 and Ed25519 — the arithmetic lws
 * gets from OpenSSL. RSA key generation, hashing, symmetric ciphers and TLS stay on the JDK.
 *
 * <p>System property {@value #PROPERTY}: {@code auto} (default: used when the library
 * loads), {@code off} (JDK only), {@code required} (the backend fails to start without it).
 * The library is built with the bundle where OpenSSL 3 headers and gcc exist (Linux
 * x86-64); elsewhere the backend runs on the JDK alone and says why in
 * {@link #description()}.
 */
public final class OpenSsl {

    /** The system property that chooses whether OpenSSL is used. */
    public static final String PROPERTY = "org.lightwire.crypto.jca.openssl";

    private static final String LIBRARY = "liblightwire-ossl.so";
    private static final long MIN_VERSION = 0x30000000L;

    private static final boolean AVAILABLE;
    private static final String DESCRIPTION;
    /** Why the configured mode cannot be honoured, or null. */
    private static final String FAILURE;

    static {
        String mode = System.getProperty(PROPERTY, "auto").strip().toLowerCase(Locale.ROOT);
        String why = null;
        String failure = null;
        if (mode.equals("off")) {
            why = "off (" + PROPERTY + "=off)";
        } else if (!mode.equals("auto") && !mode.equals("required")) {
            why = "off (bad " + PROPERTY + ")";
            failure = PROPERTY + " must be auto, off or required, got '" + mode + "'";
        } else {
            String reason = load();
            if (reason != null) {
                why = "not used: " + reason;
                if (mode.equals("required")) {
                    failure = "OpenSSL is required (" + PROPERTY + "=required) but " + reason;
                }
            }
        }
        AVAILABLE = why == null;
        DESCRIPTION = why == null ? Libcrypto.version() + " via JNI" : why;
        FAILURE = failure;
    }

    private OpenSsl() {
    }

    /**
     * Refuses to go on when the configured mode cannot be honoured ({@code required}
     * without the library, or a bad value): the backend calls this as it starts.
     */
    public static void checkConfiguration() {
        if (FAILURE != null) {
            throw new CryptoException(FAILURE);
        }
    }

    /** Whether RSA, EC, X25519 and Ed25519 operations go to OpenSSL. */
    public static boolean available() {
        return AVAILABLE;
    }

    /** What is used, or why not: for the backend's description and the startup log. */
    public static String description() {
        return DESCRIPTION;
    }

    /** Loads the library; null when loaded, else the reason it is not used. */
    private static String load() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        if (!os.equals("Linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return "no JNI library for " + os + " " + arch + " in this bundle (Linux x86-64 only)";
        }
        try (InputStream in = OpenSsl.class.getResourceAsStream("linux-x86_64/" + LIBRARY)) {
            if (in == null) {
                return "this bundle was built without its JNI library (the build found no OpenSSL 3 headers or gcc)";
            }
            // a file of its own for every load: a bundle loaded again by a new class loader
            // cannot share a library another class loader holds
            Path file = Files.createTempFile("lightwire-ossl-", ".so");
            try {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                System.load(file.toAbsolutePath().toString());
            } finally {
                Files.deleteIfExists(file);
            }
            long version = Libcrypto.versionNumber();
            if (version < MIN_VERSION) {
                return "libcrypto " + Libcrypto.version() + " is older than OpenSSL 3.0";
            }
            return null;
        } catch (IOException | UnsatisfiedLinkError | SecurityException e) {
            return "its JNI library did not load: " + e.getMessage();
        }
    }

    // ---- keys ----

    /**
     * OpenSSL's copy of an RSA private key with all CRT elements (the caller has checked
     * it); {@link IllegalArgumentException} if OpenSSL refuses it.
     */
    public static NativeKey rsaPrivate(KeyElements key) {
        return rsa(key, KeyElements.RSA_N, KeyElements.RSA_E, KeyElements.RSA_D, KeyElements.RSA_P, KeyElements.RSA_Q,
                KeyElements.RSA_DP, KeyElements.RSA_DQ, KeyElements.RSA_QI);
    }

    /** OpenSSL's copy of an RSA key's public part N, E (the caller has checked them). */
    public static NativeKey rsaPublic(KeyElements key) {
        return rsa(key, KeyElements.RSA_N, KeyElements.RSA_E);
    }

    private static NativeKey rsa(KeyElements key, int... order) {
        byte[][] elements = new byte[order.length][];
        try {
            for (int i = 0; i < order.length; i++) {
                elements[i] = key.element(order[i]);
            }
            return new NativeKey(Libcrypto.rsaKey(elements));
        } finally {
            for (byte[] e : elements) {
                if (e != null) {
                    Arrays.fill(e, (byte) 0);
                }
            }
        }
    }

    /**
     * OpenSSL's copy of an EC key: the point X, Y (field-length bytes, validated by the
     * caller) and, for a private key, the scalar D (field-length bytes, range-checked).
     */
    public static NativeKey ec(EcCurve curve, byte[] x, byte[] y, byte[] d) {
        int len = curve.fieldLength();
        byte[] point = new byte[1 + 2 * len];
        point[0] = 4;
        System.arraycopy(x, 0, point, 1, len);
        System.arraycopy(y, 0, point, 1 + len, len);
        return new NativeKey(Libcrypto.ecKey(code(curve), point, d));
    }

    /** A key pair made by OpenSSL: its elements and OpenSSL's handle on the private key. */
    public record Generated(KeyElements elements, NativeKey key) {
    }

    public static Generated generateEc(EcCurve curve) {
        int len = curve.fieldLength();
        byte[] d = new byte[len];
        byte[] point = new byte[1 + 2 * len];
        try {
            NativeKey key = new NativeKey(Libcrypto.ecGenerate(code(curve), d, point));
            KeyElements elements = KeyElements.ec(curve, Arrays.copyOfRange(point, 1, 1 + len),
                    Arrays.copyOfRange(point, 1 + len, point.length), d);
            return new Generated(elements, key);
        } finally {
            Arrays.fill(d, (byte) 0);
        }
    }

    /**
     * OpenSSL's copy of an X25519 or Ed25519 private key (scalar or seed, any 32 bytes);
     * {@link IllegalArgumentException} for another length, before OpenSSL sees it.
     */
    public static NativeKey okpPrivate(OkpCurve curve, byte[] d) {
        return new NativeKey(Libcrypto.okpKey(code(curve), okpLength(d), true));
    }

    /**
     * OpenSSL's copy of an X25519 or Ed25519 public key (an Ed25519 point validated by the
     * caller: OpenSSL does not decode it on import); {@link IllegalArgumentException} for
     * another length than 32, before OpenSSL sees it.
     */
    public static NativeKey okpPublic(OkpCurve curve, byte[] x) {
        return new NativeKey(Libcrypto.okpKey(code(curve), okpLength(x), false));
    }

    /** The key pair of a private key (RFC 7748 section 6.1, RFC 8032 section 5.1.5): its public key computed by OpenSSL. */
    public static Generated completeOkp(OkpCurve curve, byte[] d) {
        NativeKey key = okpPrivate(curve, d);
        byte[] x = new byte[curve.keyLength()];
        if (!key.use(h -> Libcrypto.okpPublic(h, x))) {
            throw new CryptoException(curve.jwkName() + ": deriving the public key failed in OpenSSL");
        }
        return new Generated(KeyElements.okp(curve, x, d), key);
    }

    public static Generated generateOkp(OkpCurve curve) {
        byte[] d = new byte[curve.keyLength()];
        byte[] x = new byte[curve.keyLength()];
        try {
            // inside the try: a native failure after D was written still wipes it
            NativeKey key = new NativeKey(Libcrypto.okpGenerate(code(curve), d, x));
            return new Generated(KeyElements.okp(curve, x, d), key);
        } finally {
            Arrays.fill(d, (byte) 0);
        }
    }

    // ---- operations ----

    /** An RSA signature over {@code digest} (hashed by the caller with {@code hash}). */
    public static byte[] rsaSign(NativeKey key, RsaSignatureScheme scheme, HashAlgorithm hash, byte[] digest) {
        int padding = scheme == RsaSignatureScheme.PSS ? Libcrypto.PAD_PSS : Libcrypto.PAD_PKCS1;
        return required(key.use(h -> Libcrypto.sign(h, padding, code(hash), digest)), "RSA " + scheme + " signing");
    }

    /** Whether an RSA signature over {@code digest} (hashed with {@code hash}) is good. */
    public static boolean rsaVerify(NativeKey key, RsaSignatureScheme scheme, HashAlgorithm hash, byte[] digest,
            byte[] signature) {
        int padding = scheme == RsaSignatureScheme.PSS ? Libcrypto.PAD_PSS : Libcrypto.PAD_PKCS1;
        return key.use(h -> Libcrypto.verify(h, padding, code(hash), digest, signature));
    }

    /** RSA encryption, PKCS#1 v1.5 ({@code oaepHash} null) or OAEP with {@code oaepHash}. */
    public static byte[] rsaEncrypt(NativeKey key, HashAlgorithm oaepHash, byte[] plaintext) {
        int padding = oaepHash == null ? Libcrypto.PAD_PKCS1 : Libcrypto.PAD_OAEP;
        int hash = oaepHash == null ? 0 : code(oaepHash);
        return required(key.use(h -> Libcrypto.rsaEncrypt(h, padding, hash, plaintext)), "RSA encryption");
    }

    /** RSA-OAEP decryption with {@code hash} for label and MGF1; null for any failure. */
    public static byte[] rsaDecryptOaep(NativeKey key, HashAlgorithm hash, byte[] ciphertext) {
        return key.use(h -> Libcrypto.rsaDecrypt(h, Libcrypto.PAD_OAEP, code(hash), ciphertext));
    }

    /** Raw RSA c^d mod n (k bytes, leading zeros kept); null for any failure. */
    public static byte[] rsaDecryptRaw(NativeKey key, byte[] ciphertext) {
        return key.use(h -> Libcrypto.rsaDecrypt(h, Libcrypto.PAD_NONE, 0, ciphertext));
    }

    /** An ECDSA signature, DER, over a digest of any length (truncated to the order as usual). */
    public static byte[] ecdsaSign(NativeKey key, byte[] digest) {
        return required(key.use(h -> Libcrypto.sign(h, Libcrypto.PAD_ECDSA, code(digestHash(digest)), digest)),
                "ECDSA signing");
    }

    /** Whether a DER ECDSA signature over {@code digest} is good. */
    public static boolean ecdsaVerify(NativeKey key, byte[] digest, byte[] der) {
        return key.use(h -> Libcrypto.verify(h, Libcrypto.PAD_ECDSA, code(digestHash(digest)), digest, der));
    }

    /** The ECDH shared secret of our private key and the peer's (validated) public key. */
    public static byte[] ecdh(NativeKey privateKey, NativeKey peer) {
        return required(privateKey.use(h -> peer.use(p -> Libcrypto.derive(h, p))), "ECDH");
    }

    /**
     * The X25519 shared secret of our private key and the peer's public key; null when
     * OpenSSL refuses it, which for two X25519 keys means the all-zero result of a
     * small-order peer (RFC 7748 section 6.1).
     */
    public static byte[] x25519(NativeKey privateKey, NativeKey peer) {
        return privateKey.use(h -> peer.use(p -> Libcrypto.derive(h, p)));
    }

    /** The 64-byte Ed25519 (pure, RFC 8032 section 5.1.6) signature of {@code message}. */
    public static byte[] ed25519Sign(NativeKey key, byte[] message) {
        Objects.requireNonNull(message, "message");
        return required(key.use(h -> Libcrypto.ed25519Sign(h, message)), "Ed25519 signing");
    }

    /** Whether {@code signature} is a good Ed25519 signature of {@code message}; false for any but 64 bytes. */
    public static boolean ed25519Verify(NativeKey key, byte[] message, byte[] signature) {
        Objects.requireNonNull(message, "message");
        if (signature == null || signature.length != 64) {
            return false;
        }
        return key.use(h -> Libcrypto.ed25519Verify(h, message, signature));
    }

    private static byte[] required(byte[] result, String what) {
        if (result == null) {
            throw new CryptoException(what + " failed in OpenSSL");
        }
        return result;
    }

    private static HashAlgorithm digestHash(byte[] digest) {
        for (HashAlgorithm h : HashAlgorithm.values()) {
            if (h.digestLength() == digest.length) {
                return h;
            }
        }
        throw new IllegalArgumentException("no hash makes a " + digest.length + "-byte digest");
    }

    private static int code(HashAlgorithm hash) {
        switch (hash) {
            case SHA_1: return 1;
            case SHA_256: return 256;
            case SHA_384: return 384;
            case SHA_512: return 512;
            default: throw new IllegalArgumentException(hash.toString());
        }
    }

    private static byte[] okpLength(byte[] raw) {
        if (raw == null || raw.length != 32) {
            throw new IllegalArgumentException("X25519/Ed25519 keys are 32 bytes, got " + (raw == null ? "none" : raw.length));
        }
        return raw;
    }

    private static int code(OkpCurve curve) {
        return curve == OkpCurve.X25519 ? Libcrypto.OKP_X25519 : Libcrypto.OKP_ED25519;
    }

    private static int code(EcCurve curve) {
        switch (curve) {
            case P_256: return 256;
            case P_384: return 384;
            case P_521: return 521;
            default: throw new IllegalArgumentException(curve.toString());
        }
    }
}
