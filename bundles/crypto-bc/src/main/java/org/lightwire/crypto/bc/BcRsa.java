package org.lightwire.crypto.bc;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.encodings.OAEPEncoding;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.lightwire.api.crypto.BadInputException;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.DecryptionFailedException;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.Rsa;
import org.lightwire.api.crypto.RsaEncryption;
import org.lightwire.api.crypto.RsaSignatureScheme;

/**
 * {@link Rsa} on BC's blinded RSA engine with its PKCS#1 v1.5, OAEP and PSS encodings
 * (lws {@code lws_genrsa_*} on mbedTLS). Private operations always blind; with CRT
 * elements BC also checks the CRT result against the public key, so a fault cannot leak a
 * factor.
 */
final class BcRsa implements Rsa {

    private static final BigInteger F4 = BigInteger.valueOf(65537);
    private static final byte[] REJECTION_LABEL = "lightwire rsa implicit rejection".getBytes(StandardCharsets.US_ASCII);

    private final SecureRandom random;

    BcRsa(SecureRandom random) {
        this.random = random;
    }

    @Override
    public KeyElements generate(int bits) {
        if (bits % 8 != 0 || bits < MIN_GENERATE_BITS || bits > MAX_BITS) {
            throw new BadParameterException("RSA: key size must be a multiple of 8 in " + MIN_GENERATE_BITS + ".." + MAX_BITS
                    + " bits, got " + bits);
        }
        RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
        // certainty 128: BC picks at least the FIPS 186-4 C.3 Miller-Rabin rounds for the size anyway
        generator.init(new RSAKeyGenerationParameters(F4, random, bits, 128));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return RsaKeys.elements((RSAPrivateCrtKeyParameters) pair.getPrivate());
    }

    @Override
    public void check(KeyElements key) {
        if (!key.isPrivate()) {
            RsaKeys.publicParameters(key);
            return;
        }
        RSAKeyParameters params = RsaKeys.privateParameters(key);
        if (!(params instanceof RSAPrivateCrtKeyParameters crt)) {
            return;
        }
        BigInteger p = crt.getP();
        BigInteger q = crt.getQ();
        BigInteger d = crt.getExponent();
        BigInteger one = BigInteger.ONE;
        if (!p.multiply(q).equals(crt.getModulus())) {
            throw new BadKeyException("RSA: N is not P times Q");
        }
        if (!crt.getDP().equals(d.mod(p.subtract(one))) || !crt.getDQ().equals(d.mod(q.subtract(one)))) {
            throw new BadKeyException("RSA: DP or DQ does not match D");
        }
        if (!crt.getQInv().multiply(q).mod(p).equals(one)) {
            throw new BadKeyException("RSA: QI is not the inverse of Q mod P");
        }
        BigInteger lambda = lcm(p.subtract(one), q.subtract(one));
        if (!crt.getPublicExponent().multiply(d).mod(lambda).equals(one)) {
            throw new BadKeyException("RSA: D is not the inverse of E");
        }
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        return a.divide(a.gcd(b)).multiply(b);
    }

    @Override
    public byte[] encrypt(RsaEncryption scheme, KeyElements publicKey, byte[] plaintext) {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(plaintext, "plaintext");
        RSAKeyParameters key = RsaKeys.publicParameters(publicKey);
        AsymmetricBlockCipher cipher = encoding(scheme);
        cipher.init(true, new ParametersWithRandom(key, random));
        if (plaintext.length > cipher.getInputBlockSize()) {
            throw new BadInputException("RSA " + scheme + ": a " + RsaKeys.modulusBytes(key) * 8 + "-bit key takes at most "
                    + cipher.getInputBlockSize() + " bytes of plaintext, got " + plaintext.length);
        }
        try {
            return cipher.processBlock(plaintext, 0, plaintext.length);
        } catch (org.bouncycastle.crypto.InvalidCipherTextException | DataLengthException e) {
            throw new BadInputException("RSA " + scheme + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] decrypt(RsaEncryption scheme, KeyElements privateKey, byte[] ciphertext) {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(ciphertext, "ciphertext");
        RSAKeyParameters key = RsaKeys.privateParameters(privateKey);
        AsymmetricBlockCipher cipher = encoding(scheme);
        cipher.init(false, new ParametersWithRandom(key, random));
        int k = RsaKeys.modulusBytes(key);
        // a wrong length still costs one private-key operation (on a fixed block), so the
        // failure takes as long as a padding failure does
        boolean lengthOk = ciphertext.length == k;
        byte[] input = lengthOk ? ciphertext : new byte[k];
        byte[] plain;
        try {
            plain = cipher.processBlock(input, 0, input.length);
        } catch (org.bouncycastle.crypto.InvalidCipherTextException | RuntimeException e) {
            // one type, one message, no cause: nothing says which check failed
            throw new DecryptionFailedException();
        }
        if (!lengthOk) {
            Arrays.fill(plain, (byte) 0);
            throw new DecryptionFailedException();
        }
        return plain;
    }

    /**
     * Implicit rejection (the IETF "implicit rejection" draft for PKCS#1 v1.5, simplified to
     * a fixed length, exactly as the JDK backend does so both give the same answer): a key
     * derivation key KDK = HMAC-SHA-256 keyed with SHA-256(D) over the ciphertext, and the
     * synthetic message HMAC-SHA-256(KDK, 2-byte counter || "lightwire rsa implicit
     * rejection") blocks. The real message is picked over the synthetic one with masks, not
     * branches on the padding.
     */
    @Override
    public byte[] decryptImplicitRejection(KeyElements privateKey, byte[] ciphertext, int expectedLength) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        RSAKeyParameters key = RsaKeys.privateParameters(privateKey);
        int k = RsaKeys.modulusBytes(key);
        if (expectedLength < 1 || expectedLength > k - 11) {
            throw new BadParameterException("RSA PKCS1_V1_5: expected length must be 1.." + (k - 11) + " for this key, got "
                    + expectedLength);
        }
        byte[] synthetic = syntheticMessage(privateKey, ciphertext, expectedLength);
        if (ciphertext.length != k || new BigInteger(1, ciphertext).compareTo(key.getModulus()) >= 0) {
            // wrong length or not below the modulus: visible to anyone from the ciphertext alone
            return synthetic;
        }
        byte[] em = new byte[k];
        RSABlindedEngine engine = new RSABlindedEngine();
        engine.init(false, new ParametersWithRandom(key, random));
        byte[] raw = engine.processBlock(ciphertext, 0, k);
        System.arraycopy(raw, 0, em, k - raw.length, raw.length);
        Arrays.fill(raw, (byte) 0);
        // EM = 0x00 || 0x02 || PS (>= 8 non-zero bytes) || 0x00 || M, |M| == expectedLength
        int separator = k - expectedLength - 1;
        int good = isZero(em[0] & 0xff) & isZero((em[1] & 0xff) ^ 2);
        for (int i = 2; i < separator; i++) {
            good &= ~isZero(em[i] & 0xff);
        }
        good &= isZero(em[separator] & 0xff);
        byte[] out = new byte[expectedLength];
        for (int i = 0; i < expectedLength; i++) {
            out[i] = (byte) ((em[separator + 1 + i] & good) | (synthetic[i] & ~good));
        }
        Arrays.fill(em, (byte) 0);
        Arrays.fill(synthetic, (byte) 0);
        return out;
    }

    /** -1 if {@code v} is zero, else 0, without a branch. */
    private static int isZero(int v) {
        return ((v | -v) >>> 31) - 1;
    }

    private static byte[] syntheticMessage(KeyElements privateKey, byte[] ciphertext, int length) {
        byte[] d = privateKey.element(KeyElements.RSA_D);
        byte[] h = new byte[32];
        SHA256Digest sha = new SHA256Digest();
        sha.update(d, 0, d.length);
        sha.doFinal(h, 0);
        Arrays.fill(d, (byte) 0);
        HMac hmac = new HMac(new SHA256Digest());
        hmac.init(new KeyParameter(h));
        Arrays.fill(h, (byte) 0);
        byte[] kdk = new byte[32];
        hmac.update(ciphertext, 0, ciphertext.length);
        hmac.doFinal(kdk, 0);

        hmac.init(new KeyParameter(kdk));
        Arrays.fill(kdk, (byte) 0);
        byte[] out = new byte[length];
        byte[] block = new byte[32];
        for (int counter = 0, at = 0; at < length; counter++, at += 32) {
            hmac.update((byte) (counter >>> 8));
            hmac.update((byte) counter);
            hmac.update(REJECTION_LABEL, 0, REJECTION_LABEL.length);
            hmac.doFinal(block, 0);
            System.arraycopy(block, 0, out, at, Math.min(32, length - at));
        }
        Arrays.fill(block, (byte) 0);
        return out;
    }

    @Override
    public byte[] sign(RsaSignatureScheme scheme, HashAlgorithm hash, KeyElements privateKey, byte[] message) {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(message, "message");
        RSAKeyParameters key = RsaKeys.privateParameters(privateKey);
        Signer signer = signer(scheme, hash);
        signer.init(true, new ParametersWithRandom(key, random));
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException | DataLengthException e) {
            // PSS with SHA-512 needs a modulus of at least 2*64+2 bytes: a 1024-bit key is too small
            throw new BadKeyException("RSA " + scheme + " with " + hash.standardName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean verify(RsaSignatureScheme scheme, HashAlgorithm hash, KeyElements publicKey, byte[] message, byte[] signature) {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(signature, "signature");
        RSAKeyParameters key = RsaKeys.publicParameters(publicKey);
        if (signature.length != RsaKeys.modulusBytes(key)) {
            return false;
        }
        Signer verifier = signer(scheme, hash);
        verifier.init(false, key);
        verifier.update(message, 0, message.length);
        try {
            return verifier.verifySignature(signature);
        } catch (RuntimeException e) {
            // a signature value not below N and similar malformations: just not valid
            return false;
        }
    }

    private static AsymmetricBlockCipher encoding(RsaEncryption scheme) {
        switch (scheme) {
            case PKCS1_V1_5:
                return new PKCS1Encoding(new RSABlindedEngine());
            case OAEP_SHA1:
                return new OAEPEncoding(new RSABlindedEngine(), new SHA1Digest(), new SHA1Digest(), null);
            case OAEP_SHA256:
                return new OAEPEncoding(new RSABlindedEngine(), new SHA256Digest(), new SHA256Digest(), null);
            default:
                throw new BadParameterException("RSA: unsupported encryption scheme " + scheme);
        }
    }

    private static Signer signer(RsaSignatureScheme scheme, HashAlgorithm hash) {
        switch (scheme) {
            case PKCS1_V1_5:
                return new RSADigestSigner(Digests.create(hash));
            case PSS:
                // RFC 7518 PS256..PS512 and TLS 1.3: MGF1 on the same hash, salt as long as the hash
                return new PSSSigner(new RSABlindedEngine(), Digests.create(hash), Digests.create(hash),
                        hash.digestLength(), PSSSigner.TRAILER_IMPLICIT);
            default:
                throw new BadParameterException("RSA: unsupported signature scheme " + scheme);
        }
    }
}
