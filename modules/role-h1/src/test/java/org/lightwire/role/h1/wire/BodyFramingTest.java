package org.lightwire.role.h1.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lightwire.api.http.HttpFields;

/** RFC 9112 section 6.3 and the request smuggling defences built on it. */
class BodyFramingTest {

    private static HttpFields fields(String... nameValues) {
        HttpFields.Builder b = HttpFields.builder();
        for (int i = 0; i < nameValues.length; i += 2) {
            b.add(nameValues[i], nameValues[i + 1]);
        }
        return b.build();
    }

    @Test
    void noFramingFieldsMeansNoBody() throws Exception {
        assertEquals(BodyFraming.NONE, BodyFraming.ofRequest(fields(), false));
    }

    @Test
    void contentLengthZeroIsNoBody() throws Exception {
        assertEquals(BodyFraming.Kind.NONE, BodyFraming.ofRequest(fields("content-length", "0"), false).kind());
    }

    @Test
    void contentLength() throws Exception {
        BodyFraming f = BodyFraming.ofRequest(fields("content-length", "42"), false);
        assertEquals(BodyFraming.Kind.LENGTH, f.kind());
        assertEquals(42, f.length());
    }

    @Test
    void repeatedEqualContentLengthsAreOne() throws Exception {
        assertEquals(7, BodyFraming.ofRequest(fields("content-length", "7", "content-length", "7, 7"), false).length());
    }

    @Test
    void chunkedInAnyCase() throws Exception {
        assertEquals(BodyFraming.CHUNKED, BodyFraming.ofRequest(fields("transfer-encoding", "ChUnKeD"), false));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "CL.TE: both framings                  | content-length     | 5             | transfer-encoding | chunked | 400",
        "TE.CL: both framings, TE first        | transfer-encoding  | chunked       | content-length    | 5       | 400",
        "differing Content-Lengths             | content-length     | 5             | content-length    | 6       | 400",
        "TE.TE: chunked twice                  | transfer-encoding  | chunked       | transfer-encoding | chunked | 400",
        "TE.TE: chunked not last               | transfer-encoding  | chunked       | transfer-encoding | gzip    | 400",
        "TE.TE: unknown coding before chunked  | transfer-encoding  | gzip          | transfer-encoding | chunked | 501",
    })
    void refusesPairs(String rule, String n1, String v1, String n2, String v2, int status) {
        HttpWireException e = assertThrows(HttpWireException.class,
                () -> BodyFraming.ofRequest(fields(n1, v1, n2, v2), false), rule);
        assertEquals(status, e.status(), rule);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "signed length           | content-length    | +5              | 400",
        "negative length         | content-length    | -1              | 400",
        "hex length              | content-length    | 0x5             | 400",
        "length with space       | content-length    | 5 5             | 400",
        "empty length            | content-length    | ''              | 400",
        "overflowing length      | content-length    | 99999999999999999999 | 400",
        "comma list that differs | content-length    | '5, 6'          | 400",
        "identity coding         | transfer-encoding | identity        | 400",
        "gzip only               | transfer-encoding | gzip            | 400",
        "gzip then chunked       | transfer-encoding | 'gzip, chunked' | 501",
        "chunked with junk       | transfer-encoding | chunked-x       | 400",
        "empty element           | transfer-encoding | ', chunked'     | 400",
        "quoted chunked          | transfer-encoding | '\"chunked\"'   | 400",
    })
    void refusesValues(String rule, String name, String value, int status) {
        HttpWireException e = assertThrows(HttpWireException.class, () -> BodyFraming.ofRequest(fields(name, value), false), rule);
        assertEquals(status, e.status(), rule);
    }

    @Test
    void transferEncodingOnHttp10IsRefused() {
        HttpWireException e = assertThrows(HttpWireException.class,
                () -> BodyFraming.ofRequest(fields("transfer-encoding", "chunked"), true));
        assertEquals(400, e.status());
    }

    @Test
    void responseFramingForClients() throws Exception {
        assertEquals(BodyFraming.NONE, BodyFraming.ofResponse(fields("content-length", "5"), 200, true));
        assertEquals(BodyFraming.NONE, BodyFraming.ofResponse(fields("content-length", "5"), 304, false));
        assertEquals(BodyFraming.NONE, BodyFraming.ofResponse(fields(), 204, false));
        assertEquals(BodyFraming.CHUNKED, BodyFraming.ofResponse(fields("transfer-encoding", "gzip, chunked"), 200, false));
        assertEquals(BodyFraming.UNTIL_CLOSE, BodyFraming.ofResponse(fields("transfer-encoding", "gzip"), 200, false));
        assertEquals(BodyFraming.UNTIL_CLOSE, BodyFraming.ofResponse(fields(), 200, false));
        assertEquals(5, BodyFraming.ofResponse(fields("content-length", "5"), 200, false).length());
    }
}
