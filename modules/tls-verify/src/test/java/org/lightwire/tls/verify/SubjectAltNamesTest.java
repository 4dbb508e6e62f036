package org.lightwire.tls.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SubjectAltNames} on well-formed, truncated, oversized and hostile extension DER. */
class SubjectAltNamesTest {

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    // OCTET STRING { SEQUENCE { [2] "a.b", [7] 7f000001, [1] "x@y" (rfc822Name, skipped) } }
    private static final byte[] GOOD = bytes(0x04, 0x12, 0x30, 0x10, 0x82, 0x03, 'a', '.', 'b', 0x87, 0x04, 127, 0, 0, 1,
            0x81, 0x03, 'x', '@', 'y');

    @Test
    void readsNamesAndRawAddressesAndSkipsOtherKinds() {
        List<List<?>> names = SubjectAltNames.parse(GOOD);
        assertEquals(2, names.size());
        assertEquals(List.of(2, "a.b"), names.get(0));
        assertEquals(7, names.get(1).get(0));
        assertArrayEquals(bytes(127, 0, 0, 1), (byte[]) names.get(1).get(1));
        assertTrue(SubjectAltNames.parse(null).isEmpty());
        assertTrue(SubjectAltNames.parse(bytes(0x04, 0x02, 0x30, 0x00)).isEmpty(), "an empty GeneralNames");
    }

    @Test
    void longFormLengthsAreRead() {
        byte[] name = new byte[200];
        java.util.Arrays.fill(name, (byte) 'a');
        byte[] der = new byte[3 + 3 + 3 + 200];
        System.arraycopy(bytes(0x04, 0x81, 206, 0x30, 0x81, 203, 0x82, 0x81, 200), 0, der, 0, 9);
        System.arraycopy(name, 0, der, 9, 200);
        assertEquals(new String(name, java.nio.charset.StandardCharsets.US_ASCII), SubjectAltNames.parse(der).get(0).get(1));
    }

    @Test
    void truncatedInputIsRefused() {
        for (int cut = 0; cut < GOOD.length; cut++) {
            byte[] part = java.util.Arrays.copyOf(GOOD, cut);
            assertThrows(IllegalArgumentException.class, () -> SubjectAltNames.parse(part), "cut at " + cut);
        }
    }

    @Test
    void lengthsPastTheEndAndTrailingBytesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SubjectAltNames.parse(bytes(0x04, 0x04, 0x30, 0x02, 0x82, 0x7f)),
                "an entry longer than its sequence");
        assertThrows(IllegalArgumentException.class,
                () -> SubjectAltNames.parse(bytes(0x04, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x30, 0x00)), "a 2 GiB length");
        assertThrows(IllegalArgumentException.class,
                () -> SubjectAltNames.parse(bytes(0x04, 0x85, 0, 0, 0, 0, 2, 0x30, 0x00)), "more length bytes than an int");
        assertThrows(IllegalArgumentException.class, () -> SubjectAltNames.parse(bytes(0x04, 0x80, 0x30, 0x00, 0, 0)),
                "BER indefinite length");
        assertThrows(IllegalArgumentException.class, () -> SubjectAltNames.parse(bytes(0x04, 0x02, 0x30, 0x00, 0x00)),
                "a byte after the extension value");
        assertThrows(IllegalArgumentException.class, () -> SubjectAltNames.parse(bytes(0x04, 0x03, 0x30, 0x00, 0x00)),
                "a byte after GeneralNames inside the octets");
    }

    @Test
    void wrongTagsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SubjectAltNames.parse(bytes(0x30, 0x02, 0x30, 0x00)));
        assertThrows(IllegalArgumentException.class, () -> SubjectAltNames.parse(bytes(0x04, 0x02, 0x31, 0x00)));
        assertThrows(IllegalArgumentException.class, () -> SubjectAltNames.parse(bytes(0x04, 0x04, 0x30, 0x02, 0x9f, 0x00)),
                "a multi-byte tag");
        assertThrows(IllegalArgumentException.class, () -> SubjectAltNames.parse(new byte[0]));
    }
}
