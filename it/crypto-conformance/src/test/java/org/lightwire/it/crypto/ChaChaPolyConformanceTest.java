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
import org.lightwire.api.crypto.Aead;
import org.lightwire.api.crypto.AuthenticationFailedException;
import org.lightwire.api.crypto.BadInputException;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.Poly1305;
import org.lightwire.api.crypto.StreamCipher;

/** RFC 8439 ChaCha20 (both nonce layouts), Poly1305 and the AEAD. */
class ChaChaPolyConformanceTest {

    static Stream<Arguments> chacha() {
        return Backends.withVectors("chacha20.txt");
    }

    static Stream<Arguments> poly() {
        return Backends.withVectors("poly1305.txt");
    }

    static Stream<Arguments> aead() {
        return Backends.withVectors("chacha20-poly1305.txt");
    }

    static Stream<CryptoBackend> backends() {
        return Backends.each();
    }

    static Stream<Arguments> pairs() {
        return Backends.pairs();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("chacha")
    void rfc8439LayoutMatches(CryptoBackend backend, Vectors.Vector v) {
        StreamCipher c = backend.chacha20(v.hex("key"), v.hex("nonce"), Long.parseLong(v.get("counter")));
        assertArrayEquals(v.hex("ciphertext"), AesLikePieces.feed(c, v.hex("plaintext")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("chacha")
    void openSshLayoutMatchesTheSameKeystream(CryptoBackend backend, Vectors.Vector v) {
        byte[] n12 = v.hex("nonce");
        long high = (n12[0] & 0xffL) | (n12[1] & 0xffL) << 8 | (n12[2] & 0xffL) << 16 | (n12[3] & 0xffL) << 24;
        long counter = (high << 32) | Long.parseLong(v.get("counter"));
        StreamCipher c = backend.chacha20(v.hex("key"), Arrays.copyOfRange(n12, 4, 12), counter);
        assertArrayEquals(v.hex("ciphertext"), AesLikePieces.feed(c, v.hex("plaintext")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void rfc8439CounterMayNotWrap(CryptoBackend backend) {
        StreamCipher c = backend.chacha20(new byte[32], new byte[12], 0xFFFF_FFFFL);
        c.update(new byte[64]);
        assertThrows(BadInputException.class, () -> c.update(new byte[1]));
        assertThrows(BadParameterException.class, () -> backend.chacha20(new byte[32], new byte[12], 1L << 32));
        assertThrows(BadParameterException.class, () -> backend.chacha20(new byte[32], new byte[10], 0));
        assertThrows(BadKeyException.class, () -> backend.chacha20(new byte[16], new byte[12], 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void openSshLayoutCarriesTheCounterIntoTheHighWord(CryptoBackend backend) {
        // block 2^32-1 then 2^32: the second must be the RFC layout's block 0 with nonce word 1
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        byte[] nonce8 = {1, 2, 3, 4, 5, 6, 7, 8};
        byte[] two = backend.chacha20(key, nonce8, 0xFFFF_FFFFL).update(new byte[128]);
        byte[] n12 = {1, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8};
        assertArrayEquals(backend.chacha20(key, n12, 0).update(new byte[64]), Arrays.copyOfRange(two, 64, 128));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("poly")
    void poly1305Matches(CryptoBackend backend, Vectors.Vector v) {
        Poly1305 p = backend.poly1305(v.hex("key"));
        byte[] m = v.hex("message");
        p.update(m, 0, m.length / 3);
        p.update(m, m.length / 3, m.length - m.length / 3);
        assertArrayEquals(v.hex("tag"), p.tag());
        assertThrows(IllegalStateException.class, p::tag, "one-time key");
        Poly1305 q = backend.poly1305(v.hex("key"));
        q.update(m);
        assertTrue(q.verify(v.hex("tag")));
        Poly1305 r = backend.poly1305(v.hex("key"));
        r.update(m);
        byte[] bad = v.hex("tag");
        bad[15] ^= 1;
        assertFalse(r.verify(bad));
        assertThrows(BadKeyException.class, () -> backend.poly1305(new byte[16]));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("aead")
    void aeadMatchesAndRejectsTampering(CryptoBackend backend, Vectors.Vector v) {
        Aead a = backend.chacha20Poly1305();
        byte[] sealed = AesConformanceTest.concat(v.hex("ciphertext"), v.hex("tag"));
        assertArrayEquals(sealed, a.seal(v.hex("key"), v.hex("nonce"), v.hex("aad"), v.hex("plaintext")));
        assertArrayEquals(v.hex("plaintext"), a.open(v.hex("key"), v.hex("nonce"), v.hex("aad"), sealed));
        byte[] altered = sealed.clone();
        altered[5] ^= 1;
        assertThrows(AuthenticationFailedException.class, () -> a.open(v.hex("key"), v.hex("nonce"), v.hex("aad"), altered));
        assertThrows(AuthenticationFailedException.class, () -> a.open(v.hex("key"), v.hex("nonce"), new byte[0], sealed));
        assertThrows(BadInputException.class, () -> a.open(v.hex("key"), v.hex("nonce"), v.hex("aad"), new byte[15]));
        assertThrows(BadParameterException.class, () -> a.seal(v.hex("key"), new byte[8], v.hex("aad"), new byte[1]));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void outputOfOneBackendOpensOnTheOther(CryptoBackend a, CryptoBackend b) {
        Random r = new Random(8439);
        byte[] key = new byte[32];
        r.nextBytes(key);
        byte[] data = new byte[777];
        r.nextBytes(data);
        byte[] nonce = new byte[12];
        r.nextBytes(nonce);
        assertArrayEquals(data, b.chacha20Poly1305().open(key, nonce, nonce, a.chacha20Poly1305().seal(key, nonce, nonce, data)));
        for (byte[] n : new byte[][] {nonce, Arrays.copyOf(nonce, 8)}) {
            byte[] ct = AesLikePieces.feed(a.chacha20(key, n, 1), data);
            assertArrayEquals(data, b.chacha20(key, n, 1).update(ct));
        }
        Poly1305 pa = a.poly1305(key);
        pa.update(data);
        Poly1305 pb = b.poly1305(key);
        pb.update(data);
        assertArrayEquals(pa.tag(), pb.tag());
    }

    /** Feeds a stream cipher in uneven pieces. */
    static final class AesLikePieces {
        private AesLikePieces() {
        }

        static byte[] feed(StreamCipher c, byte[] in) {
            byte[] out = new byte[in.length];
            int[] sizes = {1, 63, 64, 3, 65};
            int at = 0;
            for (int i = 0; at < in.length; i++) {
                int n = Math.min(sizes[i % sizes.length], in.length - at);
                c.update(in, at, n, out, at);
                at += n;
            }
            return out;
        }
    }
}
