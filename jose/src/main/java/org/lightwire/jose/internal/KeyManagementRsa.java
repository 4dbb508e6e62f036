package org.lightwire.jose.internal;

import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.DecryptionFailedException;
import org.lightwire.api.crypto.RsaEncryption;
import org.lightwire.jose.EncryptionMethod;
import org.lightwire.jose.JweAlgorithm;
import org.lightwire.jose.JweDecryptionException;
import org.lightwire.jose.Jwk;

/**
 * Key encryption with RSA (RFC 7518 sections 4.2 and 4.3): RSA1_5, RSA-OAEP, RSA-OAEP-256.
 * RSA1_5 decryption never fails on its own: the SPI's implicit rejection returns a
 * deterministic pseudo-random CEK for a bad ciphertext (RFC 7516 section 11.5), so the
 * caller sees the same tag failure either way and there is no Bleichenbacher oracle.
 */
final class KeyManagementRsa extends KeyManagement {

    KeyManagementRsa(JweAlgorithm algorithm) {
        super(algorithm);
    }

    @Override
    public Delivery deliver(CryptoBackend backend, Jwk key, EncryptionMethod enc, byte[] cek, JsonObject header, Fixed fixed) {
        byte[] encrypted = backend.rsa().encrypt(algorithm.rsaEncryption(), key.elements(), cek);
        return new Delivery(cek.clone(), encrypted, members());
    }

    @Override
    public byte[] recover(CryptoBackend backend, Jwk key, EncryptionMethod enc, JsonObject header, byte[] encryptedKey) {
        if (algorithm.rsaEncryption() == RsaEncryption.PKCS1_V1_5) {
            return backend.rsa().decryptImplicitRejection(key.elements(), encryptedKey, enc.cekLength());
        }
        try {
            return backend.rsa().decrypt(algorithm.rsaEncryption(), key.elements(), encryptedKey);
        } catch (DecryptionFailedException e) {
            // one message whatever the cause: OAEP padding, length, range
            throw new JweDecryptionException("JWE: " + algorithm.jwaName() + " could not decrypt the encrypted key");
        }
    }
}
