package org.lightwire.crypto.bc;

import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.DefaultBufferedBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.StreamCipher;
import org.bouncycastle.crypto.Wrapper;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.RFC3394WrapEngine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.CFBBlockCipher;
import org.bouncycastle.crypto.modes.OFBBlockCipher;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.lightwire.api.crypto.AesCipher;
import org.lightwire.api.crypto.AesMode;
import org.lightwire.api.crypto.AesPadding;
import org.lightwire.api.crypto.AesParameters;
import org.lightwire.api.crypto.AuthenticationFailedException;
import org.lightwire.api.crypto.BadInputException;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.CipherDirection;
import org.lightwire.api.crypto.InvalidPaddingException;

/**
 * {@link AesCipher} on BC's AES engine and modes (lws {@code lws_genaes_ctx} on mbedTLS);
 * XTS is {@link XtsAes}, since BC has none for AES. One message, then spent until
 * {@link #reset} re-inits the mode with a new IV and no key (BC keeps the key schedule and,
 * for GCM, its multiplication tables), so per-message cost is BC's own init.
 *
 * <p>Whatever a failing {@code doFinal} would have produced is computed into a scratch
 * array that is zeroed (and kept for the next message), so callers never see plaintext from a
 * message that failed its padding, tag or integrity check.
 */
final class BcAesCipher implements AesCipher {

    /** IEEE 1619 section 5.1: a data unit is at most 2^20 blocks. */
    static final int MAX_XTS_UNIT = (1 << 20) * AesParameters.BLOCK;
    /** Key wrap is for keys: a MiB is far beyond any key and bounds what update may hold. */
    static final int MAX_KEY_WRAP_INPUT = 1 << 20;

    private final AesParameters parameters;
    private final CipherDirection direction;
    private final Mode mode;
    private final String label;
    private boolean dataSeen;
    private boolean done;
    /** Where {@code doFinal} output lands before it is released; grown, never shrunk, zeroed after each use. */
    private byte[] scratch = new byte[0];

    BcAesCipher(CipherDirection direction, byte[] key, AesParameters parameters) {
        this.direction = Objects.requireNonNull(direction, "direction");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(key, "key");
        this.label = "AES-" + parameters.mode();
        if (!parameters.allowsKeyLength(key.length)) {
            throw new BadKeyException(label + ": key must be " + (parameters.mode() == AesMode.XTS ? "32 or 64" : "16, 24 or 32")
                    + " bytes, got " + key.length);
        }
        boolean encrypt = direction == CipherDirection.ENCRYPT;
        this.mode = create(parameters, key, encrypt);
    }

    private Mode create(AesParameters p, byte[] key, boolean encrypt) {
        KeyParameter k = new KeyParameter(key);
        byte[] iv = p.iv().orElse(null);
        switch (p.mode()) {
            case CBC:
                return new Block(CBCBlockCipher.newInstance(AESEngine.newInstance()), p.padding(), new ParametersWithIV(k, iv), encrypt);
            case ECB:
                return new Block(AESEngine.newInstance(), p.padding(), k, encrypt);
            case CFB128:
                return new Stream(CFBBlockCipher.newInstance(AESEngine.newInstance(), 128), new ParametersWithIV(k, iv), encrypt);
            case CFB8:
                return new Stream(CFBBlockCipher.newInstance(AESEngine.newInstance(), 8), new ParametersWithIV(k, iv), encrypt);
            case OFB:
                return new Stream(new OFBBlockCipher(AESEngine.newInstance(), 128), new ParametersWithIV(k, iv), encrypt);
            case CTR:
                // SIC with a whole-block IV increments all 128 bits, as SP 800-38A B.1 and the JDK do
                return new Stream(SICBlockCipher.newInstance(AESEngine.newInstance()), new ParametersWithIV(k, iv), encrypt);
            case GCM:
                return new Gcm(k, iv, p.tagLength(), encrypt);
            case XTS:
                try {
                    return new Xts(new XtsAes(key, encrypt), iv);
                } catch (IllegalArgumentException e) {
                    throw new BadKeyException(label + ": " + e.getMessage());
                }
            case KW:
                return new KeyWrap(k, encrypt);
            default:
                throw new BadParameterException("unsupported AES mode " + p.mode());
        }
    }

    @Override
    public AesParameters parameters() {
        return parameters;
    }

    @Override
    public CipherDirection direction() {
        return direction;
    }

    @Override
    public void updateAad(byte[] aad, int offset, int length) {
        checkLive();
        Objects.checkFromIndexSize(offset, length, aad.length);
        if (!(mode instanceof Gcm gcm)) {
            throw new BadParameterException(label + " takes no additional authenticated data (only AES-GCM does)");
        }
        if (dataSeen) {
            throw new IllegalStateException(label + ": all AAD must come before the first data");
        }
        gcm.aad(aad, offset, length);
    }

    @Override
    public int outputSize(int inputLength) {
        checkLive();
        if (inputLength < 0) {
            throw new BadParameterException(label + ": negative input length " + inputLength);
        }
        return mode.outputSize(inputLength);
    }

    @Override
    public int update(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        checkLive();
        Objects.checkFromIndexSize(inOffset, length, in.length);
        dataSeen = true;
        boolean ok = false;
        try {
            int n = mode.update(in, inOffset, length, out, outOffset);
            ok = true;
            return n;
        } finally {
            if (!ok) {
                fail();
            }
        }
    }

    @Override
    public byte[] update(byte[] in) {
        checkLive();
        byte[] out = new byte[mode.updateOutputSize(in.length)];
        int n = update(in, 0, in.length, out, 0);
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    @Override
    public int doFinal(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        checkLive();
        Objects.checkFromIndexSize(inOffset, length, in.length);
        dataSeen = true;
        done = true;
        int room = mode.outputSize(length);
        if (scratch.length < room) {
            Arrays.fill(scratch, (byte) 0);
            scratch = new byte[Math.max(room, 2 * scratch.length)];
        }
        try {
            int n = mode.doFinal(in, inOffset, length, scratch);
            if (outOffset < 0 || out.length - outOffset < n) {
                throw new BadParameterException(label + ": " + n + " bytes of output do not fit at offset " + outOffset
                        + " of a " + out.length + "-byte array");
            }
            System.arraycopy(scratch, 0, out, outOffset, n);
            return n;
        } finally {
            Arrays.fill(scratch, 0, room, (byte) 0);
            mode.wipe();
        }
    }

    @Override
    public byte[] doFinal(byte[] in) {
        checkLive();
        done = true;
        dataSeen = true;
        byte[] scratch = new byte[mode.outputSize(in.length)];
        try {
            int n = mode.doFinal(in, 0, in.length, scratch);
            return Arrays.copyOf(scratch, n);
        } finally {
            Arrays.fill(scratch, (byte) 0);
            mode.wipe();
        }
    }

    @Override
    public void reset(byte[] iv) {
        try {
            checkIv(iv);
            if (!mode.reset(iv)) {
                throw new BadParameterException(label + ": cannot be re-initialised; create a new cipher per message");
            }
        } catch (RuntimeException e) {
            // the mode may be half re-initialised: nothing but another reset may use it
            fail();
            throw e;
        }
        done = false;
        dataSeen = false;
    }

    /** The IV lengths the {@link AesParameters} factories allow, as {@link BadParameterException}s. */
    private void checkIv(byte[] iv) {
        AesMode m = parameters.mode();
        if (m == AesMode.ECB || m == AesMode.KW) {
            if (iv != null) {
                throw new BadParameterException(label + ": takes no IV; reset with null, got " + iv.length + " bytes");
            }
        } else if (m == AesMode.GCM) {
            if (iv == null || iv.length < 1 || iv.length > 1024) {
                throw new BadParameterException(label + ": nonce must be 1 to 1024 bytes, got " + (iv == null ? "none" : iv.length));
            }
        } else if (iv == null || iv.length != AesParameters.BLOCK) {
            throw new BadParameterException(label + ": " + (m == AesMode.XTS ? "tweak" : "IV") + " must be "
                    + AesParameters.BLOCK + " bytes, got " + (iv == null ? "none" : iv.length));
        }
    }

    private void checkLive() {
        if (done) {
            throw new IllegalStateException(label + " cipher already finished; make a new one for the next message");
        }
    }

    private void fail() {
        done = true;
        mode.wipe();
    }

    private void checkRoom(byte[] out, int outOffset, int needed) {
        if (outOffset < 0 || out.length - outOffset < needed) {
            throw new BadParameterException(label + ": " + needed + " bytes of output do not fit at offset " + outOffset
                    + " of a " + out.length + "-byte array");
        }
    }

    private void hold(Accumulator held, byte[] in, int inOffset, int length, int limit) {
        if ((long) held.length() + length > limit) {
            throw new BadInputException(label + ": input exceeds the " + limit + "-byte limit of one unit");
        }
        held.append(in, inOffset, length);
    }

    /** One mode's mechanics; {@code doFinal} writes into a scratch array of {@link #outputSize} bytes. */
    private interface Mode {
        int updateOutputSize(int length);

        int outputSize(int length);

        int update(byte[] in, int inOffset, int length, byte[] out, int outOffset);

        int doFinal(byte[] in, int inOffset, int length, byte[] scratch);

        /**
         * Re-inits for a new message with {@code iv} (already length-checked), keeping the
         * key; false for modes that hold a whole unit (XTS, key wrap), which cannot.
         */
        default boolean reset(byte[] iv) {
            return false;
        }

        default void wipe() {
        }
    }

    /** CFB, OFB, CTR: byte-oriented, output as long as input. */
    private final class Stream implements Mode {
        private final StreamCipher cipher;
        private final boolean encrypt;

        Stream(StreamCipher cipher, org.bouncycastle.crypto.CipherParameters params, boolean encrypt) {
            this.cipher = cipher;
            this.encrypt = encrypt;
            cipher.init(encrypt, params);
        }

        @Override
        public boolean reset(byte[] iv) {
            // no key: BC's modes keep the engine's key schedule and take only the IV
            cipher.init(encrypt, new ParametersWithIV(null, iv));
            return true;
        }

        @Override
        public int updateOutputSize(int length) {
            return length;
        }

        @Override
        public int outputSize(int length) {
            return length;
        }

        @Override
        public int update(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
            checkRoom(out, outOffset, length);
            return cipher.processBytes(in, inOffset, length, out, outOffset);
        }

        @Override
        public int doFinal(byte[] in, int inOffset, int length, byte[] scratch) {
            return cipher.processBytes(in, inOffset, length, scratch, 0);
        }
    }

    /** CBC and ECB, with PKCS#7 or no padding. */
    private final class Block implements Mode {
        private final BufferedBlockCipher cipher;
        private final AesPadding padding;
        private final boolean encrypt;
        /** Input bytes seen, for saying "empty" rather than "not whole blocks". */
        private long taken;

        Block(BlockCipher mode, AesPadding padding, org.bouncycastle.crypto.CipherParameters params, boolean encrypt) {
            this.padding = padding;
            this.encrypt = encrypt;
            this.cipher = padding == AesPadding.PKCS7 ? new PaddedBufferedBlockCipher(mode, new PKCS7Padding())
                    : new DefaultBufferedBlockCipher(mode);
            cipher.init(encrypt, params);
        }

        @Override
        public boolean reset(byte[] iv) {
            taken = 0;
            if (iv == null) {
                cipher.reset(); // ECB: nothing but buffered input to drop
            } else {
                cipher.init(encrypt, new ParametersWithIV(null, iv));
            }
            return true;
        }

        @Override
        public int updateOutputSize(int length) {
            return cipher.getUpdateOutputSize(length);
        }

        @Override
        public int outputSize(int length) {
            return cipher.getOutputSize(length);
        }

        @Override
        public int update(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
            checkRoom(out, outOffset, cipher.getUpdateOutputSize(length));
            taken += length;
            return cipher.processBytes(in, inOffset, length, out, outOffset);
        }

        @Override
        public int doFinal(byte[] in, int inOffset, int length, byte[] scratch) {
            taken += length;
            if (!encrypt && padding == AesPadding.PKCS7 && taken == 0) {
                throw new BadInputException(label + "/PKCS7: ciphertext is empty; a padded ciphertext has at least one block");
            }
            try {
                int n = cipher.processBytes(in, inOffset, length, scratch, 0);
                return n + cipher.doFinal(scratch, n);
            } catch (InvalidCipherTextException e) {
                throw new InvalidPaddingException(label + "/PKCS7: padding of the last block is malformed");
            } catch (DataLengthException e) {
                throw new BadInputException(label + "/" + padding + ": input is not a whole number of "
                        + AesParameters.BLOCK + "-byte blocks" + (padding == AesPadding.PKCS7 ? " (a padded ciphertext always is)" : ""));
            }
        }
    }

    /**
     * GCM on {@link BcGcm} (not BC's GCMBlockCipher, which allocates per block): encryption
     * streams; decryption holds everything until the tag has verified.
     */
    private final class Gcm implements Mode {
        private final BcGcm gcm;
        private final boolean encrypt;
        private final int tagLength;
        private final Accumulator held;

        Gcm(KeyParameter key, byte[] nonce, int tagLength, boolean encrypt) {
            this.encrypt = encrypt;
            this.tagLength = tagLength;
            this.held = encrypt ? null : new Accumulator();
            this.gcm = new BcGcm(key.getKey(), encrypt, tagLength, label);
            gcm.start(nonce);
        }

        @Override
        public boolean reset(byte[] nonce) {
            if (held != null) {
                held.wipe();
            }
            gcm.start(nonce); // refuses the previous encryption nonce
            return true;
        }

        void aad(byte[] aad, int offset, int length) {
            gcm.aad(aad, offset, length);
        }

        @Override
        public int updateOutputSize(int length) {
            return encrypt ? length : 0;
        }

        @Override
        public int outputSize(int length) {
            return encrypt ? length + tagLength : Math.max(0, held.length() + length - tagLength);
        }

        @Override
        public int update(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
            if (!encrypt) {
                held.append(in, inOffset, length);
                return 0;
            }
            checkRoom(out, outOffset, length);
            gcm.process(in, inOffset, length, out, outOffset);
            return length;
        }

        @Override
        public int doFinal(byte[] in, int inOffset, int length, byte[] scratch) {
            if (encrypt) {
                gcm.process(in, inOffset, length, scratch, 0);
                gcm.tag(scratch, length);
                return length + tagLength;
            }
            held.append(in, inOffset, length);
            if (held.length() < tagLength) {
                throw new BadInputException(label + ": " + held.length() + " bytes of input cannot hold the "
                        + tagLength + "-byte tag");
            }
            int n = held.length() - tagLength;
            gcm.process(held.array(), 0, n, scratch, 0);
            if (!gcm.verify(held.array(), n)) {
                // the caller zeroes scratch: the plaintext computed is never released
                throw new AuthenticationFailedException(label + ": tag mismatch; ciphertext, AAD, nonce or key is wrong");
            }
            return n;
        }

        @Override
        public void wipe() {
            if (held != null) {
                held.wipe();
            }
        }
    }

    /** XTS: one whole data unit at the end. */
    private final class Xts implements Mode {
        private final XtsAes xts;
        private final byte[] tweak;
        private final Accumulator held = new Accumulator();

        Xts(XtsAes xts, byte[] tweak) {
            this.xts = xts;
            this.tweak = tweak;
        }

        @Override
        public int updateOutputSize(int length) {
            return 0;
        }

        @Override
        public int outputSize(int length) {
            return held.length() + length;
        }

        @Override
        public int update(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
            hold(held, in, inOffset, length, MAX_XTS_UNIT);
            return 0;
        }

        @Override
        public int doFinal(byte[] in, int inOffset, int length, byte[] scratch) {
            hold(held, in, inOffset, length, MAX_XTS_UNIT);
            int n = held.length();
            if (n < AesParameters.BLOCK) {
                throw new BadInputException(label + ": a data unit must be at least 16 bytes, got " + n);
            }
            xts.process(tweak, held.array(), 0, n, scratch, 0);
            return n;
        }

        @Override
        public void wipe() {
            held.wipe();
        }
    }

    /** RFC 3394 key wrap: the whole key at the end. */
    private final class KeyWrap implements Mode {
        private final Wrapper wrapper = new RFC3394WrapEngine(AESEngine.newInstance());
        private final boolean wrap;
        private final Accumulator held = new Accumulator();

        KeyWrap(KeyParameter key, boolean wrap) {
            this.wrap = wrap;
            wrapper.init(wrap, key);
        }

        @Override
        public int updateOutputSize(int length) {
            return 0;
        }

        @Override
        public int outputSize(int length) {
            int total = held.length() + length;
            return wrap ? total + 8 : Math.max(0, total - 8);
        }

        @Override
        public int update(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
            hold(held, in, inOffset, length, MAX_KEY_WRAP_INPUT);
            return 0;
        }

        @Override
        public int doFinal(byte[] in, int inOffset, int length, byte[] scratch) {
            hold(held, in, inOffset, length, MAX_KEY_WRAP_INPUT);
            int n = held.length();
            int min = wrap ? 16 : 24;
            if (n % 8 != 0 || n < min) {
                throw new BadInputException(label + ": " + (wrap ? "key to wrap" : "wrapped key") + " must be a multiple of 8 bytes, at least "
                        + min + ", got " + n);
            }
            byte[] result;
            try {
                result = wrap ? wrapper.wrap(held.array(), 0, n) : wrapper.unwrap(held.array(), 0, n);
            } catch (InvalidCipherTextException e) {
                throw new AuthenticationFailedException(label + ": integrity check failed; wrapped key or key-encryption key is wrong");
            }
            System.arraycopy(result, 0, scratch, 0, result.length);
            Arrays.fill(result, (byte) 0);
            return result.length;
        }

        @Override
        public void wipe() {
            held.wipe();
        }
    }
}
