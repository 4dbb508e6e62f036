package org.lightwire.crypto.jca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.DecryptionFailedException;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.EcdsaFormat;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.InvalidPointException;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.RsaEncryption;
import org.lightwire.api.crypto.RsaSignatureScheme;

/**
 * The per-instance cache of converted JDK keys ({@link JdkKeyCache}) and the per-thread JCA
 * engines: a key is only ever handed to the caller that passed the very same
 * {@link KeyElements}, destroy() drops it, a bad key is refused every time, and a reused
 * engine carries nothing over from a failed use.
 */
class JdkKeyCacheTest {

    private static final byte[] MESSAGE = "cache me if you can".getBytes(StandardCharsets.US_ASCII);

    private final SecureRandom random = new SecureRandom();
    private final JcaRsa rsa = new JcaRsa(random);
    private final JcaEc ec = new JcaEc(random);

    @Test
    void destroyDropsTheCachedRsaKeyAndRefusesFurtherUse() {
        KeyElements key = rsa.generate(2048);
        byte[] sig = rsa.sign(RsaSignatureScheme.PKCS1_V1_5, HashAlgorithm.SHA_256, key, MESSAGE);
        assertTrue(JdkKeyCache.contains(key));
        key.destroy();
        assertThrows(BadKeyException.class, () -> rsa.sign(RsaSignatureScheme.PKCS1_V1_5, HashAlgorithm.SHA_256, key, MESSAGE));
        assertThrows(BadKeyException.class, () -> rsa.verify(RsaSignatureScheme.PKCS1_V1_5, HashAlgorithm.SHA_256, key, MESSAGE, sig));
        assertThrows(BadKeyException.class, () -> JdkKeys.rsaPrivate(key));
        assertFalse(JdkKeyCache.contains(key), "a destroyed key's JDK key must be dropped");
    }

    @Test
    void destroyDropsTheCachedEcKey() {
        KeyElements key = ec.generate(EcCurve.P_256);
        KeyElements peer = ec.generate(EcCurve.P_256);
        ec.agree(key, peer);
        assertTrue(JdkKeyCache.contains(key));
        key.destroy();
        assertThrows(BadKeyException.class, () -> ec.agree(key, peer));
        assertThrows(BadKeyException.class, () -> ec.sign(HashAlgorithm.SHA_256, key, MESSAGE, EcdsaFormat.CONCATENATED));
        assertFalse(JdkKeyCache.contains(key));
    }

    @Test
    void sweepingRemovesDestroyedKeysNobodyLooksUpAgain() {
        List<KeyElements> keys = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            KeyElements k = ec.generate(EcCurve.P_256);
            JdkKeys.ecPrivate(k);
            keys.add(k);
        }
        keys.forEach(k -> assertTrue(JdkKeyCache.contains(k)));
        keys.get(0).destroy();
        keys.get(2).destroy();
        JdkKeyCache.sweepDestroyed();
        assertFalse(JdkKeyCache.contains(keys.get(0)));
        assertTrue(JdkKeyCache.contains(keys.get(1)));
        assertFalse(JdkKeyCache.contains(keys.get(2)));
        assertTrue(JdkKeyCache.contains(keys.get(3)));
    }

    @Test
    void equalContentsInAnotherInstanceGetTheirOwnEntry() {
        KeyElements a = rsa.generate(2048);
        KeyElements copy = KeyElements.rsa(a.bigInteger(KeyElements.RSA_N), a.bigInteger(KeyElements.RSA_E),
                a.bigInteger(KeyElements.RSA_D), a.bigInteger(KeyElements.RSA_P), a.bigInteger(KeyElements.RSA_Q),
                a.bigInteger(KeyElements.RSA_DP), a.bigInteger(KeyElements.RSA_DQ), a.bigInteger(KeyElements.RSA_QI));
        RSAPrivateKey fromA = JdkKeys.rsaPrivate(a);
        RSAPrivateKey fromCopy = JdkKeys.rsaPrivate(copy);
        assertSame(fromA, JdkKeys.rsaPrivate(a), "the same instance converts once");
        assertNotSame(fromA, fromCopy, "another instance never gets the first one's JDK key");
        // destroying the copy leaves the original usable
        copy.destroy();
        assertSame(fromA, JdkKeys.rsaPrivate(a));
        assertThrows(BadKeyException.class, () -> JdkKeys.rsaPrivate(copy));
    }

    @Test
    void eachKeyGetsItsOwnJdkKeyUnderConcurrentUse() throws Exception {
        int n = 4;
        List<KeyElements> rsaKeys = new ArrayList<>();
        List<KeyElements> ecKeys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rsaKeys.add(KeyElements.rsaPublic(rsa.generate(2048).element(KeyElements.RSA_N), new byte[] {1, 0, 1}));
            KeyElements e = ec.generate(EcCurve.P_256);
            // a fresh instance from the same numbers: nothing seeded, so the threads race to convert it
            ecKeys.add(KeyElements.ec(EcCurve.P_256, e.element(KeyElements.EC_X), e.element(KeyElements.EC_Y),
                    e.element(KeyElements.EC_D)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        int i = round % n;
                        KeyElements r = rsaKeys.get(i);
                        RSAPublicKey pub = JdkKeys.rsaPublic(r);
                        assertEquals(r.bigInteger(KeyElements.RSA_N), pub.getModulus());
                        KeyElements e = ecKeys.get(i);
                        ECPublicKey ep = JdkKeys.ecPublic(e);
                        assertEquals(e.bigInteger(KeyElements.EC_X), ep.getW().getAffineX());
                        assertEquals(e.bigInteger(KeyElements.EC_Y), ep.getW().getAffineY());
                        ECPrivateKey es = JdkKeys.ecPrivate(e);
                        assertEquals(e.bigInteger(KeyElements.EC_D), es.getS());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theWrongKindOfKeyIsRefusedEvenWhenTheInstanceHasAnEntry() {
        KeyElements e = ec.generate(EcCurve.P_256);
        JdkKeys.ecPublic(e);
        assertThrows(BadKeyException.class, () -> JdkKeys.rsaPublic(e));
        assertThrows(BadKeyException.class, () -> JdkKeys.rsaPrivate(e));
        KeyElements pub = KeyElements.ec(EcCurve.P_256, e.element(KeyElements.EC_X), e.element(KeyElements.EC_Y), null);
        JdkKeys.ecPublic(pub);
        assertThrows(BadKeyException.class, () -> JdkKeys.ecPrivate(pub), "a public key never yields a private one");
    }

    @Test
    void anOffCurvePointIsRefusedOnEveryUse() {
        KeyElements own = ec.generate(EcCurve.P_256);
        KeyElements good = ec.generate(EcCurve.P_256);
        byte[] y = good.element(KeyElements.EC_Y);
        y[31] ^= 1;
        KeyElements bad = KeyElements.ec(EcCurve.P_256, good.element(KeyElements.EC_X), y, null);
        for (int i = 0; i < 3; i++) {
            assertThrows(InvalidPointException.class, () -> ec.agree(own, bad));
        }
        // the point at infinity's (0, 0) stand-in, too
        KeyElements zero = KeyElements.ec(EcCurve.P_256, new byte[32], new byte[32], null);
        assertThrows(InvalidPointException.class, () -> ec.agree(own, zero));
        assertThrows(InvalidPointException.class, () -> ec.agree(own, zero));
    }

    @Test
    void aReusedEngineCarriesNothingOverFromAFailedUse() {
        KeyElements key = rsa.generate(2048);
        byte[] secret = "sixteen byte key".getBytes(StandardCharsets.US_ASCII);
        byte[] ct = rsa.encrypt(RsaEncryption.OAEP_SHA256, key, secret);
        byte[] broken = ct.clone();
        broken[10] ^= 0x40;
        assertThrows(DecryptionFailedException.class, () -> rsa.decrypt(RsaEncryption.OAEP_SHA256, key, broken));
        assertArrayEquals(secret, rsa.decrypt(RsaEncryption.OAEP_SHA256, key, ct));
        byte[] sig = rsa.sign(RsaSignatureScheme.PKCS1_V1_5, HashAlgorithm.SHA_256, key, MESSAGE);
        assertFalse(rsa.verify(RsaSignatureScheme.PKCS1_V1_5, HashAlgorithm.SHA_256, key, MESSAGE,
                new BigInteger(1, sig).add(BigInteger.ONE).toByteArray()));
        assertTrue(rsa.verify(RsaSignatureScheme.PKCS1_V1_5, HashAlgorithm.SHA_256, key, MESSAGE, sig));
        byte[] es = ec.sign(HashAlgorithm.SHA_256, ec.generate(EcCurve.P_256), MESSAGE, EcdsaFormat.CONCATENATED);
        KeyElements other = ec.generate(EcCurve.P_256);
        assertFalse(ec.verify(HashAlgorithm.SHA_256, other, MESSAGE, es, EcdsaFormat.CONCATENATED));
        byte[] es2 = ec.sign(HashAlgorithm.SHA_256, other, MESSAGE, EcdsaFormat.CONCATENATED);
        assertTrue(ec.verify(HashAlgorithm.SHA_256, other, MESSAGE, es2, EcdsaFormat.CONCATENATED));
    }
}
