package org.lightwire.api.crypto;

/**
 * RSA (lws {@code lws_genrsa_*}): key generation, encryption, signatures. Keys are
 * {@link KeyType#RSA} {@link KeyElements}; a key of the wrong type, with a modulus outside
 * {@link #MIN_BITS}..{@link #MAX_BITS}, an even or too small exponent, or a public key
 * where a private one is needed, is a {@link BadKeyException}. Thread-safe.
 */
public interface Rsa {

    /** Smallest modulus accepted for use (old published vectors are 1024-bit). */
    int MIN_BITS = 1024;

    /** Smallest modulus {@link #generate} makes. */
    int MIN_GENERATE_BITS = 2048;

    /** Largest modulus accepted or made. */
    int MAX_BITS = 16384;

    /**
     * A new key pair with exponent 65537 and all eight elements. {@code bits} must be a
     * multiple of 8 in {@link #MIN_GENERATE_BITS}..{@link #MAX_BITS}, else
     * {@link BadParameterException}.
     */
    KeyElements generate(int bits);

    /**
     * Checks a key's mathematics without using it: size, exponent, and for a private key
     * with CRT elements that N = P·Q and the CRT elements are consistent.
     */
    void check(KeyElements key);

    /**
     * Encrypts {@code plaintext} to the public key (a private key's public part is used).
     * {@link BadInputException} if the plaintext is too long for the key and scheme.
     */
    byte[] encrypt(RsaEncryption scheme, KeyElements publicKey, byte[] plaintext);

    /**
     * Decrypts. Any failure that depends on the ciphertext is a
     * {@link DecryptionFailedException}, identical whatever the cause; key problems are
     * {@link BadKeyException}.
     */
    byte[] decrypt(RsaEncryption scheme, KeyElements privateKey, byte[] ciphertext);

    /**
     * PKCS#1 v1.5 decryption with implicit rejection, for key transport (JWE RSA1_5, RFC 7516
     * section 11.5; TLS RSA key exchange): if the padding is wrong or the message is not
     * {@code expectedLength} bytes, returns instead {@code expectedLength} pseudo-random bytes
     * derived from the private key and the ciphertext, in a path that does not branch on the
     * padding. The same ciphertext always gives the same answer, so an attacker cannot tell
     * rejection from success; the caller's next step (a tag check) then fails normally.
     * Never throws for the ciphertext's content; key problems are {@link BadKeyException}.
     */
    byte[] decryptImplicitRejection(KeyElements privateKey, byte[] ciphertext, int expectedLength);

    /** Signs {@code message} (hashed here with {@code hash}). */
    byte[] sign(RsaSignatureScheme scheme, HashAlgorithm hash, KeyElements privateKey, byte[] message);

    /**
     * Verifies a signature over {@code message}; false for any wrong, malformed or
     * wrong-length signature. Key problems are {@link BadKeyException}.
     */
    boolean verify(RsaSignatureScheme scheme, HashAlgorithm hash, KeyElements publicKey, byte[] message, byte[] signature);
}
