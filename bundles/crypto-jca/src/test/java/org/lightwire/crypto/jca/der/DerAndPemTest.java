package org.lightwire.crypto.jca.der;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightwire.api.crypto.BadEncodingException;

/** The DER codec and PEM reader: round trips, X.690 examples, and hostile input. */
class DerAndPemTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void encodesX690Examples() {
        // X.690 8.19.5: OID 2.999.3 is 06 03 88 37 03; common OIDs as seen in certificates
        assertArrayEquals(hex("0603883703"), Der.oid("2.999.3"));
        assertArrayEquals(hex("06082a8648ce3d030107"), Der.oid("1.2.840.10045.3.1.7"));
        assertArrayEquals(hex("020100"), Der.integer(0));
        assertArrayEquals(hex("02020080"), Der.integer(128));
        assertArrayEquals(hex("0201ff"), Der.integer(-1));
        assertArrayEquals(hex("0101ff"), Der.bool(true));
        // keyUsage digitalSignature + keyCertSign + cRLSign: 7 unused bits trimmed to 1
        assertArrayEquals(hex("03020186"), Der.namedBits(true, false, false, false, false, true, true));
        assertArrayEquals(hex("170d3235303130323033303430355a"), Der.time(Instant.parse("2025-01-02T03:04:05Z")));
        assertArrayEquals(hex("180f32303530303130313030303030305a"), Der.time(Instant.parse("2050-01-01T00:00:00Z")));
        byte[] longContent = new byte[300];
        byte[] tlv = Der.octetString(longContent);
        assertArrayEquals(hex("0482012c"), java.util.Arrays.copyOf(tlv, 4));
    }

    @Test
    void readsBackWhatItWrites() {
        byte[] der = Der.sequence(Der.integer(BigInteger.valueOf(65537)), Der.oid("1.3.101.112"), Der.octetString(new byte[] {1, 2}),
                Der.bitString(new byte[] {3}), Der.nullValue(), Der.explicit(2, Der.integer(7)));
        DerReader outer = new DerReader(der, "test");
        DerReader r = outer.sequence();
        outer.end();
        assertEquals(BigInteger.valueOf(65537), r.integer());
        assertEquals("1.3.101.112", r.oid());
        assertArrayEquals(new byte[] {1, 2}, r.octetString());
        assertArrayEquals(new byte[] {3}, r.bitString());
        r.nullValue();
        assertTrue(r.nextIsExplicit(2));
        assertEquals(7, r.explicit(2).smallInteger());
        r.end();
    }

    @Test
    void refusesWhatIsNotStrictDer() {
        String[] bad = {
            "3080020100 0000",   // indefinite length
            "3003020100 00",     // trailing byte after the sequence
            "300402010",         // odd hex is not the point: truncated below
            "3005020100",        // length beyond the data
            "30810302 0100",     // long form for a short length
            "3003020200",        // INTEGER length beyond the sequence
            "300402020001",      // non-minimal INTEGER
            "3002 0200",         // empty INTEGER
            "30 85 0100000000",  // 5-byte length field
            "3003 1f0100",       // multi-byte tag
        };
        for (String b : bad) {
            String h = b.replace(" ", "");
            if (h.length() % 2 != 0) {
                h = h.substring(0, h.length() - 1);
            }
            byte[] data = hex(h);
            assertThrows(BadEncodingException.class, () -> {
                DerReader outer = new DerReader(data, "hostile");
                DerReader s = outer.sequence();
                outer.end();
                s.integer();
                s.end();
            }, b);
        }
        assertThrows(BadEncodingException.class, () -> new DerReader(hex("030101"), "t").bitString(), "unused bits");
        assertThrows(BadEncodingException.class, () -> new DerReader(hex("060188"), "t").oid(), "truncated OID");
        assertThrows(BadEncodingException.class, () -> new DerReader(hex("02050100000000"), "t").smallInteger(), "too big");
    }

    @Test
    void deeplyNestedInputCannotRecurse() {
        // 10 000 nested SEQUENCE headers: the caller decides how deep to go, nothing recurses
        byte[] nested = new byte[20000];
        for (int i = 0; i < 10000; i++) {
            nested[2 * i] = 0x30;
            nested[2 * i + 1] = (byte) 0x80;
        }
        assertThrows(BadEncodingException.class, () -> new DerReader(nested, "nested").sequence());
    }

    @Test
    void pemRoundTripsAndIgnoresTextBetweenBlocks() {
        byte[] a = new byte[100];
        byte[] b = {1, 2, 3};
        String text = "Bag Attributes: x\n" + Pem.encode("CERTIFICATE", a) + "comment\n" + Pem.encode("PRIVATE KEY", b);
        List<Pem.Block> blocks = Pem.decode(text.getBytes(StandardCharsets.US_ASCII), "test");
        assertEquals(2, blocks.size());
        assertEquals("CERTIFICATE", blocks.get(0).label());
        assertArrayEquals(a, blocks.get(0).der());
        assertArrayEquals(b, blocks.get(1).der());
        assertTrue(Pem.encode("X", new byte[100]).lines().allMatch(l -> l.length() <= 64 || l.startsWith("-----")));
    }

    @Test
    void pemRefusesMalformedBlocks() {
        String good = Pem.encode("CERTIFICATE", new byte[10]);
        String[] bad = {
            "",
            "-----BEGIN CERTIFICATE-----\nAAAA\n",
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END PRIVATE KEY-----\n",
            "-----BEGIN CERTIFICATE-----\nA*AA\n-----END CERTIFICATE-----\n",
            "-----BEGIN CERTIFICATE-----\n\n-----END CERTIFICATE-----\n",
            "-----BEGIN CERTIFICATE\n",
            "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nAAAA\n-----END RSA PRIVATE KEY-----\n",
            good.replace("-----END CERTIFICATE-----", "") + good,
        };
        for (String s : bad) {
            assertThrows(BadEncodingException.class, () -> Pem.decode(s.getBytes(StandardCharsets.US_ASCII), "hostile"), s);
        }
        byte[] huge = new byte[Pem.MAX_INPUT + 1];
        assertThrows(BadEncodingException.class, () -> Pem.decode(huge, "oversized"));
    }
}
