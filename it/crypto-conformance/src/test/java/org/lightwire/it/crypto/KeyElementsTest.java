package org.lightwire.it.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.EcCurve;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.KeyType;

/** The SPI's key representation: lws element arrays, structural checks, destroy that zeroes. */
class KeyElementsTest {

    static Stream<CryptoBackend> backends() {
        return Backends.each();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void generatedKeysHaveTheLwsElementCounts(CryptoBackend backend) {
        KeyElements ec = backend.ec().generate(EcCurve.P_256);
        assertEquals(4, ec.type().elementCount());
        assertEquals("P-256", new String(ec.element(KeyElements.EC_CRV), java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(32, ec.element(KeyElements.EC_D).length);
        KeyElements rsa = RsaConformanceTest.key(backend);
        assertEquals(8, rsa.type().elementCount());
        for (int i = 0; i < 8; i++) {
            assertTrue(rsa.has(i), "RSA element " + i);
        }
        assertFalse(rsa.publicKey().has(KeyElements.RSA_D));
        assertEquals(2048, rsa.bits());
    }

    @Test
    void destroyZeroesAndLocksTheKey() {
        byte[] secret = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        KeyElements k = KeyElements.oct(secret);
        byte[] before = k.element(KeyElements.OCT_K);
        assertArrayEquals(secret, before);
        k.destroy();
        assertTrue(k.isDestroyed());
        assertThrows(BadKeyException.class, () -> k.element(KeyElements.OCT_K));
        assertThrows(BadKeyException.class, k::isPrivate);
        assertArrayEquals(secret, before, "copies handed out earlier are the caller's");
        assertFalse(k.toString().contains("0011"), k.toString());
    }

    @Test
    void toStringNeverShowsKeyMaterial() {
        KeyElements k = KeyElements.oct(new byte[] {0x7a, 0x7a, 0x7a, 0x7a});
        assertFalse(k.toString().toLowerCase().contains("7a"), k.toString());
        assertEquals("KeyElements[oct 32 bits]", k.toString());
    }

    @Test
    void structureIsCheckedOnConstruction() {
        assertThrows(BadKeyException.class, () -> KeyElements.oct(new byte[0]));
        assertThrows(BadKeyException.class, () -> KeyElements.ec(EcCurve.P_256, new byte[31], new byte[32], null));
        assertThrows(BadKeyException.class, () -> KeyElements.ec(EcCurve.P_384, new byte[48], new byte[48], new byte[32]));
        assertThrows(BadKeyException.class,
                () -> KeyElements.rsa(new byte[] {5}, new byte[] {3}, new byte[] {1}, new byte[] {1}, null, null, null, null),
                "CRT elements all or none");
        assertThrows(BadKeyException.class, () -> KeyElements.rsa(new byte[] {0, 0}, new byte[] {3}, null, null, null, null, null, null));
        assertThrows(BadKeyException.class, () -> KeyElements.of(KeyType.EC, new byte[3][]));
        assertThrows(BadKeyException.class, () -> KeyElements.of(KeyType.EC, "P-999".getBytes(), new byte[32], null, new byte[32]));
        KeyElements viaArray = KeyElements.of(KeyType.RSA, new byte[] {3}, new byte[] {0, 0, 5}, null, null, null, null, null, null);
        assertArrayEquals(new byte[] {5}, viaArray.element(KeyElements.RSA_N), "leading zeros stripped, JWK form");
        assertThrows(BadKeyException.class, () -> KeyElements.oct(new byte[] {1}).publicKey());
    }
}
