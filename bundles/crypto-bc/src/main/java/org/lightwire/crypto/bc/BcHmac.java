package org.lightwire.crypto.bc;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Arrays;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.Hmac;

/** {@link Hmac} over BC's {@link HMac} (lws {@code lws_genhmac_ctx}). */
final class BcHmac implements Hmac {

    private final HashAlgorithm algorithm;
    private final ByteBuffers.ArraySink sink;
    /** Copy space for direct buffers, made on first need. */
    private byte[] scratch;
    private final HMac mac;
    /** The MAC computed by {@link #verify}, zeroed after each comparison. */
    private final byte[] computed;

    BcHmac(HashAlgorithm algorithm, byte[] key) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(key, "key");
        if (key.length == 0) {
            // RFC 2104 allows it, but an empty key is always a caller's mistake
            throw new BadKeyException("HMAC-" + algorithm.standardName() + ": key is empty");
        }
        this.mac = new HMac(Digests.create(algorithm));
        this.computed = new byte[algorithm.digestLength()];
        this.sink = mac::update;
        // HMac keeps its own padded copy of the key, so the caller's array is not retained
        mac.init(new KeyParameter(key));
    }

    @Override
    public HashAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        mac.update(data, offset, length);
    }

    @Override
    public void update(ByteBuffer data) {
        scratch = ByteBuffers.feed(data, sink, scratch);
    }

    @Override
    public byte[] mac() {
        byte[] out = new byte[algorithm.digestLength()];
        mac.doFinal(out, 0);
        return out;
    }

    @Override
    public int mac(byte[] out, int offset) {
        int n = algorithm.digestLength();
        if (offset < 0 || out.length - offset < n) {
            throw new BadParameterException("HMAC-" + algorithm.standardName() + ": " + n
                    + " bytes of MAC do not fit at offset " + offset + " of a " + out.length + "-byte array");
        }
        return mac.doFinal(out, offset);
    }

    @Override
    public boolean verify(byte[] expected) {
        Objects.requireNonNull(expected, "expected");
        byte[] actual = computed;
        mac.doFinal(actual, 0);
        int n = expected.length;
        // RFC 2104 section 5: truncation to fewer than half the output or 80 bits is refused
        boolean lengthOk = n <= actual.length && n >= 10 && n * 2 >= actual.length;
        boolean equal = Arrays.constantTimeAreEqual(Math.min(n, actual.length), actual, 0, expected, 0);
        Arrays.fill(actual, (byte) 0);
        return lengthOk & equal;
    }

    @Override
    public void reset() {
        mac.reset();
    }
}
