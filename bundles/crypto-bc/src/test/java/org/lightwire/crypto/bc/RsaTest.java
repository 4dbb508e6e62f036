package org.lightwire.crypto.bc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Cipher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lightwire.api.crypto.BadInputException;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.DecryptionFailedException;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.RsaEncryption;
import org.lightwire.api.crypto.RsaSignatureScheme;

/** RSA on BC: round trips, interoperation with SunJCE/SunRsaSign, and decryption that gives nothing away. */
class RsaTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BcRsa RSA = new BcRsa(RANDOM);
    private static KeyElements key;
    private static java.security.KeyPair jdkPair;

    @BeforeAll
    static void keys() throws Exception {
        key = RSA.generate(2048);
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        jdkPair = g.generateKeyPair();
    }

    private static KeyElements fromJdk(RSAPrivateCrtKey k) {
        return KeyElements.rsa(k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(), k.getPrimeP(), k.getPrimeQ(),
                k.getPrimeExponentP(), k.getPrimeExponentQ(), k.getCrtCoefficient());
    }

    @Test
    void generatedKeyIsConsistentAndHasAllElements() {
        assertEquals(2048, key.bits());
        assertTrue(key.has(KeyElements.RSA_QI));
        assertEquals(BigInteger.valueOf(65537), key.bigInteger(KeyElements.RSA_E));
        RSA.check(key);
        assertThrows(BadParameterException.class, () -> RSA.generate(1024));
        assertThrows(BadParameterException.class, () -> RSA.generate(2049));
    }

    @Test
    void everySchemeRoundTrips() {
        for (RsaEncryption scheme : RsaEncryption.values()) {
            byte[] plain = "attack at dawn".getBytes();
            assertArrayEquals(plain, RSA.decrypt(scheme, key, RSA.encrypt(scheme, key.publicKey(), plain)), scheme.toString());
        }
    }

    @Test
    void decryptsWhatSunJceEncrypts() throws Exception {
        KeyElements jdkKey = fromJdk((RSAPrivateCrtKey) jdkPair.getPrivate());
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        c.init(Cipher.ENCRYPT_MODE, jdkPair.getPublic(), new javax.crypto.spec.OAEPParameterSpec("SHA-256", "MGF1",
                java.security.spec.MGF1ParameterSpec.SHA256, javax.crypto.spec.PSource.PSpecified.DEFAULT));
        assertArrayEquals("hi".getBytes(), RSA.decrypt(RsaEncryption.OAEP_SHA256, jdkKey, c.doFinal("hi".getBytes())));
        c = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        c.init(Cipher.ENCRYPT_MODE, jdkPair.getPublic());
        assertArrayEquals("v15".getBytes(), RSA.decrypt(RsaEncryption.PKCS1_V1_5, jdkKey, c.doFinal("v15".getBytes())));
    }

    @Test
    void everyDecryptionFailureLooksTheSame() {
        byte[] good = RSA.encrypt(RsaEncryption.PKCS1_V1_5, key, new byte[16]);
        byte[] flipped = good.clone();
        flipped[100] ^= 1;
        byte[] aboveModulus = new byte[256];
        java.util.Arrays.fill(aboveModulus, (byte) 0xff);
        KeyElements other = fromJdk((RSAPrivateCrtKey) jdkPair.getPrivate());
        List<DecryptionFailedException> failures = new ArrayList<>();
        for (byte[] bad : new byte[][] {flipped, aboveModulus, new byte[255], new byte[257], new byte[0], new byte[256]}) {
            failures.add(assertThrows(DecryptionFailedException.class, () -> RSA.decrypt(RsaEncryption.PKCS1_V1_5, key, bad)));
        }
        failures.add(assertThrows(DecryptionFailedException.class, () -> RSA.decrypt(RsaEncryption.PKCS1_V1_5, other, good)));
        failures.add(assertThrows(DecryptionFailedException.class, () -> RSA.decrypt(RsaEncryption.OAEP_SHA1, key, good)));
        for (DecryptionFailedException e : failures) {
            assertEquals(DecryptionFailedException.MESSAGE, e.getMessage());
            assertNull(e.getCause());
            assertEquals(0, e.getStackTrace().length);
        }
    }

    @Test
    void implicitRejectionIsDeterministicAndReturnsTheRealMessageWhenValid() {
        byte[] secret = new byte[48];
        RANDOM.nextBytes(secret);
        byte[] good = RSA.encrypt(RsaEncryption.PKCS1_V1_5, key, secret);
        assertArrayEquals(secret, RSA.decryptImplicitRejection(key, good, 48));
        byte[] bad = good.clone();
        bad[10] ^= 0x40;
        byte[] synthetic = RSA.decryptImplicitRejection(key, bad, 48);
        assertEquals(48, synthetic.length);
        assertArrayEquals(synthetic, RSA.decryptImplicitRejection(key, bad, 48), "same ciphertext, same answer");
        assertNotEquals(new BigInteger(1, synthetic), new BigInteger(1, RSA.decryptImplicitRejection(key, new byte[256], 48)));
        // a well-formed message of another length is rejected too
        byte[] wrongLength = RSA.encrypt(RsaEncryption.PKCS1_V1_5, key, new byte[47]);
        assertEquals(48, RSA.decryptImplicitRejection(key, wrongLength, 48).length);
        assertThrows(BadParameterException.class, () -> RSA.decryptImplicitRejection(key, good, 0));
        assertThrows(BadParameterException.class, () -> RSA.decryptImplicitRejection(key, good, 246));
    }

    @Test
    void signaturesVerifyAndInteroperateWithSunRsaSign() throws Exception {
        byte[] msg = "message".getBytes();
        for (HashAlgorithm h : HashAlgorithm.values()) {
            for (RsaSignatureScheme s : RsaSignatureScheme.values()) {
                byte[] sig = RSA.sign(s, h, key, msg);
                assertTrue(RSA.verify(s, h, key.publicKey(), msg, sig), s + " " + h);
                assertFalse(RSA.verify(s, h, key.publicKey(), "massage".getBytes(), sig), s + " " + h + " other message");
                byte[] tampered = sig.clone();
                tampered[5] ^= 1;
                assertFalse(RSA.verify(s, h, key.publicKey(), msg, tampered));
                assertFalse(RSA.verify(s, h, key.publicKey(), msg, java.util.Arrays.copyOf(sig, 255)));
                assertFalse(RSA.verify(s, h, key.publicKey(), msg, new byte[0]));
            }
        }
        KeyElements jdkKey = fromJdk((RSAPrivateCrtKey) jdkPair.getPrivate());
        java.security.Signature jdk = java.security.Signature.getInstance("SHA256withRSA");
        jdk.initSign(jdkPair.getPrivate());
        jdk.update(msg);
        assertTrue(RSA.verify(RsaSignatureScheme.PKCS1_V1_5, HashAlgorithm.SHA_256, jdkKey.publicKey(), msg, jdk.sign()));
        byte[] ours = RSA.sign(RsaSignatureScheme.PKCS1_V1_5, HashAlgorithm.SHA_256, jdkKey, msg);
        jdk.initVerify(jdkPair.getPublic());
        jdk.update(msg);
        assertTrue(jdk.verify(ours));
    }

    @Test
    void unusableKeysAreBadKeys() {
        byte[] n = key.element(KeyElements.RSA_N);
        assertThrows(BadKeyException.class, () -> RSA.encrypt(RsaEncryption.OAEP_SHA1, KeyElements.rsaPublic(n, new byte[] {2}), new byte[1]));
        assertThrows(BadKeyException.class, () -> RSA.encrypt(RsaEncryption.OAEP_SHA1, KeyElements.rsaPublic(new byte[64], new byte[] {3}),
                new byte[1]));
        byte[] even = n.clone();
        even[even.length - 1] &= (byte) 0xfe;
        assertThrows(BadKeyException.class, () -> RSA.encrypt(RsaEncryption.OAEP_SHA1, KeyElements.rsaPublic(even, new byte[] {1, 0, 1}),
                new byte[1]));
        assertThrows(BadKeyException.class, () -> RSA.sign(RsaSignatureScheme.PSS, HashAlgorithm.SHA_256, key.publicKey(), new byte[1]));
        KeyElements mixed = KeyElements.rsa(key.element(KeyElements.RSA_N), key.element(KeyElements.RSA_E),
                key.element(KeyElements.RSA_D), key.element(KeyElements.RSA_Q), key.element(KeyElements.RSA_P),
                key.element(KeyElements.RSA_DP), key.element(KeyElements.RSA_DQ), key.element(KeyElements.RSA_QI));
        assertThrows(BadKeyException.class, () -> RSA.check(mixed));
    }

    @Test
    void plaintextTooLongForTheKeyIsBadInput() {
        assertThrows(BadInputException.class, () -> RSA.encrypt(RsaEncryption.PKCS1_V1_5, key, new byte[246]));
        assertThrows(BadInputException.class, () -> RSA.encrypt(RsaEncryption.OAEP_SHA256, key, new byte[191]));
    }
}
