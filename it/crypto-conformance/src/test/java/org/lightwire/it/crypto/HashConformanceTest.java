package org.lightwire.it.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightwire.api.crypto.BadParameterException;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.Hash;
import org.lightwire.api.crypto.HashAlgorithm;

/** FIPS 180-4 digests (vectors/sha.txt), one-shot and incremental. */
class HashConformanceTest {

    static Stream<Arguments> vectors() {
        return Backends.withVectors("sha.txt");
    }

    static Stream<CryptoBackend> backends() {
        return Backends.each();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("vectors")
    void digestMatchesFips180(CryptoBackend backend, Vectors.Vector v) {
        Hash h = backend.hash(HashAlgorithm.valueOf(v.get("algorithm")));
        byte[] unit = v.get("message").getBytes(StandardCharsets.US_ASCII);
        int repeat = v.has("repeat") ? Integer.parseInt(v.get("repeat")) : 1;
        for (int i = 0; i < repeat; i++) {
            h.update(unit);
        }
        assertArrayEquals(v.hex("digest"), h.digest());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void incrementalInAnySplitEqualsOneShot(CryptoBackend backend) {
        Random r = new Random(180);
        byte[] data = new byte[5000];
        r.nextBytes(data);
        for (HashAlgorithm a : HashAlgorithm.values()) {
            byte[] whole = backend.digest(a, data);
            Hash h = backend.hash(a);
            int at = 0;
            while (at < data.length) {
                int n = Math.min(data.length - at, r.nextInt(200));
                if (r.nextBoolean()) {
                    h.update(data, at, n);
                } else {
                    h.update(ByteBuffer.wrap(data, at, n));
                }
                at += n;
            }
            byte[] out = new byte[a.digestLength() + 3];
            h.digest(out, 3);
            assertArrayEquals(whole, java.util.Arrays.copyOfRange(out, 3, out.length), a.name());
            // digest resets: the same data again gives the same digest
            h.update(data);
            assertArrayEquals(whole, h.digest(), a + " after reset");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void digestIntoTooSmallArrayIsRefused(CryptoBackend backend) {
        Hash h = backend.hash(HashAlgorithm.SHA_256);
        assertThrows(BadParameterException.class, () -> h.digest(new byte[40], 10));
    }
}
