package org.lightwire.crypto.jca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.lightwire.api.crypto.BadInputException;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.CryptoException;
import org.lightwire.api.crypto.DecryptionFailedException;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.KeyType;
import org.lightwire.api.crypto.Rsa;
import org.lightwire.api.crypto.RsaEncryption;
import org.lightwire.api.crypto.RsaSignatureScheme;
import org.lightwire.crypto.jca.ossl.NativeKey;
import org.lightwire.crypto.jca.ossl.OpenSsl;

/**
 * RSA on SunRsaSign (keys, signatures) and SunJCE (encryption), or on OpenSSL where
 * {@link OpenSsl#available()} (private-key operations need the CRT elements; key generation
 * stays on the JDK). PKCS#1 v1.5 decryption is
 * done here on raw RSA, with the padding checked by masks rather than branches, so every
 * ciphertext of the right length takes the same path (no Bleichenbacher oracle in the code
 * we own; SunJCE's raw RSA is blinded).
 */
final class JcaRsa implements Rsa {

    private final SecureRandom random;

    JcaRsa(SecureRandom random) {
        this.random = random;
    }

    @Override
    public KeyElements generate(int bits) {
        if (bits < MIN_GENERATE_BITS || bits > MAX_BITS || bits % 8 != 0) {
            throw new BadParameterException("RSA: key size must be a multiple of 8 in " + MIN_GENERATE_BITS + ".." + MAX_BITS
                    + " bits, got " + bits);
        }
        KeyPairGenerator g = Jdk.keyPairGenerator("RSA", Jdk.SUN_RSA_SIGN);
        try {
            g.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), random);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("RSA: " + e.getMessage(), e);
        }
        KeyPair kp = g.generateKeyPair();
        KeyElements key = JdkKeys.fromRsa((RSAPublicKey) kp.getPublic(), (RSAPrivateKey) kp.getPrivate());
        // the JDK made these from the very numbers in key: its first use needs no conversion
        JdkKeyCache.seed(key, kp.getPublic(), kp.getPrivate());
        return key;
    }

    @Override
    public void check(KeyElements key) {
        JdkKeys.requireType(key, KeyType.RSA, "RSA");
        BigInteger n = key.bigInteger(KeyElements.RSA_N);
        BigInteger e = key.bigInteger(KeyElements.RSA_E);
        JdkKeys.checkRsa(n, e);
        if (!key.isPrivate()) {
            return;
        }
        BigInteger d = key.bigInteger(KeyElements.RSA_D);
        if (key.has(KeyElements.RSA_P)) {
            BigInteger p = key.bigInteger(KeyElements.RSA_P);
            BigInteger q = key.bigInteger(KeyElements.RSA_Q);
            BigInteger one = BigInteger.ONE;
            if (!p.multiply(q).equals(n)) {
                throw new BadKeyException("RSA: P·Q is not N");
            }
            if (!key.bigInteger(KeyElements.RSA_DP).equals(d.mod(p.subtract(one)))
                    || !key.bigInteger(KeyElements.RSA_DQ).equals(d.mod(q.subtract(one)))
                    || !key.bigInteger(KeyElements.RSA_QI).multiply(q).mod(p).equals(one)) {
                throw new BadKeyException("RSA: CRT elements DP, DQ, QI are inconsistent with D, P, Q");
            }
            if (!e.multiply(d).mod(p.subtract(one)).equals(one) || !e.multiply(d).mod(q.subtract(one)).equals(one)) {
                throw new BadKeyException("RSA: D is not the inverse of E");
            }
        } else {
            BigInteger m = BigInteger.TWO;
            if (!m.modPow(e, n).modPow(d, n).equals(m)) {
                throw new BadKeyException("RSA: D does not invert E for this modulus");
            }
        }
    }

    @Override
    public byte[] encrypt(RsaEncryption scheme, KeyElements publicKey, byte[] plaintext) {
        RSAPublicKey key = JdkKeys.rsaPublic(publicKey);
        int k = modulusBytes(key.getModulus());
        int max = scheme == RsaEncryption.PKCS1_V1_5 ? k - 11 : k - 2 * oaepHash(scheme).digestLength() - 2;
        if (plaintext.length > max) {
            throw new BadInputException("RSA " + scheme + ": message of " + plaintext.length + " bytes is too long for a "
                    + key.getModulus().bitLength() + "-bit key (at most " + Math.max(0, max) + ")");
        }
        NativeKey nk = NativeKeys.rsaPublic(publicKey);
        if (nk != null) {
            return OpenSsl.rsaEncrypt(nk, scheme == RsaEncryption.PKCS1_V1_5 ? null : oaepHash(scheme), plaintext);
        }
        try {
            Cipher c = cipherFor(scheme);
            if (scheme == RsaEncryption.PKCS1_V1_5) {
                c.init(Cipher.ENCRYPT_MODE, key, random);
            } else {
                c.init(Cipher.ENCRYPT_MODE, key, oaepSpec(scheme), random);
            }
            return c.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("RSA " + scheme + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] decrypt(RsaEncryption scheme, KeyElements privateKey, byte[] ciphertext) {
        RSAPrivateKey key = JdkKeys.rsaPrivate(privateKey);
        int k = modulusBytes(key.getModulus());
        if (scheme == RsaEncryption.PKCS1_V1_5) {
            byte[] em = rawDecrypt(privateKey, key, ciphertext, k);
            if (em == null) {
                throw new DecryptionFailedException();
            }
            try {
                int index = pkcs1MessageIndex(em);
                if (index < 0) {
                    throw new DecryptionFailedException();
                }
                return Arrays.copyOfRange(em, index, k);
            } finally {
                Arrays.fill(em, (byte) 0);
            }
        }
        if (ciphertext.length != k) {
            // RFC 8017 7.1.2 step 1b; SunJCE would take a ciphertext missing its leading zeros
            throw new DecryptionFailedException();
        }
        NativeKey nk = NativeKeys.rsaPrivate(privateKey);
        if (nk != null) {
            // OpenSSL's OAEP decoding is constant-time and fails one way, like SunJCE's
            byte[] m = OpenSsl.rsaDecryptOaep(nk, oaepHash(scheme), ciphertext);
            if (m == null) {
                throw new DecryptionFailedException();
            }
            return m;
        }
        try {
            // SunJCE's OAEP decoding reports every failure as one BadPaddingException
            Cipher c = cipherFor(scheme);
            c.init(Cipher.DECRYPT_MODE, key, oaepSpec(scheme), random);
            return c.doFinal(ciphertext);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new DecryptionFailedException();
        }
    }

    @Override
    public byte[] decryptImplicitRejection(KeyElements privateKey, byte[] ciphertext, int expectedLength) {
        RSAPrivateKey key = JdkKeys.rsaPrivate(privateKey);
        int k = modulusBytes(key.getModulus());
        if (expectedLength < 1 || expectedLength > k - 11) {
            throw new BadParameterException("RSA PKCS1_V1_5: expected length must be 1.." + (k - 11) + " for this key, got "
                    + expectedLength);
        }
        byte[] synthetic = syntheticMessage(privateKey, ciphertext, expectedLength);
        byte[] em = rawDecrypt(privateKey, key, ciphertext, k);
        if (em == null) {
            // wrong length or not below the modulus: visible to anyone from the ciphertext alone
            return synthetic;
        }
        int index = pkcs1MessageIndex(em);
        // good = (index == k - expectedLength), as a mask, without branching on it
        int diff = index ^ (k - expectedLength);
        int good = ((diff | -diff) >> 31) ^ -1;
        byte[] out = new byte[expectedLength];
        for (int i = 0; i < expectedLength; i++) {
            out[i] = (byte) ((em[k - expectedLength + i] & good) | (synthetic[i] & ~good));
        }
        Arrays.fill(em, (byte) 0);
        Arrays.fill(synthetic, (byte) 0);
        return out;
    }

    /**
     * The message start in a PKCS#1 v1.5 encryption block 00 02 PS 00 M (RFC 8017 section
     * 7.2.2), PS at least 8 non-zero bytes; -1 if malformed. Every byte is looked at and
     * the result is assembled with masks, so timing does not depend on where it fails.
     */
    static int pkcs1MessageIndex(byte[] em) {
        int good = isZero(em[0] & 0xff) & isZero((em[1] & 0xff) ^ 2);
        int zeroIndex = 0;
        int looking = -1;
        for (int i = 2; i < em.length; i++) {
            int zero = isZero(em[i] & 0xff);
            zeroIndex |= i & looking & zero;
            looking &= ~zero;
        }
        good &= ~looking;
        // PS is em[2..zeroIndex), at least 8 bytes: zeroIndex >= 10
        good &= ~((zeroIndex - 10) >> 31);
        return (good & (zeroIndex + 1)) | (~good & -1);
    }

    /** -1 if {@code v} (0..255) is zero, else 0. */
    private static int isZero(int v) {
        return (v - 1) >> 31;
    }

    /** Raw RSA m = c^d mod n as k bytes; null if the ciphertext has the wrong length or is not below n. */
    private byte[] rawDecrypt(KeyElements elements, RSAPrivateKey key, byte[] ciphertext, int k) {
        if (ciphertext.length != k || new BigInteger(1, ciphertext).compareTo(key.getModulus()) >= 0) {
            return null;
        }
        NativeKey nk = NativeKeys.rsaPrivate(elements);
        if (nk != null) {
            byte[] m = OpenSsl.rsaDecryptRaw(nk, ciphertext);
            return m != null && m.length == k ? m : null;
        }
        try {
            Cipher c = Jdk.threadCipher("RSA/ECB/NoPadding", Jdk.SUN_JCE);
            c.init(Cipher.DECRYPT_MODE, key, random);
            byte[] m = c.doFinal(ciphertext);
            if (m.length == k) {
                return m;
            }
            byte[] em = new byte[k];
            System.arraycopy(m, 0, em, k - m.length, m.length);
            Arrays.fill(m, (byte) 0);
            return em;
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /**
     * The implicit-rejection message: HMAC-SHA-256 keyed with a hash of the private
     * exponent over the ciphertext, expanded to {@code length} bytes (the construction of
     * the IETF "implicit rejection" draft for PKCS#1 v1.5, simplified to a fixed length).
     * Deterministic, so repeating a ciphertext reveals nothing.
     */
    private static byte[] syntheticMessage(KeyElements key, byte[] ciphertext, int length) {
        byte[] d = key.element(KeyElements.RSA_D);
        try {
            Mac kdk = Jdk.mac("HmacSHA256");
            kdk.init(new SecretKeySpec(Jdk.messageDigest("SHA-256").digest(d), "HmacSHA256"));
            byte[] derivationKey = kdk.doFinal(ciphertext);
            Mac prf = Jdk.mac("HmacSHA256");
            prf.init(new SecretKeySpec(derivationKey, "HmacSHA256"));
            Arrays.fill(derivationKey, (byte) 0);
            byte[] out = new byte[length];
            byte[] label = "lightwire rsa implicit rejection".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int counter = 0, at = 0; at < length; counter++) {
                prf.update(new byte[] {(byte) (counter >>> 8), (byte) counter});
                prf.update(label);
                byte[] block = prf.doFinal();
                int n = Math.min(block.length, length - at);
                System.arraycopy(block, 0, out, at, n);
                at += n;
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new CryptoException("RSA implicit rejection: " + e.getMessage(), e);
        } finally {
            Arrays.fill(d, (byte) 0);
        }
    }

    @Override
    public byte[] sign(RsaSignatureScheme scheme, HashAlgorithm hash, KeyElements privateKey, byte[] message) {
        RSAPrivateKey key = JdkKeys.rsaPrivate(privateKey);
        NativeKey nk = NativeKeys.rsaPrivate(privateKey);
        if (nk != null) {
            // hashed here on the JDK's intrinsics, signed by OpenSSL (blinded, CRT result verified)
            return OpenSsl.rsaSign(nk, scheme, hash, Jdk.messageDigest(hash.standardName()).digest(message));
        }
        try {
            Signature s = signature(scheme, hash);
            s.initSign(key, random);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new BadKeyException("RSA " + scheme + " with " + hash.standardName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean verify(RsaSignatureScheme scheme, HashAlgorithm hash, KeyElements publicKey, byte[] message,
            byte[] signature) {
        RSAPublicKey key = JdkKeys.rsaPublic(publicKey);
        if (signature == null || signature.length != modulusBytes(key.getModulus())) {
            return false;
        }
        NativeKey nk = NativeKeys.rsaPublic(publicKey);
        if (nk != null) {
            return OpenSsl.rsaVerify(nk, scheme, hash, Jdk.messageDigest(hash.standardName()).digest(message), signature);
        }
        try {
            Signature s = signature(scheme, hash);
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new BadKeyException("RSA " + scheme + " with " + hash.standardName() + ": " + e.getMessage(), e);
        }
    }

    private static Signature signature(RsaSignatureScheme scheme, HashAlgorithm hash) throws GeneralSecurityException {
        String h = hash.standardName().replace("-", "");
        if (scheme == RsaSignatureScheme.PKCS1_V1_5) {
            return Jdk.threadSignature(h + "withRSA", Jdk.SUN_RSA_SIGN);
        }
        Signature s = Jdk.signature("RSASSA-PSS", Jdk.SUN_RSA_SIGN);
        s.setParameter(new PSSParameterSpec(hash.standardName(), "MGF1", new MGF1ParameterSpec(hash.standardName()),
                hash.digestLength(), PSSParameterSpec.TRAILER_FIELD_BC));
        return s;
    }

    private static Cipher cipherFor(RsaEncryption scheme) {
        return Jdk.threadCipher(scheme == RsaEncryption.PKCS1_V1_5 ? "RSA/ECB/PKCS1Padding" : "RSA/ECB/OAEPPadding", Jdk.SUN_JCE);
    }

    private static HashAlgorithm oaepHash(RsaEncryption scheme) {
        return scheme == RsaEncryption.OAEP_SHA1 ? HashAlgorithm.SHA_1 : HashAlgorithm.SHA_256;
    }

    private static OAEPParameterSpec oaepSpec(RsaEncryption scheme) {
        String h = oaepHash(scheme).standardName();
        return new OAEPParameterSpec(h, "MGF1", new MGF1ParameterSpec(h), PSource.PSpecified.DEFAULT);
    }

    private static int modulusBytes(BigInteger n) {
        return (n.bitLength() + 7) / 8;
    }
}
