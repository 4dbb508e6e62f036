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

/** The AES modes SunJCE has: CBC, ECB, CFB128, CFB8, OFB, CTR and GCM. */
final class JdkAesCipher extends AesCipherBase {

    private final Cipher cipher;
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
        AlgorithmParameterSpec spec = null;
        if (mode == AesMode.GCM) {
            spec = new GCMParameterSpec(parameters.tagLength() * 8, parameters.iv().orElseThrow());
        } else if (mode != AesMode.ECB) {
            spec = new IvParameterSpec(parameters.iv().orElseThrow());
        }
        SecretKeySpec k = new SecretKeySpec(key, "AES");
        try {
            cipher.init(direction == CipherDirection.ENCRYPT ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, k, spec);
        } catch (GeneralSecurityException e) {
            throw new BadParameterException(name() + ": " + e.getMessage(), e);
        }
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
            return cipher.update(in, inOffset, length, out, outOffset);
        } catch (ShortBufferException e) {
            throw new BadParameterException(name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected int engineDoFinal(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        checkTotalLength();
        try {
            if (!checkedAtEnd) {
                return cipher.doFinal(in, inOffset, length, out, outOffset);
            }
            // into a scratch array first: on a bad tag or padding nothing reaches out
            byte[] plain = cipher.doFinal(in, inOffset, length);
            System.arraycopy(plain, 0, out, outOffset, plain.length);
            Arrays.fill(plain, (byte) 0);
            return plain.length;
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
