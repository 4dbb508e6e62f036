package org.lightwire.api.crypto;

import java.security.SecureRandom;

/**
 * One implementation of the whole generic crypto layer — lws' choice between OpenSSL and
 * mbedTLS, made at run time. Bundles provide it as a service
 * ({@code provides org.lightwire.api.crypto.CryptoBackend with ...} plus
 * {@code META-INF/services}); the context picks the one named by the global
 * {@code crypto-backend} setting, else the one with the highest {@link #ranking()}, and
 * code reaches it through {@link org.lightwire.api.Context#crypto()}. A backend must
 * implement every primitive and give the same results as every other backend for the
 * same inputs (the conformance suite checks it).
 *
 * <p>Thread-safe: factories may be called from any thread; the objects they return say
 * whether they are.
 */
public interface CryptoBackend {

    /** Short stable name that configuration uses ("jca", "bc"). */
    String name();

    /** One line for logs: what the backend is built on, with versions. */
    String description();

    /**
     * Preference when no backend is configured by name: the highest wins; ties go to the
     * earlier installed. The JDK backend ranks {@code 100}.
     */
    int ranking();

    /** An incremental hash. */
    Hash hash(HashAlgorithm algorithm);

    /** One-shot hash. */
    default byte[] digest(HashAlgorithm algorithm, byte[] data) {
        Hash h = hash(algorithm);
        h.update(data);
        return h.digest();
    }

    /**
     * An incremental HMAC with {@code key} (copied; any length, RFC 2104 hashes long keys).
     * An empty key is a {@link BadKeyException}.
     */
    Hmac hmac(HashAlgorithm algorithm, byte[] key);

    /**
     * One AES encryption or decryption. {@code key} (copied) must have a length
     * {@link AesParameters#allowsKeyLength} allows, else {@link BadKeyException} naming the
     * mode and the lengths allowed; the two halves of an XTS key must differ.
     */
    AesCipher aes(CipherDirection direction, byte[] key, AesParameters parameters);

    Rsa rsa();

    Ec ec();

    X25519 x25519();

    Ed25519 ed25519();

    /**
     * ChaCha20 keystream (32-byte key), chosen by nonce length: 12 bytes is RFC 8439 (32-bit
     * block counter), 8 bytes is the original variant OpenSSH uses (64-bit block counter).
     * {@code initialCounter} is the first block number (0 or 1 usually) and must fit the
     * counter, else {@link BadParameterException}.
     */
    StreamCipher chacha20(byte[] key, byte[] nonce, long initialCounter);

    /** A Poly1305 one-time authenticator with a 32-byte key (r then s, RFC 8439 section 2.5). */
    Poly1305 poly1305(byte[] key);

    /** AEAD_CHACHA20_POLY1305 (RFC 8439 section 2.8): 32-byte key, 12-byte nonce, 16-byte tag. */
    Aead chacha20Poly1305();

    /** The backend's cryptographically strong random generator, thread-safe and seeded. */
    SecureRandom secureRandom();

    X509 x509();

    TlsContextFactory tls();

    /**
     * The backend has left the registry (its bundle stops, or it was uninstalled): it
     * undoes what it registered outside itself (a JVM-wide JCA provider). Work already
     * handed out may still finish and must keep working, if more slowly. Called by every
     * context that saw it go, so idempotent; any thread. Default: nothing.
     */
    default void close() {
    }
}
