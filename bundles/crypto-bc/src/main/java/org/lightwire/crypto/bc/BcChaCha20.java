package org.lightwire.crypto.bc;

import java.util.Objects;
import org.bouncycastle.crypto.engines.ChaChaEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.util.Pack;
import org.lightwire.api.crypto.BadInputException;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.StreamCipher;

/**
 * ChaCha20 keystream in both layouts, on BC's original-layout {@link ChaChaEngine}
 * (state words 12-13 a 64-bit block counter, 14-15 a 64-bit nonce):
 * <ul>
 *   <li>8-byte nonce: the original design OpenSSH's chacha20-poly1305 uses, as is.</li>
 *   <li>12-byte nonce: RFC 8439, whose word 12 is a 32-bit counter and 13-15 the nonce. Word
 *       13 is loaded with the nonce's first four bytes and the 32-bit counter is kept from
 *       ever carrying into it, which gives exactly the RFC keystream. BC's own
 *       {@code ChaCha7539Engine} is not used because it refuses the last counter value,
 *       2^32-1, which the RFC allows.</li>
 * </ul>
 * {@link #reset} re-inits the engine without a key (BC keeps the key words) through one
 * held {@link ParametersWithIV} whose IV array is rewritten in place, so a reset allocates
 * nothing of ours.
 */
final class BcChaCha20 implements StreamCipher {

    private static final int BLOCK = 64;
    private static final long RFC8439_BLOCKS = 1L << 32;

    private final Engine engine = new Engine();
    private final int nonceLength;
    /** The IV BC is re-initialised with: 8 bytes, the nonce (64-bit layout) or its last 8 (RFC 8439). */
    private final byte[] iv = new byte[8];
    /** Parameters without a key (re-init keeps it) around {@link #iv}, or null if BC copies the IV. */
    private final ParametersWithIV reinit;
    /** Keystream bytes still allowed; only the 32-bit counter layout has a reachable end. */
    private long remaining;

    BcChaCha20(byte[] key, byte[] nonce, long initialCounter) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(nonce, "nonce");
        if (key.length != 32) {
            throw new BadKeyException("ChaCha20: key must be 32 bytes, got " + key.length);
        }
        checkLayout(nonce, initialCounter);
        this.nonceLength = nonce.length;
        loadIv(nonce);
        engine.init(true, new ParametersWithIV(new KeyParameter(key), iv));
        ParametersWithIV p = new ParametersWithIV(null, iv);
        // BC's getIV hands out its own copy's array; writing into it is then a re-init
        // with a new IV and no allocation. Should a BC version return a copy, allocate
        // per reset instead of silently keeping the old IV.
        this.reinit = p.getIV() == p.getIV() ? p : null;
        setCounter(nonce, initialCounter);
    }

    @Override
    public void reset(byte[] nonce, long counter) {
        if (nonce == null || nonce.length != nonceLength) {
            throw new BadParameterException("ChaCha20: reset needs a " + nonceLength + "-byte nonce, as at creation, got "
                    + (nonce == null ? "none" : nonce.length));
        }
        checkLayout(nonce, counter);
        loadIv(nonce);
        if (reinit != null) {
            System.arraycopy(iv, 0, reinit.getIV(), 0, 8);
            engine.init(true, reinit);
        } else {
            engine.init(true, new ParametersWithIV(null, iv));
        }
        setCounter(nonce, counter);
    }

    private static void checkLayout(byte[] nonce, long counter) {
        if (nonce.length == 12) {
            if (counter < 0 || counter >= RFC8439_BLOCKS) {
                throw new BadParameterException("ChaCha20 (RFC 8439): initial counter must be 0 to 2^32-1, got " + counter);
            }
        } else if (nonce.length != 8) {
            throw new BadParameterException("ChaCha20: nonce must be 12 bytes (RFC 8439) or 8 bytes (original/OpenSSH), got "
                    + nonce.length);
        }
    }

    private void loadIv(byte[] nonce) {
        System.arraycopy(nonce, nonce.length - 8, iv, 0, 8);
    }

    private void setCounter(byte[] nonce, long counter) {
        if (nonce.length == 8) {
            // every 64-bit value (read unsigned) is a valid first block; the keystream ends
            // where the counter would wrap, as the JDK backend's does
            engine.setCounter(counter, (int) (counter >>> 32));
            long blocksLeft = -counter; // 2^64 - counter, unsigned; 0 means all 2^64
            remaining = blocksLeft == 0 || Long.compareUnsigned(blocksLeft, Long.MAX_VALUE / BLOCK) > 0
                    ? Long.MAX_VALUE : blocksLeft * BLOCK;
        } else {
            engine.setCounter(counter, Pack.littleEndianToInt(nonce, 0));
            remaining = (RFC8439_BLOCKS - counter) * BLOCK;
        }
    }

    @Override
    public void update(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        Objects.checkFromIndexSize(inOffset, length, in.length);
        Objects.checkFromIndexSize(outOffset, length, out.length);
        if (length > remaining) {
            throw new BadInputException("ChaCha20: keystream exhausted: the block counter would wrap; " + remaining
                    + " bytes of keystream left, " + length + " asked");
        }
        remaining -= length;
        engine.processBytes(in, inOffset, length, out, outOffset);
    }

    /** BC's engine with its counter words settable after init (protected state, which subclasses may set). */
    private static final class Engine extends ChaChaEngine {
        /**
         * @param counter  state word 12: the low half of the 64-bit block counter, or the
         *                 RFC 8439 32-bit counter
         * @param highWord state word 13: the counter's high half, or the RFC 8439 nonce's
         *                 first four bytes
         */
        void setCounter(long counter, int highWord) {
            engineState[12] = (int) counter;
            engineState[13] = highWord;
            // init already computed block 0's keystream; a zero skip recomputes it from these words
            skip(0);
        }
    }
}
