package org.lightwire.role.h1.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 9112 section 7.1: chunked transfer coding. */
class ChunkedDecoderTest {

    private final ChunkedDecoder decoder = new ChunkedDecoder(1000, 64, 128);

    /** Decodes what is there; returns the payload, leaves the buffer after the last byte consumed. */
    private String decode(ByteBuffer in) throws HttpWireException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (in.hasRemaining() && !decoder.isComplete()) {
            int n = decoder.payloadAvailable(in);
            if (n == 0) {
                break;
            }
            out.write(in.array(), in.position(), n);
            in.position(in.position() + n);
            decoder.payloadConsumed(n);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void decodesChunksExtensionsAndTrailers() throws Exception {
        ByteBuffer in = bytes("5;name=value\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: t\r\n\r\nNEXT");
        assertEquals("helloabcdefghijklmnopqrstuvwxyz", decode(in));
        assertTrue(decoder.isComplete());
        assertEquals(31, decoder.payloadBytes());
        assertEquals("NEXT", StandardCharsets.ISO_8859_1.decode(in).toString(), "bytes after the body stay unread");
    }

    @Test
    void decodesEveryByteSplit() throws Exception {
        byte[] all = "3\r\nabc\r\n2 ; ext\r\nde\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        StringBuilder payload = new StringBuilder();
        for (byte b : all) {
            payload.append(decode(ByteBuffer.wrap(new byte[] {b})));
        }
        assertEquals("abcde", payload.toString());
        assertTrue(decoder.isComplete());
    }

    @Test
    void leadingZerosAreFineUpTo16Digits() throws Exception {
        assertEquals("a", decode(bytes("0000000000000001\r\na\r\n0\r\n\r\n")));
        assertTrue(decoder.isComplete());
    }

    @Test
    void resetStartsANewBody() throws Exception {
        decode(bytes("1\r\na\r\n0\r\n\r\n"));
        decoder.reset();
        assertFalse(decoder.isComplete());
        assertEquals("b", decode(bytes("1\r\nb\r\n0\r\n\r\n")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "non-hex size                      | g\\r\\n                             | 400",
        "empty size                        | \\r\\n                              | 400",
        "negative size                     | -1\\r\\n                            | 400",
        "size with 0x prefix               | 0x5\\r\\n                           | 400",
        "17 hex digits                     | 00000000000000001\\r\\n             | 400",
        "overflowing size                  | ffffffffffffffff\\r\\n              | 400",
        "largest size over the body limit  | 7fffffffffffffff\\r\\n              | 413",
        "size over the body limit          | 3e9\\r\\n                           | 413",
        "bare LF after the size            | 1\\na\\r\\n                         | 400",
        "bare CR after the size            | 1\\ra\\r\\n                         | 400",
        "data longer than its size         | 1\\r\\nab\\r\\n                     | 400",
        "data followed by a bare LF        | 1\\r\\na\\n                         | 400",
        "control character in an extension | 1;a\\0b\\r\\na\\r\\n                | 400",
        "bare LF in an extension           | 1;a\\nb\\r\\n                       | 400",
        "extension over the line limit     | 1;aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\\r\\n | 400",
        "junk after the size               | 1 x\\r\\n                           | 400",
        "trailer without a colon           | 0\\r\\nbad\\r\\n\\r\\n               | 400",
        "folded trailer                    | 0\\r\\nA: b\\r\\n c\\r\\n\\r\\n      | 400",
        "bare LF in a trailer              | 0\\r\\nA: b\\n\\r\\n                 | 400",
        "NUL in a trailer                  | 0\\r\\nA: \\0\\r\\n\\r\\n            | 400",
        "bare CR ending the trailers       | 0\\r\\n\\rx                          | 400",
    })
    void refuses(String rule, String body, int status) {
        HttpWireException e = assertThrows(HttpWireException.class, () -> decode(bytes(HeadReaderTest.unescape(body))), rule);
        assertEquals(status, e.status(), rule + ": " + e.getMessage());
    }

    @Test
    void trailerSectionOverItsLimitIsRefused() {
        String trailers = "0\r\n" + ("X: " + "v".repeat(40) + "\r\n").repeat(4) + "\r\n";
        HttpWireException e = assertThrows(HttpWireException.class, () -> decode(bytes(trailers)));
        assertEquals(400, e.status());
    }

    @Test
    void manySmallChunksAddUpToTheBodyLimit() {
        String body = "64\r\n" + "x".repeat(100) + "\r\n";
        HttpWireException e = assertThrows(HttpWireException.class, () -> decode(bytes(body.repeat(11))));
        assertEquals(413, e.status());
    }
}
