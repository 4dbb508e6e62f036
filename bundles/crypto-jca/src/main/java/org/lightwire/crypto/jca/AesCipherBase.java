package org.lightwire.crypto.jca;

import java.util.Arrays;
import java.util.Objects;
import org.lightwire.api.crypto.AesCipher;
import org.lightwire.api.crypto.AesMode;
import org.lightwire.api.crypto.AesPadding;
import org.lightwire.api.crypto.AesParameters;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.CipherDirection;

/**
 * What every {@link AesCipher} of this backend shares: the single-use state machine (AAD,
 * then data, then done — also done after any failure), bounds checks with messages naming
 * the mode, and the allocating convenience forms. Subclasses do the cipher work.
 */
abstract class AesCipherBase implements AesCipher {

    private enum State { AAD, DATA, DONE }

    protected final AesParameters parameters;
    protected final CipherDirection direction;
    private State state = State.AAD;
    /** Input bytes taken so far (data, not AAD). */
    protected long taken;

    AesCipherBase(AesParameters parameters, CipherDirection direction) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.direction = Objects.requireNonNull(direction, "direction");
    }

    /** "AES-CBC/PKCS7", "AES-GCM": how messages name this cipher. */
    protected final String name() {
        AesMode m = parameters.mode();
        return "AES-" + m + ((m == AesMode.CBC || m == AesMode.ECB) && parameters.padding() == AesPadding.PKCS7 ? "/PKCS7" : "");
    }

    @Override
    public final AesParameters parameters() {
        return parameters;
    }

    @Override
    public final CipherDirection direction() {
        return direction;
    }

    @Override
    public final void updateAad(byte[] aad, int offset, int length) {
        checkOpen();
        if (parameters.mode() != AesMode.GCM) {
            throw new BadParameterException(name() + ": takes no additional authenticated data (only GCM does)");
        }
        if (state != State.AAD) {
            throw new IllegalStateException(name() + ": AAD must come before any data");
        }
        Objects.checkFromIndexSize(offset, length, aad.length);
        try {
            aad(aad, offset, length);
        } catch (RuntimeException e) {
            state = State.DONE;
            throw e;
        }
    }

    @Override
    public final int update(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        checkOpen();
        Objects.checkFromIndexSize(inOffset, length, in.length);
        checkRoom(length, out, outOffset);
        state = State.DATA;
        try {
            int n = engineUpdate(in, inOffset, length, out, outOffset);
            taken += length;
            return n;
        } catch (RuntimeException e) {
            state = State.DONE;
            throw e;
        }
    }

    @Override
    public final byte[] update(byte[] in) {
        byte[] out = new byte[outputSize(in.length)];
        int n = update(in, 0, in.length, out, 0);
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    @Override
    public final int doFinal(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        checkOpen();
        Objects.checkFromIndexSize(inOffset, length, in.length);
        checkRoom(length, out, outOffset);
        state = State.DONE;
        taken += length;
        return engineDoFinal(in, inOffset, length, out, outOffset);
    }

    @Override
    public final byte[] doFinal(byte[] in) {
        byte[] out = new byte[outputSize(in.length)];
        int n = doFinal(in, 0, in.length, out, 0);
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private void checkOpen() {
        if (state == State.DONE) {
            throw new IllegalStateException(name() + ": cipher already finished (or failed); create a new one per message");
        }
    }

    private void checkRoom(int length, byte[] out, int outOffset) {
        int need = outputSize(length);
        if (outOffset < 0 || out.length - outOffset < need) {
            throw new BadParameterException(name() + ": output needs room for " + need + " bytes at offset " + outOffset
                    + ", array has " + out.length);
        }
    }

    /** GCM only. */
    protected void aad(byte[] aad, int offset, int length) {
        throw new BadParameterException(name() + ": takes no additional authenticated data");
    }

    protected abstract int engineUpdate(byte[] in, int inOffset, int length, byte[] out, int outOffset);

    /** {@link #taken} already includes {@code length}. Must leave no plaintext in {@code out} on failure. */
    protected abstract int engineDoFinal(byte[] in, int inOffset, int length, byte[] out, int outOffset);
}
