package org.lightwire.crypto.bc;

import java.util.Objects;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Arrays;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.Poly1305;

/**
 * {@link Poly1305} over BC's raw (cipherless) Poly1305, which takes the RFC 8439 32-byte
 * one-time key r || s and clamps r itself. Spent after one tag, as the key must be, until
 * {@link #reset} re-keys it through one held {@link KeyParameter} whose key array is
 * rewritten in place (BC copies nothing on init), so a packet's MAC allocates nothing.
 */
final class BcPoly1305 implements Poly1305 {

    private static final int KEY_LENGTH = 32;

    private final org.bouncycastle.crypto.macs.Poly1305 mac = new org.bouncycastle.crypto.macs.Poly1305();
    /** The key BC is initialised from; its array is rewritten per {@link #reset}, or null if BC copies it. */
    private final KeyParameter key;
    private final byte[] computed = new byte[TAG_LENGTH];
    private boolean spent;

    BcPoly1305(byte[] oneTimeKey) {
        checkKey(oneTimeKey);
        KeyParameter k = new KeyParameter(oneTimeKey);
        // BC hands out its own array: writing into it re-keys without allocating; should a
        // BC version return a copy, allocate per reset rather than keep the old key
        this.key = k.getKey() == k.getKey() ? k : null;
        mac.init(k);
        if (key != null) {
            Arrays.fill(key.getKey(), (byte) 0);
        }
    }

    private static void checkKey(byte[] oneTimeKey) {
        if (oneTimeKey == null || oneTimeKey.length != KEY_LENGTH) {
            throw new BadKeyException("Poly1305: one-time key must be 32 bytes, got " + (oneTimeKey == null ? "none" : oneTimeKey.length));
        }
    }

    @Override
    public void reset(byte[] oneTimeKey) {
        checkKey(oneTimeKey);
        if (key != null) {
            System.arraycopy(oneTimeKey, 0, key.getKey(), 0, KEY_LENGTH);
            mac.init(key);
            Arrays.fill(key.getKey(), (byte) 0);
        } else {
            mac.init(new KeyParameter(oneTimeKey));
        }
        spent = false;
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        checkNotSpent();
        Objects.checkFromIndexSize(offset, length, data.length);
        mac.update(data, offset, length);
    }

    @Override
    public byte[] tag() {
        byte[] tag = new byte[TAG_LENGTH];
        tag(tag, 0);
        return tag;
    }

    @Override
    public void tag(byte[] out, int offset) {
        checkNotSpent();
        if (out == null || offset < 0 || out.length - offset < TAG_LENGTH) {
            throw new BadParameterException("Poly1305: output needs room for " + TAG_LENGTH + " bytes at offset " + offset
                    + ", array has " + (out == null ? "none" : out.length));
        }
        spent = true;
        mac.doFinal(out, offset);
    }

    @Override
    public boolean verify(byte[] expected) {
        Objects.requireNonNull(expected, "expected");
        tag(computed, 0);
        boolean same = expected.length == TAG_LENGTH & Arrays.constantTimeAreEqual(TAG_LENGTH, computed, 0,
                expected.length == TAG_LENGTH ? expected : computed, 0);
        Arrays.fill(computed, (byte) 0);
        return same;
    }

    @Override
    public boolean verify(byte[] expected, int offset) {
        if (expected == null || offset < 0 || expected.length - offset < TAG_LENGTH) {
            throw new BadParameterException("Poly1305: expected tag needs " + TAG_LENGTH + " bytes at offset " + offset
                    + ", array has " + (expected == null ? "none" : expected.length));
        }
        tag(computed, 0);
        boolean same = Arrays.constantTimeAreEqual(TAG_LENGTH, computed, 0, expected, offset);
        Arrays.fill(computed, (byte) 0);
        return same;
    }

    private void checkNotSpent() {
        if (spent) {
            throw new IllegalStateException("Poly1305: this one-time key already produced its tag; make a new instance");
        }
    }
}
