package org.lightwire.it.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightwire.api.crypto.BadInputException;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.Poly1305;
import org.lightwire.api.crypto.StreamCipher;

/**
 * {@link StreamCipher#reset} and {@link Poly1305#reset} (SPI 1.1): one object re-initialised
 * per message must give exactly what a fresh object gives, on every backend, including the
 * RFC 8439 vectors reached only through resets.
 */
class ChaChaPolyResetConformanceTest {

    static Stream<Arguments> chacha() {
        return Backends.withVectors("chacha20.txt");
    }

    static Stream<Arguments> poly() {
        return Backends.withVectors("poly1305.txt");
    }

    static Stream<CryptoBackend> backends() {
        return Backends.each();
    }

    private static byte[] random(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static byte[] keystream(StreamCipher c, int n) {
        return c.update(new byte[n]);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("chacha")
    void rfc8439VectorsHoldAcrossResets(CryptoBackend backend, Vectors.Vector v) {
        byte[] nonce = v.hex("nonce");
        long counter = Long.parseLong(v.get("counter"));
        byte[] other = nonce.clone();
        other[11] ^= 0x5a;
        StreamCipher c = backend.chacha20(v.hex("key"), other, 3);
        keystream(c, 100); // part-way through a block, so the reset must drop buffered keystream
        for (int round = 0; round < 3; round++) {
            // the same nonce again on purpose: a reset to the previous nonce must work too
            c.reset(nonce, counter);
            assertArrayEquals(v.hex("ciphertext"), ChaChaPolyConformanceTest.AesLikePieces.feed(c, v.hex("plaintext")), "round " + round);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("chacha")
    void openSshLayoutVectorsHoldAcrossResets(CryptoBackend backend, Vectors.Vector v) {
        byte[] n12 = v.hex("nonce");
        long high = (n12[0] & 0xffL) | (n12[1] & 0xffL) << 8 | (n12[2] & 0xffL) << 16 | (n12[3] & 0xffL) << 24;
        long counter = (high << 32) | Long.parseLong(v.get("counter"));
        byte[] nonce8 = Arrays.copyOfRange(n12, 4, 12);
        StreamCipher c = backend.chacha20(v.hex("key"), new byte[8], 0);
        keystream(c, 33);
        for (int round = 0; round < 2; round++) {
            c.reset(nonce8, counter);
            assertArrayEquals(v.hex("ciphertext"), ChaChaPolyConformanceTest.AesLikePieces.feed(c, v.hex("plaintext")), "round " + round);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void resetGivesWhatAFreshCipherGives(CryptoBackend backend) {
        Random r = new Random(8439);
        for (int nonceLength : new int[] {8, 12}) {
            byte[] key = random(r, 32);
            StreamCipher reused = backend.chacha20(key, random(r, nonceLength), 0);
            for (int message = 0; message < 20; message++) {
                byte[] nonce = random(r, nonceLength);
                long counter = message % 3; // OpenSSH's 0 (length, Poly1305 key) and 1 (payload)
                keystream(reused, r.nextInt(200));
                reused.reset(nonce, counter);
                int n = 1 + r.nextInt(300);
                assertArrayEquals(keystream(backend.chacha20(key, nonce, counter), n), keystream(reused, n),
                        nonceLength + "-byte nonce, message " + message);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void resetRevivesAnExhaustedKeystream(CryptoBackend backend) {
        byte[] key = new byte[32];
        byte[] nonce = new byte[12];
        StreamCipher c = backend.chacha20(key, nonce, 0xFFFF_FFFFL);
        keystream(c, 64);
        assertThrows(BadInputException.class, () -> keystream(c, 1));
        c.reset(nonce, 0);
        assertArrayEquals(keystream(backend.chacha20(key, nonce, 0), 128), keystream(c, 128));
        c.reset(nonce, 0xFFFF_FFFFL);
        keystream(c, 64);
        assertThrows(BadInputException.class, () -> keystream(c, 1), "a reset restores the counter limit too");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void hostileResetIsRefusedAndLeavesTheCipherAsItWas(CryptoBackend backend) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 3);
        byte[] nonce12 = new byte[12];
        byte[] nonce8 = new byte[8];
        StreamCipher rfc = backend.chacha20(key, nonce12, 1);
        StreamCipher ssh = backend.chacha20(key, nonce8, 1);
        StreamCipher rfcFresh = backend.chacha20(key, nonce12, 1);
        StreamCipher sshFresh = backend.chacha20(key, nonce8, 1);
        keystream(rfc, 10);
        keystream(rfcFresh, 10);
        keystream(ssh, 10);
        keystream(sshFresh, 10);
        assertThrows(BadParameterException.class, () -> rfc.reset(nonce8, 0), "layout may not change");
        assertThrows(BadParameterException.class, () -> ssh.reset(nonce12, 0), "layout may not change");
        assertThrows(BadParameterException.class, () -> rfc.reset(new byte[10], 0));
        assertThrows(BadParameterException.class, () -> rfc.reset(null, 0));
        assertThrows(BadParameterException.class, () -> ssh.reset(new byte[0], 0));
        assertThrows(BadParameterException.class, () -> rfc.reset(nonce12, 1L << 32));
        assertThrows(BadParameterException.class, () -> rfc.reset(nonce12, -1));
        assertArrayEquals(keystream(rfcFresh, 100), keystream(rfc, 100), "a refused reset changes nothing");
        assertArrayEquals(keystream(sshFresh, 100), keystream(ssh, 100), "a refused reset changes nothing");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("poly")
    void poly1305VectorsHoldAcrossResets(CryptoBackend backend, Vectors.Vector v) {
        byte[] message = v.hex("message");
        byte[] tag = v.hex("tag");
        byte[] other = v.hex("key");
        other[0] ^= 1;
        Poly1305 mac = backend.poly1305(other);
        mac.update(message);
        mac.tag(); // spent: reset must revive it

        mac.reset(v.hex("key"));
        mac.update(message);
        assertArrayEquals(tag, mac.tag());

        mac.reset(v.hex("key"));
        mac.update(message);
        assertTrue(mac.verify(tag));

        byte[] packet = new byte[5 + 16 + 7];
        System.arraycopy(tag, 0, packet, 5, 16);
        mac.reset(v.hex("key"));
        mac.update(message);
        assertTrue(mac.verify(packet, 5), "tag compared in place");

        packet[5 + 15] ^= 0x80;
        mac.reset(v.hex("key"));
        mac.update(message);
        assertFalse(mac.verify(packet, 5), "altered last tag byte");

        byte[] out = new byte[3 + 16 + 2];
        mac.reset(v.hex("key"));
        // half-way through a message: the reset must drop the partial block
        mac.update(new byte[] {1, 2, 3});
        mac.reset(v.hex("key"));
        mac.update(message);
        mac.tag(out, 3);
        assertArrayEquals(tag, Arrays.copyOfRange(out, 3, 19));
        assertTrue(out[0] == 0 && out[1] == 0 && out[2] == 0 && out[19] == 0 && out[20] == 0, "only the 16 tag bytes written");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void poly1305ResetMatchesFreshOverRandomMessages(CryptoBackend backend) {
        Random r = new Random(1305);
        Poly1305 reused = backend.poly1305(new byte[32]);
        byte[] tag = new byte[16];
        for (int i = 0; i < 50; i++) {
            byte[] key = random(r, 32);
            byte[] message = random(r, r.nextInt(300));
            Poly1305 fresh = backend.poly1305(key);
            fresh.update(message);
            reused.reset(key);
            int split = message.length == 0 ? 0 : r.nextInt(message.length);
            reused.update(message, 0, split);
            reused.update(message, split, message.length - split);
            reused.tag(tag, 0);
            assertArrayEquals(fresh.tag(), tag, "message " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void hostilePoly1305UseIsRefusedWithoutSpendingTheKey(CryptoBackend backend) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 9);
        Poly1305 mac = backend.poly1305(key);
        mac.update(new byte[] {1, 2, 3});
        assertThrows(BadKeyException.class, () -> mac.reset(new byte[16]), "key length, as at creation");
        assertThrows(BadKeyException.class, () -> mac.reset(null));
        assertThrows(BadParameterException.class, () -> mac.tag(new byte[16], 1), "no room for the tag");
        assertThrows(BadParameterException.class, () -> mac.tag(new byte[20], -1));
        assertThrows(BadParameterException.class, () -> mac.verify(new byte[15], 0), "expected tag truncated");
        assertThrows(BadParameterException.class, () -> mac.verify(new byte[32], 17));
        Poly1305 fresh = backend.poly1305(key);
        fresh.update(new byte[] {1, 2, 3});
        assertArrayEquals(fresh.tag(), mac.tag(), "refused calls neither re-keyed nor spent the key");
        assertThrows(IllegalStateException.class, () -> mac.update(new byte[1]), "spent until reset");
        mac.reset(key);
        mac.update(new byte[] {1, 2, 3});
        Poly1305 again = backend.poly1305(key);
        again.update(new byte[] {1, 2, 3});
        assertArrayEquals(again.tag(), mac.tag());
    }
}
