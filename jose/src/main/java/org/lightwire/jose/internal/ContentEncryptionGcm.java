package org.lightwire.jose.internal;

import java.util.Arrays;
import org.lightwire.api.crypto.AesCipher;
import org.lightwire.api.crypto.AesParameters;
import org.lightwire.api.crypto.AuthenticationFailedException;
import org.lightwire.api.crypto.CipherDirection;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.jose.EncryptionMethod;

/** AES-GCM content encryption (RFC 7518 section 5.3): 96-bit IV, 128-bit tag, the JWE AAD as GCM AAD. */
final class ContentEncryptionGcm extends ContentEncryption {

    ContentEncryptionGcm(EncryptionMethod method) {
        super(method);
    }

    @Override
    protected Sealed seal(CryptoBackend backend, byte[] cek, byte[] iv, byte[] aad, byte[] plaintext) {
        AesCipher c = backend.aes(CipherDirection.ENCRYPT, cek, AesParameters.gcm(iv, method.tagLength()));
        c.updateAad(aad);
        byte[] out = c.doFinal(plaintext);
        int ctLength = out.length - method.tagLength();
        return new Sealed(Arrays.copyOf(out, ctLength), Arrays.copyOfRange(out, ctLength, out.length));
    }

    @Override
    protected byte[] open(CryptoBackend backend, byte[] cek, byte[] iv, byte[] aad, byte[] ciphertext, byte[] tag) {
        AesCipher c = backend.aes(CipherDirection.DECRYPT, cek, AesParameters.gcm(iv, method.tagLength()));
        c.updateAad(aad);
        byte[] input = new byte[ciphertext.length + tag.length];
        System.arraycopy(ciphertext, 0, input, 0, ciphertext.length);
        System.arraycopy(tag, 0, input, ciphertext.length, tag.length);
        try {
            return c.doFinal(input);
        } catch (AuthenticationFailedException e) {
            throw failed(method);
        }
    }
}
