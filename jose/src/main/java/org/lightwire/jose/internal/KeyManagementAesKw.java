package org.lightwire.jose.internal;

import org.lightwire.api.crypto.AesParameters;
import org.lightwire.api.crypto.CipherDirection;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.CryptoException;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.jose.EncryptionMethod;
import org.lightwire.jose.JweAlgorithm;
import org.lightwire.jose.JweDecryptionException;
import org.lightwire.jose.Jwk;

/** Key wrapping with AES Key Wrap, RFC 3394 (RFC 7518 section 4.4): A128KW, A192KW, A256KW. */
final class KeyManagementAesKw extends KeyManagement {

    KeyManagementAesKw(JweAlgorithm algorithm) {
        super(algorithm);
    }

    @Override
    public Delivery deliver(CryptoBackend backend, Jwk key, EncryptionMethod enc, byte[] cek, JsonObject header, Fixed fixed) {
        byte[] kek = key.elements().element(KeyElements.OCT_K);
        return new Delivery(cek.clone(), wrap(backend, kek, cek), members());
    }

    @Override
    public byte[] recover(CryptoBackend backend, Jwk key, EncryptionMethod enc, JsonObject header, byte[] encryptedKey) {
        return unwrap(backend, algorithm, key.elements().element(KeyElements.OCT_K), encryptedKey);
    }

    static byte[] wrap(CryptoBackend backend, byte[] kek, byte[] cek) {
        try {
            return backend.aes(CipherDirection.ENCRYPT, kek, AesParameters.kw()).doFinal(cek);
        } finally {
            java.util.Arrays.fill(kek, (byte) 0);
        }
    }

    static byte[] unwrap(CryptoBackend backend, JweAlgorithm algorithm, byte[] kek, byte[] encryptedKey) {
        try {
            // RFC 3394 needs at least two 64-bit blocks of key and one of integrity check
            if (encryptedKey.length < 24 || encryptedKey.length % 8 != 0) {
                throw new JweDecryptionException("JWE: " + algorithm.jwaName() + " encrypted key of " + encryptedKey.length
                        + " bytes is not a wrapped key");
            }
            return backend.aes(CipherDirection.DECRYPT, kek, AesParameters.kw()).doFinal(encryptedKey);
        } catch (CryptoException e) {
            throw new JweDecryptionException("JWE: " + algorithm.jwaName() + " could not unwrap the encrypted key (integrity check failed)");
        } finally {
            java.util.Arrays.fill(kek, (byte) 0);
        }
    }
}
