package org.lightwire.crypto.bc;

import org.bouncycastle.crypto.ExtendedDigest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.lightwire.api.crypto.HashAlgorithm;

/** The BC lightweight digest behind each {@link HashAlgorithm}. */
final class Digests {

    private Digests() {
    }

    /** A fresh digest; BC digests are cheap to create and not thread-safe, so one per use. */
    static ExtendedDigest create(HashAlgorithm algorithm) {
        switch (algorithm) {
            case SHA_1:
                return new SHA1Digest();
            case SHA_256:
                return SHA256Digest.newInstance();
            case SHA_384:
                return new SHA384Digest();
            case SHA_512:
                return new SHA512Digest();
            default:
                throw new IllegalArgumentException("no digest for " + algorithm);
        }
    }
}
