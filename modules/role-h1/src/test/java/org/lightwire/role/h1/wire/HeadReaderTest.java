package org.lightwire.role.h1.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lightwire.api.http.HttpFields;

/** RFC 9112 sections 2 and 5: the message head, strictly. */
class HeadReaderTest {

    private final HeadReader reader = new HeadReader(64, 256, 4, 414);

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void readsStartLineAndFieldsAndStopsAfterTheEmptyLine() throws Exception {
        ByteBuffer in = bytes("GET / HTTP/1.1\r\nHost: a\r\nX-Y:  v  w \t\r\n\r\nBODY");

        assertTrue(reader.feed(in));

        assertEquals("GET / HTTP/1.1", reader.startLine());
        HttpFields f = reader.fields();
        assertEquals(2, f.size());
        assertEquals("host", f.name(0));
        assertEquals("a", f.value(0));
        assertEquals("v  w", f.value(1), "outer whitespace trimmed, inner kept");
        assertEquals("BODY", StandardCharsets.ISO_8859_1.decode(in).toString(), "bytes after the head stay unread");
    }

    @Test
    void acceptsAnySplitOfTheInput() throws Exception {
        byte[] all = "GET /x HTTP/1.1\r\nHost: h\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        for (byte b : all) {
            assertFalse(reader.isComplete());
            reader.feed(ByteBuffer.wrap(new byte[] {b}));
        }
        assertTrue(reader.isComplete());
        assertEquals("h", reader.fields().get("host").orElseThrow());
    }

    @Test
    void skipsEmptyLinesBeforeTheStartLine() throws Exception {
        assertTrue(reader.feed(bytes("\r\n\r\nGET / HTTP/1.1\r\n\r\n")));
        assertEquals("GET / HTTP/1.1", reader.startLine());
    }

    @Test
    void resetReadsTheNextHead() throws Exception {
        reader.feed(bytes("GET /1 HTTP/1.1\r\nA: 1\r\n\r\n"));
        reader.reset();
        assertFalse(reader.started());
        assertTrue(reader.feed(bytes("GET /2 HTTP/1.1\r\n\r\n")));
        assertEquals("GET /2 HTTP/1.1", reader.startLine());
        assertEquals(0, reader.fields().size());
    }

    @Test
    void obsTextIsAllowedInValues() throws Exception {
        assertTrue(reader.feed(bytes("GET / HTTP/1.1\r\nX: caf\u00e9\r\n\r\n")));
        assertEquals("caf\u00e9", reader.fields().value(0));
    }

    @Test
    void nameEqualsIgnoresCase() throws Exception {
        reader.feed(bytes("GET / HTTP/1.1\r\nContent-LENGTH: 1\r\n\r\n"));
        assertTrue(reader.nameEquals(0, "content-length"));
        assertFalse(reader.nameEquals(0, "content-type"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bare LF ending the start line       | GET / HTTP/1.1\\nHost: a\\r\\n\\r\\n                | 400",
        "bare LF ending a field             | GET / HTTP/1.1\\r\\nHost: a\\n\\r\\n                | 400",
        "bare LF ending the head            | GET / HTTP/1.1\\r\\nHost: a\\r\\n\\n                | 400",
        "bare CR in the start line          | GET /\\r HTTP/1.1\\r\\n\\r\\n                        | 400",
        "bare CR in a value                 | GET / HTTP/1.1\\r\\nX: a\\rb\\r\\n\\r\\n             | 400",
        "NUL in a value                     | GET / HTTP/1.1\\r\\nX: a\\0b\\r\\n\\r\\n             | 400",
        "NUL in the start line              | GET /\\0 HTTP/1.1\\r\\n\\r\\n                        | 400",
        "DEL in a value                     | GET / HTTP/1.1\\r\\nX: a\\x7fb\\r\\n\\r\\n           | 400",
        "space before the colon             | GET / HTTP/1.1\\r\\nHost : a\\r\\n\\r\\n              | 400",
        "tab before the colon               | GET / HTTP/1.1\\r\\nHost\\t: a\\r\\n\\r\\n            | 400",
        "obs-fold continuation              | GET / HTTP/1.1\\r\\nX: a\\r\\n b\\r\\n\\r\\n          | 400",
        "obs-fold with a tab                | GET / HTTP/1.1\\r\\nX: a\\r\\n\\tb\\r\\n\\r\\n        | 400",
        "field without a colon              | GET / HTTP/1.1\\r\\nNoColon\\r\\n\\r\\n               | 400",
        "empty field name                   | GET / HTTP/1.1\\r\\n: v\\r\\n\\r\\n                   | 400",
        "non-token name                     | GET / HTTP/1.1\\r\\nX(y): v\\r\\n\\r\\n                | 400",
        "non-ASCII name                     | GET / HTTP/1.1\\r\\nX\\xe9: v\\r\\n\\r\\n              | 400",
        "start line over the limit          | GET /aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa HTTP/1.1\\r\\n | 414",
        "too many fields                    | GET / HTTP/1.1\\r\\nA: 1\\r\\nB: 1\\r\\nC: 1\\r\\nD: 1\\r\\nE: 1\\r\\n\\r\\n | 431",
    })
    void refuses(String rule, String message, int status) {
        HttpWireException e = assertThrows(HttpWireException.class, () -> reader.feed(bytes(unescape(message))), rule);
        assertEquals(status, e.status(), rule + ": " + e.getMessage());
    }

    @Test
    void fieldSectionOverTheLimitIs431() {
        String big = "X: " + "v".repeat(300) + "\r\n";
        HttpWireException e = assertThrows(HttpWireException.class, () -> reader.feed(bytes("GET / HTTP/1.1\r\n" + big)));
        assertEquals(431, e.status());
    }

    @Test
    void leadingEmptyLinesCountTowardsTheStartLineLimit() {
        HttpWireException e = assertThrows(HttpWireException.class, () -> reader.feed(bytes("\r\n".repeat(40))));
        assertEquals(414, e.status());
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'r' -> b.append('\r');
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case '0' -> b.append('\0');
                case 'x' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> b.append(n);
            }
        }
        return b.toString();
    }
}
