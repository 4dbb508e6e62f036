package org.lightwire.crypto.jca.ossl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EllipticCurve;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lightwire.api.crypto.CryptoException;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.OkpCurve;
import org.lightwire.api.crypto.RsaSignatureScheme;

/**
 * The JNI binding to OpenSSL 3 ({@link OpenSsl}, {@link Libcrypto}, {@link NativeKey}),
 * every result cross-checked against the JDK's own providers (SunRsaSign, SunJCE, SunEC)
 * used directly: RSA signing and decryption, EC key generation, ECDSA and ECDH, X25519
 * agreement, Ed25519 signatures and X25519/Ed25519 key generation and completion, hostile
 * key imports and inputs, one key shared by threads, and keys freed when dropped.
 */
class OpenSslTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<Integer, KeyPair> RSA_KEYS = new ConcurrentHashMap<>();
    private static final HashAlgorithm[] PSS_HASHES = {HashAlgorithm.SHA_256, HashAlgorithm.SHA_384, HashAlgorithm.SHA_512};

    @BeforeAll
    static void libraryIsLoaded() {
        // the build makes the library wherever these tests run: its absence is a failure, never a skip
        assertTrue(OpenSsl.available(), "OpenSSL JNI library not available: " + OpenSsl.description());
        assertTrue(OpenSsl.description().startsWith("OpenSSL 3"), OpenSsl.description());
    }

    // ---- RSA ----

    @ParameterizedTest(name = "RSA-{0}")
    @ValueSource(ints = {2048, 3072})
    void pkcs1SignaturesAreByteEqualToTheJdks(int bits) throws GeneralSecurityException {
        KeyPair jdk = rsaKeyPair(bits);
        NativeKey key = OpenSsl.rsaPrivate(rsaElements(jdk));
        for (HashAlgorithm hash : HashAlgorithm.values()) {
            byte[] message = randomBytes(100);
            byte[] ours = OpenSsl.rsaSign(key, RsaSignatureScheme.PKCS1_V1_5, hash, digest(hash, message));
            Signature s = Signature.getInstance(jdkName(hash) + "withRSA", "SunRsaSign");
            s.initSign(jdk.getPrivate());
            s.update(message);
            assertArrayEquals(s.sign(), ours, hash + ": PKCS#1 v1.5 is deterministic");
            s.initVerify(jdk.getPublic());
            s.update(message);
            assertTrue(s.verify(ours), hash.toString());
        }
    }

    @ParameterizedTest(name = "RSA-{0}")
    @ValueSource(ints = {2048, 3072})
    void pssSignaturesVerifyOnTheJdkWithSaltOfDigestLength(int bits) throws GeneralSecurityException {
        KeyPair jdk = rsaKeyPair(bits);
        NativeKey key = OpenSsl.rsaPrivate(rsaElements(jdk));
        for (HashAlgorithm hash : PSS_HASHES) {
            byte[] message = randomBytes(100);
            byte[] first = OpenSsl.rsaSign(key, RsaSignatureScheme.PSS, hash, digest(hash, message));
            byte[] second = OpenSsl.rsaSign(key, RsaSignatureScheme.PSS, hash, digest(hash, message));
            assertFalse(Arrays.equals(first, second), hash + ": PSS salts are random");
            Signature s = pss(hash);
            for (byte[] sig : List.of(first, second)) {
                s.initVerify(jdk.getPublic());
                s.update(message);
                assertTrue(s.verify(sig), hash.toString());
            }
            s.initVerify(jdk.getPublic());
            s.update(randomBytes(100));
            assertFalse(s.verify(first), hash + ": another message");
        }
    }

    @ParameterizedTest(name = "RSA-{0}")
    @ValueSource(ints = {2048, 3072})
    void jdkSignaturesVerifyOnOpensslAndNothingElseDoes(int bits) throws GeneralSecurityException {
        KeyPair jdk = rsaKeyPair(bits);
        NativeKey key = OpenSsl.rsaPublic(rsaElements(jdk).publicKey());
        for (HashAlgorithm hash : HashAlgorithm.values()) {
            byte[] message = randomBytes(100);
            Signature s = Signature.getInstance(jdkName(hash) + "withRSA", "SunRsaSign");
            s.initSign(jdk.getPrivate());
            s.update(message);
            byte[] sig = s.sign();
            assertTrue(OpenSsl.rsaVerify(key, RsaSignatureScheme.PKCS1_V1_5, hash, digest(hash, message), sig), hash.toString());
            assertFalse(OpenSsl.rsaVerify(key, RsaSignatureScheme.PSS, hash, digest(hash, message), sig), hash + " as PSS");
            assertFalse(OpenSsl.rsaVerify(key, RsaSignatureScheme.PKCS1_V1_5, hash, digest(hash, randomBytes(100)), sig),
                    hash + ": another message");
            byte[] altered = sig.clone();
            altered[sig.length - 1] ^= 0x01;
            assertFalse(OpenSsl.rsaVerify(key, RsaSignatureScheme.PKCS1_V1_5, hash, digest(hash, message), altered), hash + ": altered");
            assertFalse(OpenSsl.rsaVerify(key, RsaSignatureScheme.PKCS1_V1_5, hash, digest(hash, message),
                    Arrays.copyOf(sig, sig.length - 1)), hash + ": one byte short");
            assertFalse(OpenSsl.rsaVerify(key, RsaSignatureScheme.PKCS1_V1_5, hash, digest(hash, message), new byte[0]),
                    hash + ": empty");
        }
        for (HashAlgorithm hash : PSS_HASHES) {
            byte[] message = randomBytes(100);
            Signature s = pss(hash);
            s.initSign(jdk.getPrivate());
            s.update(message);
            byte[] sig = s.sign();
            assertTrue(OpenSsl.rsaVerify(key, RsaSignatureScheme.PSS, hash, digest(hash, message), sig), "PSS " + hash);
            assertFalse(OpenSsl.rsaVerify(key, RsaSignatureScheme.PKCS1_V1_5, hash, digest(hash, message), sig),
                    "PSS " + hash + " as PKCS#1 v1.5");
        }
    }

    @ParameterizedTest(name = "RSA-{0}")
    @ValueSource(ints = {2048, 3072})
    void encryptionDecryptsOnTheJdk(int bits) throws GeneralSecurityException {
        KeyPair jdk = rsaKeyPair(bits);
        NativeKey key = OpenSsl.rsaPublic(rsaElements(jdk).publicKey());
        byte[] plaintext = randomBytes(48);
        byte[] pkcs1 = OpenSsl.rsaEncrypt(key, null, plaintext);
        assertFalse(Arrays.equals(pkcs1, OpenSsl.rsaEncrypt(key, null, plaintext)), "PKCS#1 v1.5 padding is random");
        Cipher c = Cipher.getInstance("RSA/ECB/PKCS1Padding", "SunJCE");
        c.init(Cipher.DECRYPT_MODE, jdk.getPrivate());
        assertArrayEquals(plaintext, c.doFinal(pkcs1));
        for (HashAlgorithm hash : List.of(HashAlgorithm.SHA_1, HashAlgorithm.SHA_256)) {
            Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding", "SunJCE");
            oaep.init(Cipher.DECRYPT_MODE, jdk.getPrivate(), new OAEPParameterSpec(hash.standardName(), "MGF1",
                    new MGF1ParameterSpec(hash.standardName()), PSource.PSpecified.DEFAULT));
            assertArrayEquals(plaintext, oaep.doFinal(OpenSsl.rsaEncrypt(key, hash, plaintext)), hash.toString());
        }
        int k = (bits + 7) / 8;
        assertThrows(CryptoException.class, () -> OpenSsl.rsaEncrypt(key, HashAlgorithm.SHA_256, new byte[k - 2 * 32 - 1]),
                "one byte over OAEP-SHA-256's limit");
    }

    @ParameterizedTest(name = "RSA-{0}")
    @ValueSource(ints = {2048, 3072})
    void oaepDecryptsTheJdksCiphertextAndRefusesAlteredOnes(int bits) throws GeneralSecurityException {
        KeyPair jdk = rsaKeyPair(bits);
        NativeKey key = OpenSsl.rsaPrivate(rsaElements(jdk));
        for (HashAlgorithm hash : List.of(HashAlgorithm.SHA_1, HashAlgorithm.SHA_256)) {
            byte[] plaintext = randomBytes(48);
            Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding", "SunJCE");
            c.init(Cipher.ENCRYPT_MODE, jdk.getPublic(), new OAEPParameterSpec(hash.standardName(), "MGF1",
                    new MGF1ParameterSpec(hash.standardName()), PSource.PSpecified.DEFAULT));
            byte[] ciphertext = c.doFinal(plaintext);
            assertArrayEquals(plaintext, OpenSsl.rsaDecryptOaep(key, hash, ciphertext), hash.toString());
            HashAlgorithm other = hash == HashAlgorithm.SHA_1 ? HashAlgorithm.SHA_256 : HashAlgorithm.SHA_1;
            assertNull(OpenSsl.rsaDecryptOaep(key, other, ciphertext), hash + " ciphertext decrypted with " + other);
            byte[] altered = ciphertext.clone();
            altered[altered.length / 2] ^= 0x01;
            assertNull(OpenSsl.rsaDecryptOaep(key, hash, altered), hash + ": one flipped bit");
        }
    }

    @ParameterizedTest(name = "RSA-{0}")
    @ValueSource(ints = {2048, 3072})
    void rawDecryptionGivesExactlyKBytesLeadingZerosIncluded(int bits) throws GeneralSecurityException {
        KeyPair jdk = rsaKeyPair(bits);
        NativeKey key = OpenSsl.rsaPrivate(rsaElements(jdk));
        int k = bits / 8;
        byte[] full = randomBytes(k);
        full[0] = 0x01; // below n: n has its top bit set
        byte[] leadingZeros = randomBytes(k);
        Arrays.fill(leadingZeros, 0, 5, (byte) 0);
        byte[] two = new byte[k];
        two[k - 1] = 2;
        for (byte[] m : List.of(full, leadingZeros, two)) {
            Cipher c = Cipher.getInstance("RSA/ECB/NoPadding", "SunJCE");
            c.init(Cipher.ENCRYPT_MODE, jdk.getPublic());
            byte[] decrypted = OpenSsl.rsaDecryptRaw(key, c.doFinal(m));
            assertNotNull(decrypted);
            assertEquals(k, decrypted.length);
            assertArrayEquals(m, decrypted);
        }
    }

    @ParameterizedTest(name = "RSA-{0}")
    @ValueSource(ints = {2048, 3072})
    void ciphertextNotBelowTheModulusIsRefused(int bits) {
        KeyPair jdk = rsaKeyPair(bits);
        NativeKey key = OpenSsl.rsaPrivate(rsaElements(jdk));
        BigInteger n = ((RSAPublicKey) jdk.getPublic()).getModulus();
        byte[] modulus = unsigned(n, bits / 8);
        byte[] ones = new byte[bits / 8];
        Arrays.fill(ones, (byte) 0xff);
        for (byte[] c : List.of(modulus, unsigned(n.add(BigInteger.ONE), bits / 8), ones)) {
            assertNull(OpenSsl.rsaDecryptRaw(key, c));
            assertNull(OpenSsl.rsaDecryptOaep(key, HashAlgorithm.SHA_256, c));
        }
    }

    // ---- EC ----

    @ParameterizedTest
    @EnumSource(EcCurve.class)
    void generatedKeyIsOnTheCurveAndItsPointIsDTimesG(EcCurve curve) throws GeneralSecurityException {
        OpenSsl.Generated g = OpenSsl.generateEc(curve);
        KeyElements e = g.elements();
        ECParameterSpec params = ecParams(curve);
        BigInteger x = e.bigInteger(KeyElements.EC_X);
        BigInteger y = e.bigInteger(KeyElements.EC_Y);
        BigInteger d = e.bigInteger(KeyElements.EC_D);
        assertTrue(onCurve(params.getCurve(), x, y), curve + ": point not on the curve");
        assertTrue(d.signum() > 0 && d.compareTo(params.getOrder()) < 0, curve + ": D out of range");
        // the JDK signs with D and verifies with the point: only if point = D·G
        byte[] message = randomBytes(64);
        Signature s = ecdsa(curve);
        s.initSign(jdkPrivate(curve, d));
        s.update(message);
        byte[] der = s.sign();
        s.initVerify(jdkPublic(curve, x, y));
        s.update(message);
        assertTrue(s.verify(der), curve + ": point is not D·G");
        assertFalse(Arrays.equals(e.element(KeyElements.EC_D), OpenSsl.generateEc(curve).elements().element(KeyElements.EC_D)));
    }

    @ParameterizedTest
    @EnumSource(EcCurve.class)
    void opensslSignaturesVerifyOnTheJdk(EcCurve curve) throws GeneralSecurityException {
        OpenSsl.Generated g = OpenSsl.generateEc(curve);
        PublicKey pub = jdkPublic(curve, g.elements().bigInteger(KeyElements.EC_X), g.elements().bigInteger(KeyElements.EC_Y));
        byte[] message = randomBytes(64);
        byte[] der = OpenSsl.ecdsaSign(g.key(), digest(curve.naturalHash(), message));
        Signature s = ecdsa(curve);
        s.initVerify(pub);
        s.update(message);
        assertTrue(s.verify(der), curve.toString());
        message[0] ^= 1;
        s.initVerify(pub);
        s.update(message);
        assertFalse(s.verify(der), curve + ": another message");
    }

    @ParameterizedTest
    @EnumSource(EcCurve.class)
    void jdkSignaturesVerifyOnOpensslAndNothingElseDoes(EcCurve curve) throws GeneralSecurityException {
        KeyPair jdk = ecKeyPair(curve);
        NativeKey pub = nativePublic(curve, (ECPublicKey) jdk.getPublic());
        byte[] message = randomBytes(64);
        Signature s = ecdsa(curve);
        s.initSign(jdk.getPrivate());
        s.update(message);
        byte[] der = s.sign();
        byte[] digest = digest(curve.naturalHash(), message);
        assertTrue(OpenSsl.ecdsaVerify(pub, digest, der), curve.toString());

        byte[] otherDigest = digest.clone();
        otherDigest[3] ^= 0x10;
        assertFalse(OpenSsl.ecdsaVerify(pub, otherDigest, der), curve + ": modified digest");
        byte[] otherSig = der.clone();
        otherSig[otherSig.length - 1] ^= 0x01;
        assertFalse(OpenSsl.ecdsaVerify(pub, digest, otherSig), curve + ": modified signature");
        assertFalse(OpenSsl.ecdsaVerify(pub, digest, Arrays.copyOf(der, der.length - 1)), curve + ": truncated DER");
        assertFalse(OpenSsl.ecdsaVerify(pub, digest, randomBytes(der.length)), curve + ": garbage DER");
        assertFalse(OpenSsl.ecdsaVerify(pub, digest, new byte[0]), curve + ": empty DER");
        assertFalse(OpenSsl.ecdsaVerify(pub, digest, new byte[] {0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00}),
                curve + ": r = s = 0");
    }

    @ParameterizedTest
    @EnumSource(EcCurve.class)
    void ecdhAgreesWithTheJdkBothWays(EcCurve curve) throws GeneralSecurityException {
        OpenSsl.Generated ours = OpenSsl.generateEc(curve);
        BigInteger ourX = ours.elements().bigInteger(KeyElements.EC_X);
        BigInteger ourY = ours.elements().bigInteger(KeyElements.EC_Y);
        BigInteger ourD = ours.elements().bigInteger(KeyElements.EC_D);
        KeyPair theirs = ecKeyPair(curve);
        ECPublicKey theirPublic = (ECPublicKey) theirs.getPublic();

        byte[] opensslSide = OpenSsl.ecdh(ours.key(), nativePublic(curve, theirPublic));
        byte[] jdkSide = jdkEcdh(theirs.getPrivate(), jdkPublic(curve, ourX, ourY));
        assertEquals(curve.fieldLength(), opensslSide.length);
        assertArrayEquals(jdkSide, opensslSide, curve + ": OpenSSL key generated, JDK peer");

        int len = curve.fieldLength();
        BigInteger theirD = ((ECPrivateKey) theirs.getPrivate()).getS();
        NativeKey theirNative = OpenSsl.ec(curve, unsigned(theirPublic.getW().getAffineX(), len),
                unsigned(theirPublic.getW().getAffineY(), len), unsigned(theirD, len));
        NativeKey ourPublic = OpenSsl.ec(curve, unsigned(ourX, len), unsigned(ourY, len), null);
        assertArrayEquals(jdkEcdh(jdkPrivate(curve, ourD), theirPublic), OpenSsl.ecdh(theirNative, ourPublic),
                curve + ": JDK key imported, OpenSSL peer");
    }

    // ---- X25519 and Ed25519 ----

    @Test
    void x25519AgreesWithTheJdkBothWays() throws GeneralSecurityException {
        OpenSsl.Generated ours = OpenSsl.generateOkp(OkpCurve.X25519);
        KeyPair theirs = xdhKeyPair();
        byte[] theirU = x25519Encode(((XECPublicKey) theirs.getPublic()).getU());
        byte[] opensslSide = OpenSsl.x25519(ours.key(), OpenSsl.okpPublic(OkpCurve.X25519, theirU));
        byte[] jdkSide = xdh(theirs.getPrivate(), xdhPublic(ours.elements().element(KeyElements.OKP_X)));
        assertEquals(32, opensslSide.length);
        assertArrayEquals(jdkSide, opensslSide, "OpenSSL key generated, JDK peer");

        byte[] theirScalar = ((XECPrivateKey) theirs.getPrivate()).getScalar().orElseThrow();
        byte[] ourScalar = ours.elements().element(KeyElements.OKP_D);
        NativeKey ourPublic = OpenSsl.okpPublic(OkpCurve.X25519, ours.elements().element(KeyElements.OKP_X));
        assertArrayEquals(xdh(xdhPrivate(ourScalar), theirs.getPublic()),
                OpenSsl.x25519(OpenSsl.okpPrivate(OkpCurve.X25519, theirScalar), ourPublic), "JDK key imported, OpenSSL peer");
    }

    @Test
    void x25519PublicKeysAreTheJdksScalarTimesNine() throws GeneralSecurityException {
        KeyPair jdk = xdhKeyPair();
        byte[] scalar = ((XECPrivateKey) jdk.getPrivate()).getScalar().orElseThrow();
        OpenSsl.Generated completed = OpenSsl.completeOkp(OkpCurve.X25519, scalar);
        assertArrayEquals(x25519Encode(((XECPublicKey) jdk.getPublic()).getU()), completed.elements().element(KeyElements.OKP_X));
        assertArrayEquals(scalar, completed.elements().element(KeyElements.OKP_D));
        KeyElements generated = OpenSsl.generateOkp(OkpCurve.X25519).elements();
        assertArrayEquals(xdh(xdhPrivate(generated.element(KeyElements.OKP_D)), xdhPublic(x25519Encode(BigInteger.valueOf(9)))),
                generated.element(KeyElements.OKP_X), "generated X is D times the base point");
    }

    /** u = 0 and u = 1 (RFC 7748 section 6.1's small-order points) give the all-zero secret: refused, as the JDK refuses it. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void x25519RefusesALowOrderPeer(int u) throws GeneralSecurityException {
        byte[] point = x25519Encode(BigInteger.valueOf(u));
        KeyPair jdk = xdhKeyPair();
        assertThrows(GeneralSecurityException.class, () -> xdh(jdk.getPrivate(), xdhPublic(point)), "the JDK refuses u = " + u);
        NativeKey ours = OpenSsl.generateOkp(OkpCurve.X25519).key();
        assertNull(OpenSsl.x25519(ours, OpenSsl.okpPublic(OkpCurve.X25519, point)), "u = " + u);
        // the same key still agrees with a good peer: the refusal left nothing behind
        assertNotNull(OpenSsl.x25519(ours, OpenSsl.okpPublic(OkpCurve.X25519, x25519Encode(BigInteger.valueOf(9)))));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 100, 3 << 20})
    void ed25519SignaturesAreByteEqualToTheJdksAndVerifyBothWays(int length) throws GeneralSecurityException {
        KeyPair jdk = ed25519KeyPair();
        byte[] seed = ((EdECPrivateKey) jdk.getPrivate()).getBytes().orElseThrow();
        OpenSsl.Generated ours = OpenSsl.completeOkp(OkpCurve.ED25519, seed);
        byte[] x = ed25519Encode((EdECPublicKey) jdk.getPublic());
        assertArrayEquals(x, ours.elements().element(KeyElements.OKP_X), "public key of the seed");
        NativeKey pub = OpenSsl.okpPublic(OkpCurve.ED25519, x);
        byte[] message = randomBytes(length);

        byte[] sig = OpenSsl.ed25519Sign(ours.key(), message);
        Signature s = Signature.getInstance("Ed25519", "SunEC");
        s.initSign(jdk.getPrivate());
        s.update(message);
        byte[] jdkSig = s.sign();
        assertArrayEquals(jdkSig, sig, "Ed25519 is deterministic");
        s.initVerify(jdk.getPublic());
        s.update(message);
        assertTrue(s.verify(sig), "the JDK verifies OpenSSL's signature");
        assertTrue(OpenSsl.ed25519Verify(pub, message, jdkSig), "OpenSSL verifies the JDK's signature");

        byte[] tampered = jdkSig.clone();
        tampered[length % 64] ^= 0x01;
        assertFalse(OpenSsl.ed25519Verify(pub, message, tampered), "tampered signature");
        if (length > 0) {
            byte[] otherMessage = message.clone();
            otherMessage[length - 1] ^= 0x01;
            assertFalse(OpenSsl.ed25519Verify(pub, otherMessage, jdkSig), "tampered message");
        }
    }

    @Test
    void ed25519RefusesSignaturesOfTheWrongLengthOrWithSNotBelowTheOrder() throws GeneralSecurityException {
        OpenSsl.Generated g = OpenSsl.generateOkp(OkpCurve.ED25519);
        NativeKey pub = OpenSsl.okpPublic(OkpCurve.ED25519, g.elements().element(KeyElements.OKP_X));
        byte[] message = randomBytes(32);
        byte[] sig = OpenSsl.ed25519Sign(g.key(), message);
        assertTrue(OpenSsl.ed25519Verify(pub, message, sig));
        assertFalse(OpenSsl.ed25519Verify(pub, message, null));
        assertFalse(OpenSsl.ed25519Verify(pub, message, Arrays.copyOf(sig, 63)));
        assertFalse(OpenSsl.ed25519Verify(pub, message, Arrays.copyOf(sig, 65)));
        boolean longAccepted = pub.use(h -> Libcrypto.ed25519Verify(h, message, Arrays.copyOf(sig, 65)));
        assertFalse(longAccepted, "the C side checks the length too");
        // S + L verifies under a cofactorless check that reduces S: RFC 8032 requires S < L
        BigInteger order = BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));
        BigInteger bigS = new BigInteger(1, reverse(Arrays.copyOfRange(sig, 32, 64))).add(order);
        byte[] malleable = sig.clone();
        System.arraycopy(reverse(unsigned(bigS, 32)), 0, malleable, 32, 32);
        assertFalse(OpenSsl.ed25519Verify(pub, message, malleable), "S + L");
    }

    @Test
    void generatedEd25519KeyIsTheJdksKeyOfItsSeed() throws GeneralSecurityException {
        OpenSsl.Generated g = OpenSsl.generateOkp(OkpCurve.ED25519);
        byte[] seed = g.elements().element(KeyElements.OKP_D);
        PrivateKey jdkPrivate = KeyFactory.getInstance("Ed25519", "SunEC")
                .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        byte[] message = randomBytes(50);
        Signature s = Signature.getInstance("Ed25519", "SunEC");
        s.initSign(jdkPrivate);
        s.update(message);
        assertArrayEquals(s.sign(), OpenSsl.ed25519Sign(g.key(), message), "OpenSSL's handle signs as the JDK does with the seed");
        assertArrayEquals(g.elements().element(KeyElements.OKP_X), OpenSsl.completeOkp(OkpCurve.ED25519, seed)
                .elements().element(KeyElements.OKP_X), "X is the seed's public key");
        assertFalse(Arrays.equals(seed, OpenSsl.generateOkp(OkpCurve.ED25519).elements().element(KeyElements.OKP_D)));
    }

    @Test
    void okpKeysOfTheWrongLengthAreRefusedBeforeOpensslSeesThem() {
        for (OkpCurve curve : OkpCurve.values()) {
            for (byte[] raw : List.of(new byte[31], new byte[33], new byte[0])) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OpenSsl.okpPrivate(curve, raw));
                assertTrue(e.getMessage().startsWith("X25519/Ed25519 keys are 32 bytes"), e.getMessage());
                e = assertThrows(IllegalArgumentException.class, () -> OpenSsl.okpPublic(curve, raw));
                assertTrue(e.getMessage().startsWith("X25519/Ed25519 keys are 32 bytes"), e.getMessage());
            }
            assertThrows(IllegalArgumentException.class, () -> OpenSsl.okpPrivate(curve, null));
        }
        // the C side refuses them too, and an unknown curve code; 32 bytes are accepted
        assertThrows(IllegalArgumentException.class, () -> Libcrypto.okpKey(Libcrypto.OKP_X25519, new byte[31], true));
        assertThrows(IllegalArgumentException.class, () -> Libcrypto.okpKey(Libcrypto.OKP_ED25519, new byte[33], false));
        assertThrows(IllegalArgumentException.class, () -> Libcrypto.okpKey(25519, new byte[32], true));
        Libcrypto.free(Libcrypto.okpKey(Libcrypto.OKP_ED25519, new byte[32], true));
        assertThrows(IllegalArgumentException.class, () -> Libcrypto.okpGenerate(Libcrypto.OKP_X25519, new byte[32], new byte[31]));
    }

    // ---- hostile imports and inputs ----

    @ParameterizedTest
    @EnumSource(EcCurve.class)
    void pointOffTheCurveIsRefused(EcCurve curve) throws GeneralSecurityException {
        ECPublicKey pub = (ECPublicKey) ecKeyPair(curve).getPublic();
        BigInteger p = ((ECFieldFp) ecParams(curve).getCurve().getField()).getP();
        int len = curve.fieldLength();
        byte[] x = unsigned(pub.getW().getAffineX(), len);
        byte[] offY = unsigned(pub.getW().getAffineY().add(BigInteger.ONE).mod(p), len);
        assertThrows(IllegalArgumentException.class, () -> OpenSsl.ec(curve, x, offY, null));
        byte[] zero = new byte[len];
        assertThrows(IllegalArgumentException.class, () -> OpenSsl.ec(curve, zero, zero, null));
        assertThrows(IllegalArgumentException.class, () -> OpenSsl.ec(curve, zero, zero, unsigned(BigInteger.ONE, len)));
    }

    @Test
    void ecdhRefusesAPeerOnAnotherCurve() {
        NativeKey ours = OpenSsl.generateEc(EcCurve.P_256).key();
        KeyElements peer = OpenSsl.generateEc(EcCurve.P_384).elements();
        NativeKey theirs = OpenSsl.ec(EcCurve.P_384, peer.element(KeyElements.EC_X), peer.element(KeyElements.EC_Y), null);
        assertThrows(CryptoException.class, () -> OpenSsl.ecdh(ours, theirs));
    }

    @Test
    void rsaImportRefusesTheWrongNumberOfElementsOrAnEmptyOne() {
        byte[][] elements = nativeOrder(rsaElements(rsaKeyPair(2048)));
        assertThrows(IllegalArgumentException.class, () -> Libcrypto.rsaKey(Arrays.copyOf(elements, 7)));
        byte[][] withEmpty = elements.clone();
        withEmpty[4] = new byte[0];
        assertThrows(IllegalArgumentException.class, () -> Libcrypto.rsaKey(withEmpty));
        // the complete array is accepted, and so are N, E alone: the refusals above are about the shape
        Libcrypto.free(Libcrypto.rsaKey(elements));
        Libcrypto.free(Libcrypto.rsaKey(Arrays.copyOf(elements, 2)));
        assertThrows(IllegalArgumentException.class, () -> Libcrypto.rsaKey(Arrays.copyOf(elements, 3)));
    }

    @Test
    void signingRefusesADigestOfTheWrongLengthForItsHash() {
        NativeKey rsa = OpenSsl.rsaPrivate(rsaElements(rsaKeyPair(2048)));
        assertNull(rsa.use(h -> Libcrypto.sign(h, Libcrypto.PAD_PKCS1, 256, new byte[31])));
        assertNull(rsa.use(h -> Libcrypto.sign(h, Libcrypto.PAD_PSS, 384, new byte[32])));
        assertNotNull(rsa.use(h -> Libcrypto.sign(h, Libcrypto.PAD_PKCS1, 256, new byte[32])));
        NativeKey ec = OpenSsl.generateEc(EcCurve.P_256).key();
        assertNull(ec.use(h -> Libcrypto.sign(h, Libcrypto.PAD_ECDSA, 256, new byte[20])));
        assertNull(ec.use(h -> Libcrypto.sign(h, Libcrypto.PAD_ECDSA, 7, new byte[32])), "unknown hash code");
    }

    // ---- threads and lifetime ----

    @Test
    @Timeout(60)
    void oneSharedKeySignsCorrectlyOnFourThreads() throws Exception {
        KeyPair rsaJdk = rsaKeyPair(2048);
        NativeKey rsa = OpenSsl.rsaPrivate(rsaElements(rsaJdk));
        OpenSsl.Generated ec = OpenSsl.generateEc(EcCurve.P_256);
        PublicKey ecPublic = jdkPublic(EcCurve.P_256, ec.elements().bigInteger(KeyElements.EC_X),
                ec.elements().bigInteger(KeyElements.EC_Y));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    Signature ecdsa = ecdsa(EcCurve.P_256);
                    Signature rsaJdkVerify = Signature.getInstance("SHA256withRSA", "SunRsaSign");
                    int good = 0;
                    for (int i = 0; i < 200; i++) {
                        byte[] message = randomBytes(40);
                        byte[] digest = digest(HashAlgorithm.SHA_256, message);
                        ecdsa.initVerify(ecPublic);
                        ecdsa.update(message);
                        good += ecdsa.verify(OpenSsl.ecdsaSign(ec.key(), digest)) ? 1 : 0;
                        rsaJdkVerify.initVerify(rsaJdk.getPublic());
                        rsaJdkVerify.update(message);
                        good += rsaJdkVerify.verify(OpenSsl.rsaSign(rsa, RsaSignatureScheme.PKCS1_V1_5,
                                HashAlgorithm.SHA_256, digest)) ? 1 : 0;
                    }
                    return good;
                }));
            }
            start.countDown();
            for (Future<Integer> r : results) {
                assertEquals(400, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Dropped keys are freed by the Cleaner: resident memory stays flat while 100,000
     * EC keys are made and dropped. Measured with OpenSSL 3.0, an EC key holds about
     * 2.2 KiB of native memory, so leaking these would add some 200 MiB, three times the
     * 64 MiB bound; freed they add 0-5 MiB. (20,000 keys would leak only about 45 MiB,
     * under the bound, so the test could not fail.) Counting frees would be exact but
     * needs a hook in main code; RSS needs none. A collection after every 5,000 keys lets
     * the Cleaner free them while the loop runs, so the allocator reuses that memory
     * rather than asking the kernel for more.
     */
    @Test
    @Timeout(30)
    void droppedKeysAreFreed() throws IOException {
        EcCurve curve = EcCurve.P_256;
        KeyElements e = OpenSsl.generateEc(curve).elements();
        byte[] x = e.element(KeyElements.EC_X);
        byte[] y = e.element(KeyElements.EC_Y);
        byte[] d = e.element(KeyElements.EC_D);
        for (int round = 0; round < 4; round++) {
            makeAndDropKeys(curve, x, y, d, 5_000);
        }
        long warm = residentBytes();
        for (int round = 0; round < 20; round++) {
            makeAndDropKeys(curve, x, y, d, 5_000);
        }
        long growth = residentBytes() - warm;
        assertTrue(growth < 64L << 20, "resident memory grew by " + (growth >> 20) + " MiB over 100,000 dropped keys");
    }

    private static void makeAndDropKeys(EcCurve curve, byte[] x, byte[] y, byte[] d, int count) {
        for (int i = 0; i < count; i++) {
            assertNotNull(OpenSsl.ec(curve, x, y, d));
        }
        System.gc();
    }

    private static long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
            if (line.startsWith("VmRSS:")) {
                // "VmRSS:	   123456 kB"
                return Long.parseLong(line.substring(6).replace("kB", "").strip()) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    // ---- JDK side ----

    private static KeyPair xdhKeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("X25519", "SunEC");
        g.initialize(255, RANDOM);
        return g.generateKeyPair();
    }

    private static KeyPair ed25519KeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519", "SunEC");
        g.initialize(NamedParameterSpec.ED25519, RANDOM);
        return g.generateKeyPair();
    }

    private static PublicKey xdhPublic(byte[] u) throws GeneralSecurityException {
        byte[] be = reverse(u);
        be[0] &= 0x7f;
        return KeyFactory.getInstance("XDH", "SunEC").generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, be)));
    }

    private static PrivateKey xdhPrivate(byte[] scalar) throws GeneralSecurityException {
        return KeyFactory.getInstance("XDH", "SunEC").generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
    }

    private static byte[] xdh(PrivateKey ours, PublicKey peer) throws GeneralSecurityException {
        KeyAgreement ka = KeyAgreement.getInstance("XDH", "SunEC");
        ka.init(ours);
        ka.doPhase(peer, true);
        return ka.generateSecret();
    }

    /** RFC 7748 section 5: u little-endian in 32 bytes. */
    private static byte[] x25519Encode(BigInteger u) {
        return reverse(unsigned(u, 32));
    }

    /** RFC 8032 section 5.1.2: y little-endian, the top bit x's sign. */
    private static byte[] ed25519Encode(EdECPublicKey key) {
        byte[] le = reverse(unsigned(key.getPoint().getY(), 32));
        if (key.getPoint().isXOdd()) {
            le[31] |= (byte) 0x80;
        }
        return le;
    }

    private static byte[] reverse(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[in.length - 1 - i];
        }
        return out;
    }

    private static KeyPair rsaKeyPair(int bits) {
        return RSA_KEYS.computeIfAbsent(bits, b -> {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", "SunRsaSign");
                g.initialize(b, RANDOM);
                return g.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static KeyElements rsaElements(KeyPair pair) {
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) pair.getPrivate();
        return KeyElements.rsa(k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(), k.getPrimeP(),
                k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(), k.getCrtCoefficient());
    }

    /** The elements in the order {@link Libcrypto#rsaKey} takes them: N, E, D, P, Q, DP, DQ, QI. */
    private static byte[][] nativeOrder(KeyElements key) {
        int[] order = {KeyElements.RSA_N, KeyElements.RSA_E, KeyElements.RSA_D, KeyElements.RSA_P, KeyElements.RSA_Q,
            KeyElements.RSA_DP, KeyElements.RSA_DQ, KeyElements.RSA_QI};
        byte[][] out = new byte[order.length][];
        for (int i = 0; i < order.length; i++) {
            out[i] = key.element(order[i]);
        }
        return out;
    }

    private static Signature pss(HashAlgorithm hash) throws GeneralSecurityException {
        Signature s = Signature.getInstance("RSASSA-PSS", "SunRsaSign");
        s.setParameter(new PSSParameterSpec(hash.standardName(), "MGF1", new MGF1ParameterSpec(hash.standardName()),
                hash.digestLength(), PSSParameterSpec.TRAILER_FIELD_BC));
        return s;
    }

    private static Signature ecdsa(EcCurve curve) throws GeneralSecurityException {
        return Signature.getInstance(jdkName(curve.naturalHash()) + "withECDSA", "SunEC");
    }

    private static KeyPair ecKeyPair(EcCurve curve) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", "SunEC");
        g.initialize(new ECGenParameterSpec(curve.secName()), RANDOM);
        return g.generateKeyPair();
    }

    private static ECParameterSpec ecParams(EcCurve curve) throws GeneralSecurityException {
        AlgorithmParameters p = AlgorithmParameters.getInstance("EC", "SunEC");
        p.init(new ECGenParameterSpec(curve.secName()));
        return p.getParameterSpec(ECParameterSpec.class);
    }

    private static PublicKey jdkPublic(EcCurve curve, BigInteger x, BigInteger y) throws GeneralSecurityException {
        return KeyFactory.getInstance("EC", "SunEC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), ecParams(curve)));
    }

    private static PrivateKey jdkPrivate(EcCurve curve, BigInteger d) throws GeneralSecurityException {
        return KeyFactory.getInstance("EC", "SunEC").generatePrivate(new ECPrivateKeySpec(d, ecParams(curve)));
    }

    private static NativeKey nativePublic(EcCurve curve, ECPublicKey key) {
        int len = curve.fieldLength();
        return OpenSsl.ec(curve, unsigned(key.getW().getAffineX(), len), unsigned(key.getW().getAffineY(), len), null);
    }

    private static byte[] jdkEcdh(PrivateKey ours, PublicKey peer) throws GeneralSecurityException {
        KeyAgreement ka = KeyAgreement.getInstance("ECDH", "SunEC");
        ka.init(ours);
        ka.doPhase(peer, true);
        return ka.generateSecret();
    }

    /** y² = x³ + ax + b (mod p). */
    private static boolean onCurve(EllipticCurve curve, BigInteger x, BigInteger y) {
        BigInteger p = ((ECFieldFp) curve.getField()).getP();
        BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        return x.compareTo(p) < 0 && y.compareTo(p) < 0 && y.pow(2).mod(p).equals(right);
    }

    private static String jdkName(HashAlgorithm hash) {
        return hash.standardName().replace("-", "");
    }

    private static byte[] digest(HashAlgorithm hash, byte[] message) throws GeneralSecurityException {
        return MessageDigest.getInstance(hash.standardName(), "SUN").digest(message);
    }

    /** {@code v} as exactly {@code len} unsigned big-endian bytes. */
    private static byte[] unsigned(BigInteger v, int len) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[len];
        int n = Math.min(raw.length, len);
        System.arraycopy(raw, raw.length - n, out, len - n, n);
        return out;
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
