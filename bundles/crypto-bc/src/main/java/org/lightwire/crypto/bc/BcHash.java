package org.lightwire.crypto.bc;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.bouncycastle.crypto.ExtendedDigest;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.Hash;
import org.lightwire.api.crypto.HashAlgorithm;

/** {@link Hash} over a BC lightweight digest (lws {@code lws_genhash_ctx} on mbedTLS). */
final class BcHash implements Hash {

    private final HashAlgorithm algorithm;
    private final ByteBuffers.ArraySink sink;
    /** Copy space for direct buffers, made on first need. */
    private byte[] scratch;
    private final ExtendedDigest digest;

    BcHash(HashAlgorithm algorithm) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.digest = Digests.create(algorithm);
        this.sink = digest::update;
    }

    @Override
    public HashAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        digest.update(data, offset, length);
    }

    @Override
    public void update(ByteBuffer data) {
        scratch = ByteBuffers.feed(data, sink, scratch);
    }

    @Override
    public byte[] digest() {
        byte[] out = new byte[algorithm.digestLength()];
        digest.doFinal(out, 0);
        return out;
    }

    @Override
    public int digest(byte[] out, int offset) {
        int n = algorithm.digestLength();
        if (offset < 0 || out.length - offset < n) {
            throw new BadParameterException(algorithm.standardName() + ": " + n + " bytes of digest do not fit at offset "
                    + offset + " of a " + out.length + "-byte array");
        }
        return digest.doFinal(out, offset);
    }

    @Override
    public void reset() {
        digest.reset();
    }
}
