package org.lightwire.crypto.jca.ossl;

/**
 * The native methods of {@code src/main/c/lightwire_ossl.c}. Callers check every input
 * first (lengths, ranges, points); handles are {@code EVP_PKEY*} owned by {@link NativeKey}.
 * Codes: hash 1, 256, 384, 512 (SHA-1, SHA-2); RSA padding 1 PKCS#1 v1.5, 3 none, 4 OAEP,
 * 6 PSS, 0 for ECDSA; curve 256, 384, 521; OKP curve 7748 X25519, 8032 Ed25519 (their RFCs).
 */
final class Libcrypto {

    static final int PAD_PKCS1 = 1;
    static final int PAD_NONE = 3;
    static final int PAD_OAEP = 4;
    static final int PAD_PSS = 6;
    static final int PAD_ECDSA = 0;
    static final int OKP_X25519 = 7748;
    static final int OKP_ED25519 = 8032;

    private Libcrypto() {
    }

    static native String version();

    static native long versionNumber();

    static native void free(long key);

    /**
     * An RSA key from N, E (public) or N, E, D, P, Q, DP, DQ, QI (private) as unsigned
     * big-endian bytes; IllegalArgumentException if OpenSSL refuses them.
     */
    static native long rsaKey(byte[][] elements);

    /** An EC key from 04||X||Y and, for a private key, D; IllegalArgumentException if OpenSSL refuses it. */
    static native long ecKey(int curve, byte[] point, byte[] d);

    /** A new EC key pair: its handle, D into {@code dOut}, 04||X||Y into {@code pointOut}. */
    static native long ecGenerate(int curve, byte[] dOut, byte[] pointOut);

    /** A signature over {@code digest} (RSA with the padding, ECDSA as DER); null on failure. */
    static native byte[] sign(long key, int padding, int hash, byte[] digest);

    /** Whether {@code signature} over {@code digest} is good (RSA with the padding, ECDSA as DER). */
    static native boolean verify(long key, int padding, int hash, byte[] digest, byte[] signature);

    /** RSA decryption with no padding or OAEP; null on any failure. */
    static native byte[] rsaDecrypt(long key, int padding, int hash, byte[] ciphertext);

    /** RSA encryption with PKCS#1 v1.5 or OAEP padding (OpenSSL's random source); null on failure. */
    static native byte[] rsaEncrypt(long key, int padding, int hash, byte[] plaintext);

    /** The ECDH shared secret (X coordinate) or the X25519 one; null on failure (an all-zero X25519 result included). */
    static native byte[] derive(long key, long peer);

    /**
     * An X25519 or Ed25519 key from its 32 raw bytes, private (scalar, seed) or public;
     * IllegalArgumentException if OpenSSL refuses them.
     */
    static native long okpKey(int curve, byte[] raw, boolean isPrivate);

    /** The 32-byte public key of an X25519 or Ed25519 key into {@code xOut}; false on failure. */
    static native boolean okpPublic(long key, byte[] xOut);

    /** A new X25519 or Ed25519 key pair: its handle, the private key into {@code dOut}, the public key into {@code xOut}. */
    static native long okpGenerate(int curve, byte[] dOut, byte[] xOut);

    /** The 64-byte Ed25519 signature of {@code message}; null on failure. */
    static native byte[] ed25519Sign(long key, byte[] message);

    /** Whether a 64-byte Ed25519 {@code signature} of {@code message} is good. */
    static native boolean ed25519Verify(long key, byte[] message, byte[] signature);
}
