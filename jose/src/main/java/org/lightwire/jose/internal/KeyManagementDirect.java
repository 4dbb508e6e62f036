package org.lightwire.jose.internal;

import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.jose.AlgorithmRejectedException;
import org.lightwire.jose.EncryptionMethod;
import org.lightwire.jose.JweAlgorithm;
import org.lightwire.jose.Jwk;
import org.lightwire.jose.MalformedJoseException;

/**
 * Direct encryption with a shared symmetric key (RFC 7518 section 4.5): the key is the CEK,
 * so it must have exactly the {@code enc}'s CEK length and the encrypted key is empty.
 */
final class KeyManagementDirect extends KeyManagement {

    KeyManagementDirect(JweAlgorithm algorithm) {
        super(algorithm);
    }

    @Override
    public Delivery deliver(CryptoBackend backend, Jwk key, EncryptionMethod enc, byte[] cek, JsonObject header, Fixed fixed) {
        return new Delivery(cekOf(key, enc), new byte[0], members());
    }

    @Override
    public byte[] recover(CryptoBackend backend, Jwk key, EncryptionMethod enc, JsonObject header, byte[] encryptedKey) {
        if (encryptedKey.length != 0) {
            throw new MalformedJoseException("JWE: \"dir\" must have an empty encrypted key, got " + encryptedKey.length + " bytes");
        }
        return cekOf(key, enc);
    }

    private static byte[] cekOf(Jwk key, EncryptionMethod enc) {
        byte[] k = key.elements().element(KeyElements.OCT_K);
        if (k.length != enc.cekLength()) {
            java.util.Arrays.fill(k, (byte) 0);
            throw new AlgorithmRejectedException("JWE: \"dir\" with " + enc.jwaName() + " needs a " + enc.cekLength() * 8
                    + "-bit key, this one has " + k.length * 8 + " bits");
        }
        return k;
    }
}
