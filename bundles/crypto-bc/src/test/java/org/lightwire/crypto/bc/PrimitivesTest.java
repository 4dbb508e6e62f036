package org.lightwire.crypto.bc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import javax.net.ssl.SSLEngine;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.lightwire.api.crypto.AuthenticationFailedException;
import org.lightwire.api.crypto.BadInputException;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.Hash;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.Hmac;
import org.lightwire.api.crypto.Poly1305;
import org.lightwire.api.crypto.TlsSettings;

/** Hashes, HMAC, Poly1305, ChaCha20-Poly1305, and the backend as a service. */
class PrimitivesTest {

    private static final BcCryptoBackend BC = new BcCryptoBackend();

    @Test
    void hashesMatchTheJdkForHeapAndDirectBuffers() throws Exception {
        byte[] data = new byte[10_000];
        new java.util.Random(3).nextBytes(data);
        for (HashAlgorithm h : HashAlgorithm.values()) {
            byte[] expected = MessageDigest.getInstance(h.standardName()).digest(data);
            assertArrayEquals(expected, BC.digest(h, data), h.toString());
            Hash hash = BC.hash(h);
            ByteBuffer direct = ByteBuffer.allocateDirect(data.length).put(data).flip();
            hash.update(direct);
            assertEquals(direct.limit(), direct.position());
            assertArrayEquals(expected, hash.digest(), h + " direct");
            hash.update(ByteBuffer.wrap(data).asReadOnlyBuffer());
            byte[] out = new byte[h.digestLength() + 3];
            assertEquals(h.digestLength(), hash.digest(out, 3));
            assertArrayEquals(expected, Arrays.copyOfRange(out, 3, out.length), h + " read-only");
            assertThrows(BadParameterException.class, () -> hash.digest(new byte[h.digestLength()], 1));
        }
    }

    @Test
    void rfc4231TestCase2Hmac() {
        Hmac mac = BC.hmac(HashAlgorithm.SHA_256, "Jefe".getBytes(StandardCharsets.US_ASCII));
        mac.update("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
        byte[] expected = Hex.decode("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertArrayEquals(expected, mac.mac());
        mac.update("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
        assertTrue(mac.verify(Arrays.copyOf(expected, 16)), "truncated to half is allowed");
        mac.update("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
        assertFalse(mac.verify(Arrays.copyOf(expected, 9)), "shorter than 80 bits never matches");
        mac.update("x".getBytes());
        assertFalse(mac.verify(expected));
        assertFalse(mac.verify(Arrays.copyOf(expected, 40)));
        assertThrows(BadKeyException.class, () -> BC.hmac(HashAlgorithm.SHA_256, new byte[0]));
    }

    @Test
    void rfc8439Section252Poly1305AndOneUse() {
        Poly1305 p = BC.poly1305(Hex.decode("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b"));
        p.update("Cryptographic Forum Research Group".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(Hex.decode("a8061dc1305136c6c22b8baf0c0127a9"), p.tag());
        assertThrows(IllegalStateException.class, () -> p.update(new byte[1]));
        Poly1305 q = BC.poly1305(Hex.decode("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b"));
        q.update("Cryptographic Forum Research Group".getBytes(StandardCharsets.US_ASCII));
        assertFalse(q.verify(new byte[15]));
        assertThrows(BadKeyException.class, () -> BC.poly1305(new byte[16]));
    }

    @Test
    void rfc8439Section282Aead() {
        byte[] key = Hex.decode("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
        byte[] nonce = Hex.decode("070000004041424344454647");
        byte[] aad = Hex.decode("50515253c0c1c2c3c4c5c6c7");
        byte[] plain = ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, "
                + "sunscreen would be it.").getBytes(StandardCharsets.US_ASCII);
        byte[] sealed = BC.chacha20Poly1305().seal(key, nonce, aad, plain);
        assertArrayEquals(Hex.decode("d31a8d34648e60db7b86afbc53ef7ec2"), Arrays.copyOf(sealed, 16));
        assertArrayEquals(Hex.decode("1ae10b594f09e26a7e902ecbd0600691"), Arrays.copyOfRange(sealed, sealed.length - 16, sealed.length));
        assertArrayEquals(plain, BC.chacha20Poly1305().open(key, nonce, aad, sealed));
        sealed[0] ^= 1;
        assertThrows(AuthenticationFailedException.class, () -> BC.chacha20Poly1305().open(key, nonce, aad, sealed));
        assertThrows(BadInputException.class, () -> BC.chacha20Poly1305().open(key, nonce, aad, new byte[15]));
        assertThrows(BadParameterException.class, () -> BC.chacha20Poly1305().open(key, new byte[8], aad, new byte[16]));
    }

    @Test
    void secureRandomProducesDifferentOutput() {
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        BC.secureRandom().nextBytes(a);
        BC.secureRandom().nextBytes(b);
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void foundAsAServiceAndLeavesTheProviderListAlone() throws Exception {
        List<Provider> before = List.of(Security.getProviders());
        CryptoBackend found = ServiceLoader.load(CryptoBackend.class).stream().map(ServiceLoader.Provider::get)
                .filter(b -> b.name().equals("bc")).findFirst().orElseThrow();
        assertTrue(found.description().contains("BouncyCastle 1.84"), found.description());
        assertEquals(BcCryptoBackend.RANKING, found.ranking());
        // build BC's JCA and JSSE providers and use both: a TLS client's first flight makes its key shares
        SSLEngine client = found.tls().create(TlsSettings.client().verifyPeer(false).build()).clientEngine("localhost", 443);
        ByteBuffer clientHello = ByteBuffer.allocate(client.getSession().getPacketBufferSize());
        assertTrue(client.wrap(ByteBuffer.allocate(0), clientHello).bytesProduced() > 0, "no ClientHello");
        assertEquals(before, List.of(Security.getProviders()));
        assertEquals(null, Security.getProvider("BC"));
        assertEquals(null, Security.getProvider("BCJSSE"));
    }
}
