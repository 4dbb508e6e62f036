package org.lightwire.crypto.jca;

import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigest;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.Hash;
import org.lightwire.api.crypto.HashAlgorithm;

/** {@link Hash} on the SUN provider's {@link MessageDigest}. */
final class JcaHash implements Hash {

    private final HashAlgorithm algorithm;
    private final MessageDigest digest;

    JcaHash(HashAlgorithm algorithm) {
        this.algorithm = algorithm;
        this.digest = Jdk.messageDigest(algorithm.standardName());
    }

    @Override
    public HashAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        digest.update(data, offset, length);
    }

    @Override
    public void update(ByteBuffer data) {
        digest.update(data);
    }

    @Override
    public byte[] digest() {
        return digest.digest();
    }

    @Override
    public int digest(byte[] out, int offset) {
        if (offset < 0 || out.length - offset < algorithm.digestLength()) {
            throw new BadParameterException(algorithm.standardName() + ": output needs " + algorithm.digestLength()
                    + " bytes at offset " + offset + ", array has " + out.length);
        }
        try {
            return digest.digest(out, offset, algorithm.digestLength());
        } catch (DigestException e) {
            throw new BadParameterException(algorithm.standardName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void reset() {
        digest.reset();
    }
}
