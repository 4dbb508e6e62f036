package org.lightwire.jose;

import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.CryptoException;
import org.lightwire.api.crypto.EcdsaFormat;
import org.lightwire.api.crypto.Hmac;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.RsaSignatureScheme;

/**
 * The signature primitives of each JWS family on the crypto SPI (RFC 7518 section 3). Keys
 * are assumed to fit the algorithm (the policy checked); key problems found by the backend
 * become {@link JoseKeyException}s.
 */
final class JwsCrypto {

    private JwsCrypto() {
    }

    static byte[] sign(CryptoBackend backend, JwsAlgorithm alg, KeyElements key, byte[] input) {
        try {
            return switch (alg.family()) {
                case HMAC -> {
                    Hmac mac = backend.hmac(alg.hash(), key.element(KeyElements.OCT_K));
                    mac.update(input);
                    yield mac.mac();
                }
                case RSA_PKCS1 -> backend.rsa().sign(RsaSignatureScheme.PKCS1_V1_5, alg.hash(), key, input);
                case RSA_PSS -> backend.rsa().sign(RsaSignatureScheme.PSS, alg.hash(), key, input);
                case ECDSA -> backend.ec().sign(alg.hash(), key, input, EcdsaFormat.CONCATENATED);
                case EDDSA -> backend.ed25519().sign(key, input);
                case NONE -> new byte[0];
            };
        } catch (BadKeyException e) {
            throw new JoseKeyException(alg.jwaName() + " signing: " + e.getMessage(), e);
        } catch (CryptoException e) {
            throw new JoseException(alg.jwaName() + " signing failed: " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code signature} is the full-length signature of {@code input}. A truncated
     * MAC is never accepted (the SPI's HMAC would accept RFC 2104 truncation; JWS does not).
     */
    static boolean verify(CryptoBackend backend, JwsAlgorithm alg, KeyElements key, byte[] input, byte[] signature) {
        int fixed = alg.fixedSignatureLength();
        if (fixed != 0 && signature.length != fixed) {
            return false;
        }
        try {
            return switch (alg.family()) {
                case HMAC -> {
                    byte[] k = key.element(KeyElements.OCT_K);
                    Hmac mac = backend.hmac(alg.hash(), k);
                    java.util.Arrays.fill(k, (byte) 0);
                    mac.update(input);
                    yield mac.verify(signature);
                }
                case RSA_PKCS1 -> signature.length == (key.bits() + 7) / 8
                        && backend.rsa().verify(RsaSignatureScheme.PKCS1_V1_5, alg.hash(), key, input, signature);
                case RSA_PSS -> signature.length == (key.bits() + 7) / 8
                        && backend.rsa().verify(RsaSignatureScheme.PSS, alg.hash(), key, input, signature);
                case ECDSA -> backend.ec().verify(alg.hash(), key, input, signature, EcdsaFormat.CONCATENATED);
                case EDDSA -> backend.ed25519().verify(key, input, signature);
                case NONE -> signature.length == 0;
            };
        } catch (BadKeyException e) {
            throw new JoseKeyException(alg.jwaName() + " verification: " + e.getMessage(), e);
        } catch (CryptoException e) {
            throw new JoseException(alg.jwaName() + " verification failed: " + e.getMessage(), e);
        }
    }
}
