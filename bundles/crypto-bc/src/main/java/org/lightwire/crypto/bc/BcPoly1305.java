package org.lightwire.crypto.bc;

import java.util.Objects;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Arrays;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.Poly1305;

/**
 * {@link Poly1305} over BC's raw (cipherless) Poly1305, which takes the RFC 8439 32-byte
 * one-time key r || s and clamps r itself. Spent after one tag, as the key must be.
 */
final class BcPoly1305 implements Poly1305 {

    private static final int KEY_LENGTH = 32;

    private final org.bouncycastle.crypto.macs.Poly1305 mac = new org.bouncycastle.crypto.macs.Poly1305();
    private boolean spent;

    BcPoly1305(byte[] oneTimeKey) {
        Objects.requireNonNull(oneTimeKey, "oneTimeKey");
        if (oneTimeKey.length != KEY_LENGTH) {
            throw new BadKeyException("Poly1305: one-time key must be 32 bytes, got " + oneTimeKey.length);
        }
        mac.init(new KeyParameter(oneTimeKey));
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        checkNotSpent();
        Objects.checkFromIndexSize(offset, length, data.length);
        mac.update(data, offset, length);
    }

    @Override
    public byte[] tag() {
        checkNotSpent();
        spent = true;
        byte[] tag = new byte[TAG_LENGTH];
        mac.doFinal(tag, 0);
        return tag;
    }

    @Override
    public boolean verify(byte[] expected) {
        Objects.requireNonNull(expected, "expected");
        byte[] tag = tag();
        return expected.length == TAG_LENGTH & Arrays.constantTimeAreEqual(TAG_LENGTH, tag, 0,
                expected.length == TAG_LENGTH ? expected : tag, 0);
    }

    private void checkNotSpent() {
        if (spent) {
            throw new IllegalStateException("Poly1305: this one-time key already produced its tag; make a new instance");
        }
    }
}
