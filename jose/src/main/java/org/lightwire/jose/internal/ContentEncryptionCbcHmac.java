package org.lightwire.jose.internal;

import java.util.Arrays;
import org.lightwire.api.crypto.AesPadding;
import org.lightwire.api.crypto.AesParameters;
import org.lightwire.api.crypto.CipherDirection;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.CryptoException;
import org.lightwire.api.crypto.Hmac;
import org.lightwire.jose.EncryptionMethod;

/**
 * AES-CBC with HMAC-SHA2 (RFC 7518 section 5.2): the CEK is MAC_KEY || ENC_KEY, the tag is
 * the first half of HMAC(MAC_KEY, AAD || IV || ciphertext || AL) where AL is the AAD length in
 * bits as a 64-bit big-endian number. Decryption checks the tag first, in constant time,
 * and only then decrypts (encrypt-then-MAC: no padding oracle).
 */
final class ContentEncryptionCbcHmac extends ContentEncryption {

    ContentEncryptionCbcHmac(EncryptionMethod method) {
        super(method);
    }

    @Override
    protected Sealed seal(CryptoBackend backend, byte[] cek, byte[] iv, byte[] aad, byte[] plaintext) {
        byte[] encKey = encKey(cek);
        try {
            byte[] ciphertext = backend.aes(CipherDirection.ENCRYPT, encKey, AesParameters.cbc(iv, AesPadding.PKCS7)).doFinal(plaintext);
            byte[] mac = mac(backend, cek, aad, iv, ciphertext).mac();
            return new Sealed(ciphertext, Arrays.copyOf(mac, method.tagLength()));
        } finally {
            Arrays.fill(encKey, (byte) 0);
        }
    }

    @Override
    protected byte[] open(CryptoBackend backend, byte[] cek, byte[] iv, byte[] aad, byte[] ciphertext, byte[] tag) {
        // Hmac.verify compares the leading half in time independent of where they differ;
        // the tag length was checked to be exactly half by the caller
        if (!mac(backend, cek, aad, iv, ciphertext).verify(tag)) {
            throw failed(method);
        }
        if (ciphertext.length == 0 || ciphertext.length % AesParameters.BLOCK != 0) {
            throw failed(method);
        }
        byte[] encKey = encKey(cek);
        try {
            return backend.aes(CipherDirection.DECRYPT, encKey, AesParameters.cbc(iv, AesPadding.PKCS7)).doFinal(ciphertext);
        } catch (CryptoException e) {
            // bad padding under a valid MAC: the sender was broken, not an oracle; same answer anyway
            throw failed(method);
        } finally {
            Arrays.fill(encKey, (byte) 0);
        }
    }

    private byte[] encKey(byte[] cek) {
        return Arrays.copyOfRange(cek, cek.length / 2, cek.length);
    }

    private Hmac mac(CryptoBackend backend, byte[] cek, byte[] aad, byte[] iv, byte[] ciphertext) {
        byte[] macKey = Arrays.copyOf(cek, cek.length / 2);
        Hmac h;
        try {
            h = backend.hmac(method.macHash(), macKey);
        } finally {
            Arrays.fill(macKey, (byte) 0);
        }
        h.update(aad);
        h.update(iv);
        h.update(ciphertext);
        long bits = (long) aad.length * 8;
        byte[] al = new byte[8];
        for (int i = 0; i < 8; i++) {
            al[i] = (byte) (bits >>> (56 - 8 * i));
        }
        h.update(al);
        return h;
    }
}
