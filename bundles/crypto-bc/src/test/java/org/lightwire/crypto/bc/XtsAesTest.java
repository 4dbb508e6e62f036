package org.lightwire.crypto.bc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** XTS-AES against IEEE 1619-2007 Annex B, including its ciphertext-stealing vectors 15-18. */
class XtsAesTest {

    private static byte[] encrypt(String key, String tweak, byte[] plain) {
        byte[] out = new byte[plain.length];
        new XtsAes(Hex.decode(key), true).process(Hex.decode(tweak), plain, 0, plain.length, out, 0);
        return out;
    }

    private static byte[] decrypt(String key, String tweak, byte[] cipher) {
        byte[] out = new byte[cipher.length];
        new XtsAes(Hex.decode(key), false).process(Hex.decode(tweak), cipher, 0, cipher.length, out, 0);
        return out;
    }

    @Test
    void ieee1619Vector2() {
        String key = "11111111111111111111111111111111" + "22222222222222222222222222222222";
        String tweak = "33333333330000000000000000000000";
        byte[] plain = Hex.decode("4444444444444444444444444444444444444444444444444444444444444444");
        byte[] expected = Hex.decode("c454185e6a16936e39334038acef838bfb186fff7480adc4289382ecd6d394f0");
        assertArrayEquals(expected, encrypt(key, tweak, plain));
        assertArrayEquals(plain, decrypt(key, tweak, expected));
    }

    @Test
    void ieee1619Vectors15To18UseCiphertextStealing() {
        String key = "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0" + "bfbebdbcbbbab9b8b7b6b5b4b3b2b1b0";
        String tweak = "9a785634120000000000000000000000";
        String[] expected = {
            "6c1625db4671522d3d7599601de7ca09ed",
            "d069444b7a7e0cab09e24447d24deb1fedbf",
            "e5df1351c0544ba1350b3363cd8ef4beedbf9d",
            "9d84c813f719aa2c7be3f66171c7c5c2edbf9dac",
        };
        for (int i = 0; i < expected.length; i++) {
            byte[] plain = new byte[17 + i];
            for (int j = 0; j < plain.length; j++) {
                plain[j] = (byte) j;
            }
            assertArrayEquals(Hex.decode(expected[i]), encrypt(key, tweak, plain), "vector " + (15 + i));
            assertArrayEquals(plain, decrypt(key, tweak, Hex.decode(expected[i])), "vector " + (15 + i));
        }
    }

    @Test
    void everyLengthRoundTripsInPlaceWithBothKeySizes() {
        Random r = new Random(1619);
        for (int keyLength : new int[] {32, 64}) {
            byte[] key = new byte[keyLength];
            r.nextBytes(key);
            byte[] tweak = new byte[16];
            r.nextBytes(tweak);
            for (int n = 16; n <= 100; n++) {
                byte[] plain = new byte[n];
                r.nextBytes(plain);
                byte[] buf = plain.clone();
                new XtsAes(key, true).process(tweak, buf, 0, n, buf, 0);
                new XtsAes(key, false).process(tweak, buf, 0, n, buf, 0);
                assertArrayEquals(plain, buf, "length " + n);
            }
        }
    }

    @Test
    void equalKeyHalvesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new XtsAes(new byte[32], true));
    }

    @Test
    void unitShorterThanABlockIsRefused() {
        XtsAes xts = new XtsAes(Hex.decode("000102030405060708090a0b0c0d0e0f" + "101112131415161718191a1b1c1d1e1f"), true);
        assertThrows(IllegalArgumentException.class, () -> xts.process(new byte[16], new byte[15], 0, 15, new byte[15], 0));
        assertThrows(IllegalArgumentException.class, () -> xts.process(new byte[15], new byte[16], 0, 16, new byte[16], 0));
    }
}
