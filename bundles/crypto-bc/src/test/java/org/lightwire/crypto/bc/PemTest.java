package org.lightwire.crypto.bc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightwire.api.crypto.BadEncodingException;
import org.lightwire.api.crypto.BadParameterException;

/** RFC 7468 reading and writing, with malformed, truncated and hostile text. */
class PemTest {

    private static List<Pem.Block> read(String s) {
        return Pem.read(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void writesSixtyFourColumnsAndReadsItBack() {
        byte[] der = new byte[100];
        for (int i = 0; i < der.length; i++) {
            der[i] = (byte) i;
        }
        String pem = Pem.write("CERTIFICATE", der);
        String[] lines = pem.split("\n");
        assertEquals("-----BEGIN CERTIFICATE-----", lines[0]);
        assertEquals(64, lines[1].length());
        assertEquals("-----END CERTIFICATE-----", lines[lines.length - 1]);
        assertTrue(pem.endsWith("\n"));
        assertArrayEquals(der, read(pem).get(0).der());
        assertArrayEquals(der, read(pem.replace("\n", "\r\n")).get(0).der(), "CRLF line ends");
    }

    @Test
    void blocksAreNumberedAndTextBetweenIsIgnored() {
        String two = "hello\n" + Pem.write("A", new byte[] {1}) + "between\n" + Pem.write("B B", new byte[] {2}) + "tail";
        List<Pem.Block> blocks = read(two);
        assertEquals(2, blocks.size());
        assertEquals("PEM block #2 (B B)", blocks.get(1).name());
    }

    @Test
    void malformedBlocksNameTheirNumberAndLabel() {
        BadEncodingException e = assertThrows(BadEncodingException.class,
                () -> read(Pem.write("A", new byte[] {1}) + "-----BEGIN B-----\nAQ==\n-----END C-----\n"));
        assertTrue(e.getMessage().contains("#2 (B)"), e.getMessage());
        assertThrows(BadEncodingException.class, () -> read("-----BEGIN A-----\nAQ=="), "truncated: no END");
        assertThrows(BadEncodingException.class, () -> read("-----BEGIN A-----\n-----END A-----\n"), "empty body");
        assertThrows(BadEncodingException.class, () -> read("-----BEGIN A-----\nA*Q==\n-----END A-----\n"), "not base64");
        assertThrows(BadEncodingException.class, () -> read("-----BEGIN A\nAQ==\n-----END A-----\n"), "broken BEGIN line");
        assertThrows(BadEncodingException.class,
                () -> read("-----BEGIN A-----\nAQ==\n-----BEGIN B-----\nAQ==\n-----END B-----\n-----END A-----\n"), "nested");
    }

    @Test
    void encryptedHeadersAreNoticed() {
        List<Pem.Block> b = read("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: X,00\n\nAQ==\n"
                + "-----END RSA PRIVATE KEY-----\n");
        assertTrue(b.get(0).encryptedHeader());
        assertArrayEquals(new byte[] {1}, b.get(0).der());
    }

    @Test
    void hostileSizesStayLinear() {
        // a megabyte of dashes and BEGIN fragments must neither hang nor blow up
        String junk = "-----BEGIN ".repeat(100_000);
        assertThrows(BadEncodingException.class, () -> read(junk));
        assertEquals(0, read("x".repeat(1 << 20)).size());
    }

    @Test
    void badLabelsAreRefusedWhenWriting() {
        assertThrows(BadParameterException.class, () -> Pem.write("", new byte[1]));
        assertThrows(BadParameterException.class, () -> Pem.write("A-B", new byte[1]));
        assertThrows(BadParameterException.class, () -> Pem.write("A\nB", new byte[1]));
    }
}
