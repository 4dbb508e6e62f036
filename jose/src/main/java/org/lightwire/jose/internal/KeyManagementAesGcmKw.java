package org.lightwire.jose.internal;

import java.util.Arrays;
import org.lightwire.api.crypto.AesCipher;
import org.lightwire.api.crypto.AesParameters;
import org.lightwire.api.crypto.CipherDirection;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.CryptoException;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.jose.EncryptionMethod;
import org.lightwire.jose.JweAlgorithm;
import org.lightwire.jose.JweDecryptionException;
import org.lightwire.jose.Jwk;
import org.lightwire.jose.MalformedJoseException;

/**
 * Key wrapping with AES-GCM (RFC 7518 section 4.7): A128GCMKW, A192GCMKW, A256GCMKW. A fresh
 * 96-bit IV per wrap; the IV and the 128-bit tag travel as the {@code iv} and {@code tag}
 * header members.
 */
final class KeyManagementAesGcmKw extends KeyManagement {

    private static final int IV_BYTES = 12;
    private static final int TAG_BYTES = 16;

    KeyManagementAesGcmKw(JweAlgorithm algorithm) {
        super(algorithm);
    }

    @Override
    public Delivery deliver(CryptoBackend backend, Jwk key, EncryptionMethod enc, byte[] cek, JsonObject header, Fixed fixed) {
        byte[] iv = fixed.wrapIv() != null ? fixed.wrapIv().clone() : random(backend);
        byte[] kek = key.elements().element(KeyElements.OCT_K);
        byte[] out;
        try {
            out = backend.aes(CipherDirection.ENCRYPT, kek, AesParameters.gcm(iv, TAG_BYTES)).doFinal(cek);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
        var m = members();
        // RFC 7520 section 5.7 puts the tag before the iv
        m.put("tag", Base64Url.encode(Arrays.copyOfRange(out, cek.length, out.length)));
        m.put("iv", Base64Url.encode(iv));
        return new Delivery(cek.clone(), Arrays.copyOf(out, cek.length), m);
    }

    @Override
    public byte[] recover(CryptoBackend backend, Jwk key, EncryptionMethod enc, JsonObject header, byte[] encryptedKey) {
        byte[] iv = Base64Url.decode(requiredString(header, "iv"), "JWE header \"iv\"");
        byte[] tag = Base64Url.decode(requiredString(header, "tag"), "JWE header \"tag\"");
        if (iv.length != IV_BYTES) {
            throw new MalformedJoseException("JWE header \"iv\": " + algorithm.jwaName() + " needs a 96-bit IV, got " + iv.length * 8 + " bits");
        }
        if (tag.length != TAG_BYTES) {
            throw new JweDecryptionException("JWE header \"tag\": " + algorithm.jwaName() + " needs a 128-bit tag, got " + tag.length * 8 + " bits");
        }
        byte[] kek = key.elements().element(KeyElements.OCT_K);
        try {
            AesCipher c = backend.aes(CipherDirection.DECRYPT, kek, AesParameters.gcm(iv, TAG_BYTES));
            byte[] in = Arrays.copyOf(encryptedKey, encryptedKey.length + TAG_BYTES);
            System.arraycopy(tag, 0, in, encryptedKey.length, TAG_BYTES);
            return c.doFinal(in);
        } catch (CryptoException e) {
            throw new JweDecryptionException("JWE: " + algorithm.jwaName() + " could not unwrap the encrypted key (tag mismatch)");
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private static String requiredString(JsonObject header, String name) {
        String s = header.optString(name);
        if (s == null) {
            throw new MalformedJoseException("JWE header: AES-GCM key wrap needs the \"" + name + "\" member");
        }
        return s;
    }

    private static byte[] random(CryptoBackend backend) {
        byte[] iv = new byte[IV_BYTES];
        backend.secureRandom().nextBytes(iv);
        return iv;
    }
}
