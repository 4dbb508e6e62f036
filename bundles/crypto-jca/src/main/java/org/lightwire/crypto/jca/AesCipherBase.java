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
 * What every {@link AesCipher} of this backend shares: the per-message state machine (AAD,
 * then data, then done — also done after any failure — and back to AAD on a successful
 * {@link #reset}), bounds checks with messages naming the mode, and the allocating
 * convenience forms. Subclasses do the cipher work.
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

    @Override
    public final void reset(byte[] iv) {
        try {
            engineReset(iv);
        } catch (RuntimeException e) {
            // the engine may be half re-initialised: nothing but another reset may use it
            state = State.DONE;
            throw e;
        }
        state = State.AAD;
        taken = 0;
    }

    /**
     * Checks {@code iv} against what the mode takes, as the {@link AesParameters} factories
     * do, with {@link BadParameterException}s naming the mode.
     */
    protected final void checkIv(byte[] iv) {
        AesMode m = parameters.mode();
        if (m == AesMode.ECB || m == AesMode.KW) {
            if (iv != null) {
                throw new BadParameterException(name() + ": takes no IV; reset with null, got " + iv.length + " bytes");
            }
        } else if (m == AesMode.GCM) {
            if (iv == null || iv.length < 1 || iv.length > 1024) {
                throw new BadParameterException(name() + ": nonce must be 1 to 1024 bytes, got " + (iv == null ? "none" : iv.length));
            }
        } else if (iv == null || iv.length != AesParameters.BLOCK) {
            throw new BadParameterException(name() + ": " + (m == AesMode.XTS ? "tweak" : "IV") + " must be "
                    + AesParameters.BLOCK + " bytes, got " + (iv == null ? "none" : iv.length));
        }
    }

    /**
     * Re-initialises the engine for a new message with {@code iv}; modes that hold a whole
     * unit (XTS, key wrap) are not re-initialisable, which the SPI documents.
     */
    protected void engineReset(byte[] iv) {
        throw new BadParameterException(name() + ": cannot be re-initialised; create a new cipher per message");
    }

    private void checkOpen() {
        if (state == State.DONE) {
            throw new IllegalStateException(name() + ": cipher already finished (or failed); reset it with a new IV or create a new one");
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
