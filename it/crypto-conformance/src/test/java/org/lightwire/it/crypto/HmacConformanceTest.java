package org.lightwire.it.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.Hmac;

/** RFC 4231 and RFC 2202 HMACs (vectors/hmac.txt). */
class HmacConformanceTest {

    static Stream<Arguments> vectors() {
        return Backends.withVectors("hmac.txt");
    }

    static Stream<CryptoBackend> backends() {
        return Backends.each();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("vectors")
    void macMatchesRfc(CryptoBackend backend, Vectors.Vector v) {
        Hmac h = backend.hmac(HashAlgorithm.valueOf(v.get("algorithm")), v.hex("key"));
        h.update(v.hex("data"));
        byte[] mac = h.mac();
        byte[] expected = v.hex("mac");
        assertArrayEquals(expected, v.has("truncate") ? Arrays.copyOf(mac, Integer.parseInt(v.get("truncate"))) : mac);
        h.update(v.hex("data"));
        assertTrue(h.verify(expected), "verify accepts the RFC value");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void verifyRejectsAlteredAndOverTruncatedMacs(CryptoBackend backend) {
        byte[] key = new byte[32];
        Hmac h = backend.hmac(HashAlgorithm.SHA_256, key);
        h.update(new byte[] {1, 2, 3});
        byte[] mac = h.mac();
        byte[] altered = mac.clone();
        altered[31] ^= 1;
        h.update(new byte[] {1, 2, 3});
        assertFalse(h.verify(altered));
        h.update(new byte[] {1, 2, 3});
        assertFalse(h.verify(Arrays.copyOf(mac, 8)), "8 bytes is below RFC 2104's minimum");
        h.update(new byte[] {1, 2, 3});
        assertFalse(h.verify(new byte[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void emptyKeyIsABadKey(CryptoBackend backend) {
        assertThrows(BadKeyException.class, () -> backend.hmac(HashAlgorithm.SHA_256, new byte[0]));
    }
}
