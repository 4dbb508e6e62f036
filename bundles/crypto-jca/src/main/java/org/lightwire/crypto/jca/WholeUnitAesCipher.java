package org.lightwire.crypto.jca;

import java.util.Arrays;
import org.lightwire.api.crypto.AesParameters;
import org.lightwire.api.crypto.BadInputException;
import org.lightwire.api.crypto.CipherDirection;

/**
 * An AES mode that needs its whole input before it can produce anything (XTS with
 * ciphertext stealing, key wrap): {@code update} collects up to a limit, {@code doFinal}
 * runs {@link #process} once. The collected input is zeroed when done.
 */
abstract class WholeUnitAesCipher extends AesCipherBase {

    private final int limit;
    private byte[] buffer = new byte[64];
    private int size;

    WholeUnitAesCipher(AesParameters parameters, CipherDirection direction, int limit) {
        super(parameters, direction);
        this.limit = limit;
    }

    @Override
    public int outputSize(int inputLength) {
        return Math.max(0, size + inputLength + outputGrowth());
    }

    /** Output length minus input length (+8 for wrap, -8 for unwrap, 0 for XTS). */
    protected abstract int outputGrowth();

    @Override
    protected int engineUpdate(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        collect(in, inOffset, length);
        return 0;
    }

    @Override
    protected int engineDoFinal(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        try {
            collect(in, inOffset, length);
            return process(buffer, size, out, outOffset);
        } finally {
            Arrays.fill(buffer, (byte) 0);
        }
    }

    private void collect(byte[] in, int inOffset, int length) {
        if ((long) size + length > limit) {
            Arrays.fill(buffer, (byte) 0);
            throw new BadInputException(name() + ": input exceeds the " + limit + "-byte limit of one unit");
        }
        if (size + length > buffer.length) {
            byte[] bigger = Arrays.copyOf(buffer, Math.max(size + length, Math.min(limit, buffer.length * 2)));
            Arrays.fill(buffer, (byte) 0);
            buffer = bigger;
        }
        System.arraycopy(in, inOffset, buffer, size, length);
        size += length;
    }

    /** Transforms {@code data[0..length)} into {@code out}; returns the output length. */
    protected abstract int process(byte[] data, int length, byte[] out, int outOffset);
}
