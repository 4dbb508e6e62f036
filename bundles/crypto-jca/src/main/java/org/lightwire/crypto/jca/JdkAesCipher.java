package org.lightwire.crypto.jca;

import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.lightwire.api.crypto.AesMode;
import org.lightwire.api.crypto.AesPadding;
import org.lightwire.api.crypto.AesParameters;
import org.lightwire.api.crypto.AuthenticationFailedException;
import org.lightwire.api.crypto.BadInputException;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.CipherDirection;
import org.lightwire.api.crypto.CryptoException;
import org.lightwire.api.crypto.InvalidPaddingException;

/**
 * The AES modes SunJCE has: CBC, ECB, CFB128, CFB8, OFB, CTR and GCM. {@link #reset} re-inits
 * the same {@link Cipher} with a new IV (EVP_CipherInit_ex with key NULL), and decryption
 * that is checked at the end goes through a scratch array kept across messages, so a
 * message costs only what SunJCE's own init and final allocate.
 */
final class JdkAesCipher extends AesCipherBase {

    private final Cipher cipher;
    private final SecretKeySpec key;
    private final int opmode;
    /** Where checked-at-end decryption lands before its check passed; grown, never shrunk, zeroed after use. */
    private byte[] scratch = new byte[0];
    /** Decryption that must not release plaintext before a final check: GCM, and PKCS#7 padding. */
    private final boolean checkedAtEnd;

    JdkAesCipher(CipherDirection direction, byte[] key, AesParameters parameters) {
        super(parameters, direction);
        AesMode mode = parameters.mode();
        String padding = parameters.padding() == AesPadding.PKCS7 ? "PKCS5Padding" : "NoPadding";
        String transformation;
        switch (mode) {
            case CBC:
                transformation = "AES/CBC/" + padding;
                break;
            case ECB:
                transformation = "AES/ECB/" + padding;
                break;
            case CFB128:
                transformation = "AES/CFB/NoPadding";
                break;
            case CFB8:
                transformation = "AES/CFB8/NoPadding";
                break;
            case OFB:
                transformation = "AES/OFB/NoPadding";
                break;
            case CTR:
                transformation = "AES/CTR/NoPadding";
                break;
            case GCM:
                transformation = "AES/GCM/NoPadding";
                break;
            default:
                throw new IllegalArgumentException("not a SunJCE AES mode: " + mode);
        }
        this.cipher = Jdk.cipher(transformation, Jdk.SUN_JCE);
        this.checkedAtEnd = direction == CipherDirection.DECRYPT
                && (mode == AesMode.GCM || parameters.padding() == AesPadding.PKCS7);
        this.key = new SecretKeySpec(key, "AES");
        this.opmode = direction == CipherDirection.ENCRYPT ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE;
        init(parameters.iv().orElse(null));
    }

    private void init(byte[] iv) {
        AesMode mode = parameters.mode();
        AlgorithmParameterSpec spec = null;
        if (mode == AesMode.GCM) {
            spec = new GCMParameterSpec(parameters.tagLength() * 8, iv);
        } else if (mode != AesMode.ECB) {
            spec = new IvParameterSpec(iv);
        }
        try {
            cipher.init(opmode, key, spec);
        } catch (GeneralSecurityException e) {
            // SunJCE's refusal of a repeated GCM encryption nonce lands here too
            throw new BadParameterException(name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected void engineReset(byte[] iv) {
        checkIv(iv);
        init(iv);
    }

    @Override
    protected void aad(byte[] aad, int offset, int length) {
        cipher.updateAAD(aad, offset, length);
    }

    @Override
    public int outputSize(int inputLength) {
        return cipher.getOutputSize(inputLength);
    }

    @Override
    protected int engineUpdate(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        try {
            if (!overlaps(in, inOffset, length, out, outOffset)) {
                return cipher.update(in, inOffset, length, out, outOffset);
            }
            // SunJCE copies overlapping input to a new array on every call; our own scratch
            // does the same without allocating (in-place is how packet protocols call us)
            int room = cipher.getOutputSize(length);
            growScratch(room);
            int n = 0;
            try {
                n = cipher.update(in, inOffset, length, scratch, 0);
                System.arraycopy(scratch, 0, out, outOffset, n);
            } finally {
                Arrays.fill(scratch, 0, room, (byte) 0);
            }
            return n;
        } catch (ShortBufferException e) {
            throw new BadParameterException(name() + ": " + e.getMessage(), e);
        }
    }

    private static boolean overlaps(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        return in == out && inOffset < outOffset + length && outOffset < inOffset + length;
    }

    private void growScratch(int room) {
        if (scratch.length < room) {
            Arrays.fill(scratch, (byte) 0);
            scratch = new byte[Math.max(room, 2 * scratch.length)];
        }
    }

    @Override
    protected int engineDoFinal(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        checkTotalLength();
        try {
            if (!checkedAtEnd && !overlaps(in, inOffset, length, out, outOffset)) {
                return cipher.doFinal(in, inOffset, length, out, outOffset);
            }
            // into a scratch array first: on a bad tag or padding nothing reaches out, and
            // overlapping input is not copied to a new array by SunJCE
            int room = cipher.getOutputSize(length);
            growScratch(room);
            int n = 0;
            try {
                n = cipher.doFinal(in, inOffset, length, scratch, 0);
                System.arraycopy(scratch, 0, out, outOffset, n);
            } finally {
                Arrays.fill(scratch, 0, room, (byte) 0);
            }
            return n;
        } catch (AEADBadTagException e) {
            throw new AuthenticationFailedException(name() + ": tag mismatch: ciphertext, AAD, nonce or key is wrong");
        } catch (BadPaddingException e) {
            throw new InvalidPaddingException(name() + ": padding is malformed: wrong key, or ciphertext altered or truncated");
        } catch (IllegalBlockSizeException e) {
            throw new BadInputException(name() + ": " + e.getMessage(), e);
        } catch (ShortBufferException e) {
            throw new BadParameterException(name() + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new CryptoException(name() + ": " + e.getMessage(), e);
        }
    }

    /** Clear messages for lengths the JDK would reject with less helpful ones. */
    private void checkTotalLength() {
        AesMode mode = parameters.mode();
        boolean blockMode = mode == AesMode.CBC || mode == AesMode.ECB;
        if (blockMode && (parameters.padding() == AesPadding.NONE || direction == CipherDirection.DECRYPT)
                && taken % AesParameters.BLOCK != 0) {
            throw new BadInputException(name() + ": " + (direction == CipherDirection.DECRYPT ? "ciphertext" : "input")
                    + " length " + taken + " is not a multiple of 16 (truncated?)");
        }
        if (blockMode && parameters.padding() == AesPadding.PKCS7 && direction == CipherDirection.DECRYPT && taken == 0) {
            throw new BadInputException(name() + ": ciphertext is empty; padded ciphertext has at least one block");
        }
        if (mode == AesMode.GCM && direction == CipherDirection.DECRYPT && taken < parameters.tagLength()) {
            throw new BadInputException(name() + ": ciphertext of " + taken + " bytes is shorter than the "
                    + parameters.tagLength() + "-byte tag (truncated)");
        }
    }
}
