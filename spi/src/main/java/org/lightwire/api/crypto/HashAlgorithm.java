package org.lightwire.api.crypto;

/**
 * The hashes of the generic layer (lws {@code enum lws_genhash_types}), also used to name
 * the hash of an HMAC, an RSA or ECDSA signature and OAEP.
 */
public enum HashAlgorithm {
    /** SHA-1 (FIPS 180-4): only for protocols that still require it (ws handshake, old ssh). */
    SHA_1("SHA-1", 20, 64),
    SHA_256("SHA-256", 32, 64),
    SHA_384("SHA-384", 48, 128),
    SHA_512("SHA-512", 64, 128);

    private final String standardName;
    private final int digestLength;
    private final int blockLength;

    HashAlgorithm(String standardName, int digestLength, int blockLength) {
        this.standardName = standardName;
        this.digestLength = digestLength;
        this.blockLength = blockLength;
    }

    /** The name in FIPS 180-4 and the JCA standard names ("SHA-256"). */
    public String standardName() {
        return standardName;
    }

    /** Digest size in bytes. */
    public int digestLength() {
        return digestLength;
    }

    /** Compression block size in bytes (the HMAC block size). */
    public int blockLength() {
        return blockLength;
    }
}
