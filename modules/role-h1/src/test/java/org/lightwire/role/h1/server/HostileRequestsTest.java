package org.lightwire.role.h1.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Mount;
import org.lightwire.api.Options;
import org.lightwire.api.VhostSettings;
import org.lightwire.core.embedded.EmbeddedConnection;

/**
 * Malformed and hostile requests: each gets exactly the status named here, with
 * {@code Connection: close}, the connection then closes, and a request smuggled after the
 * hostile bytes is never answered nor seen by the protocol.
 */
class HostileRequestsTest {

    static final String SMUGGLED = "GET /smuggled HTTP/1.1\r\nHost: localhost\r\n\r\n";
    private static final String H = "Host: localhost\r\n";

    static ContextSettings settings() {
        VhostSettings vhost = VhostSettings.builder("localhost").protocol("echo", Options.EMPTY)
                .mount(Mount.builder("/", "callback://echo").build()).build();
        return H1Server.settings(vhost).build();
    }

    static Stream<Arguments> hostile() {
        String longLine = "GET /" + "a".repeat(300) + " HTTP/1.1\r\n" + H + "\r\n";
        StringBuilder manyFields = new StringBuilder("GET / HTTP/1.1\r\n" + H);
        for (int i = 0; i < 21; i++) {
            manyFields.append("X-F").append(i).append(": v\r\n");
        }
        manyFields.append("\r\n");
        String bigFields = "GET / HTTP/1.1\r\n" + H + "X-Big: " + "b".repeat(1100) + "\r\n\r\n";
        return Stream.of(
                // request smuggling: conflicting framings
                Arguments.of("CL.TE: Content-Length and chunked", "POST / HTTP/1.1\r\n" + H
                        + "Content-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nX", 400),
                Arguments.of("TE.CL: chunked and Content-Length", "POST / HTTP/1.1\r\n" + H
                        + "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n5c\r\n", 400),
                Arguments.of("TE with Content-Length 0", "POST / HTTP/1.1\r\n" + H
                        + "Transfer-Encoding: chunked\r\nContent-Length: 0\r\n\r\n", 400),
                Arguments.of("TE.TE: chunked twice", "POST / HTTP/1.1\r\n" + H
                        + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
                Arguments.of("TE.TE: chunked then identity", "POST / HTTP/1.1\r\n" + H
                        + "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n", 400),
                Arguments.of("TE.TE: gzip, chunked", "POST / HTTP/1.1\r\n" + H
                        + "Transfer-Encoding: gzip, chunked\r\n\r\n", 501),
                Arguments.of("TE.TE: xchunked", "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: xchunked\r\n\r\n", 400),
                Arguments.of("TE.TE: quoted chunked", "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: \"chunked\"\r\n\r\n", 400),
                Arguments.of("TE.TE: obs-folded chunked", "POST / HTTP/1.1\r\n" + H
                        + "Transfer-Encoding:\r\n chunked\r\n\r\n", 400),
                Arguments.of("TE.TE: space before colon", "POST / HTTP/1.1\r\n" + H
                        + "Transfer-Encoding : chunked\r\n\r\n", 400),
                Arguments.of("TE on HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
                Arguments.of("differing Content-Lengths", "POST / HTTP/1.1\r\n" + H
                        + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", 400),
                Arguments.of("Content-Length list that differs", "POST / HTTP/1.1\r\n" + H
                        + "Content-Length: 3, 4\r\n\r\nabcd", 400),
                Arguments.of("signed Content-Length", "POST / HTTP/1.1\r\n" + H + "Content-Length: +3\r\n\r\nabc", 400),
                Arguments.of("negative Content-Length", "POST / HTTP/1.1\r\n" + H + "Content-Length: -1\r\n\r\n", 400),
                Arguments.of("hex Content-Length", "POST / HTTP/1.1\r\n" + H + "Content-Length: 0x3\r\n\r\nabc", 400),
                Arguments.of("overflowing Content-Length", "POST / HTTP/1.1\r\n" + H
                        + "Content-Length: 99999999999999999999999\r\n\r\n", 400),
                Arguments.of("Content-Length over http-max-body-bytes", "POST / HTTP/1.1\r\n" + H
                        + "Content-Length: 5000\r\n\r\n", 413),
                // chunked bodies
                Arguments.of("chunked body over http-max-body-bytes", "POST / HTTP/1.1\r\n" + H
                        + "Transfer-Encoding: chunked\r\n\r\n1001\r\n", 413),
                Arguments.of("non-hex chunk size", "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
                Arguments.of("chunk size of 17 digits", "POST / HTTP/1.1\r\n" + H
                        + "Transfer-Encoding: chunked\r\n\r\n00000000000000001\r\na\r\n", 400),
                Arguments.of("overflowing chunk size", "POST / HTTP/1.1\r\n" + H
                        + "Transfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n", 400),
                Arguments.of("chunk extension too long", "POST / HTTP/1.1\r\n" + H
                        + "Transfer-Encoding: chunked\r\n\r\n1;" + "e".repeat(1100) + "\r\n", 400),
                Arguments.of("chunk data longer than its size", "POST / HTTP/1.1\r\n" + H
                        + "Transfer-Encoding: chunked\r\n\r\n1\r\nabc\r\n0\r\n\r\n", 400),
                Arguments.of("chunk size line ending in a bare LF", "POST / HTTP/1.1\r\n" + H
                        + "Transfer-Encoding: chunked\r\n\r\n1\na\r\n0\r\n\r\n", 400),
                Arguments.of("trailer section too large", "POST / HTTP/1.1\r\n" + H
                        + "Transfer-Encoding: chunked\r\n\r\n0\r\n" + ("X-T: " + "t".repeat(100) + "\r\n").repeat(50) + "\r\n", 400),
                Arguments.of("trailer line without a colon", "POST / HTTP/1.1\r\n" + H
                        + "Transfer-Encoding: chunked\r\n\r\n0\r\nnocolon\r\n\r\n", 400),
                // field syntax
                Arguments.of("obs-fold", "GET / HTTP/1.1\r\n" + H + "X-A: one\r\n two\r\n\r\n", 400),
                Arguments.of("bare CR in a value", "GET / HTTP/1.1\r\n" + H + "X-A: a\rb\r\n\r\n", 400),
                Arguments.of("bare LF line endings", "GET / HTTP/1.1\nHost: localhost\n\n", 400),
                Arguments.of("bare LF after a field", "GET / HTTP/1.1\r\n" + "Host: localhost\n\r\n", 400),
                Arguments.of("NUL in a value", "GET / HTTP/1.1\r\n" + H + "X-A: a\0b\r\n\r\n", 400),
                Arguments.of("DEL in a value", "GET / HTTP/1.1\r\n" + H + "X-A: a\u007fb\r\n\r\n", 400),
                Arguments.of("space before colon", "GET / HTTP/1.1\r\nHost : localhost\r\n\r\n", 400),
                Arguments.of("empty field name", "GET / HTTP/1.1\r\n" + H + ": v\r\n\r\n", 400),
                Arguments.of("field without colon", "GET / HTTP/1.1\r\n" + H + "JustAName\r\n\r\n", 400),
                Arguments.of("non-token field name", "GET / HTTP/1.1\r\n" + H + "X[A]: v\r\n\r\n", 400),
                // Host
                Arguments.of("missing Host on HTTP/1.1", "GET / HTTP/1.1\r\n\r\n", 400),
                Arguments.of("two Host fields", "GET / HTTP/1.1\r\n" + H + "Host: other\r\n\r\n", 400),
                Arguments.of("Host with a slash", "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", 400),
                // request line
                Arguments.of("method with a bad character", "G(ET / HTTP/1.1\r\n" + H + "\r\n", 400),
                Arguments.of("method too long", "A".repeat(40) + " / HTTP/1.1\r\n" + H + "\r\n", 400),
                Arguments.of("HTTP/2.0 over h1 framing", "GET / HTTP/2.0\r\n" + H + "\r\n", 505),
                Arguments.of("HTTP/3.1", "GET / HTTP/3.1\r\n" + H + "\r\n", 505),
                Arguments.of("HTTP/1.10", "GET / HTTP/1.10\r\n" + H + "\r\n", 400),
                Arguments.of("lower-case version", "GET / http/1.1\r\n" + H + "\r\n", 400),
                Arguments.of("two spaces after the method", "GET  / HTTP/1.1\r\n" + H + "\r\n", 400),
                Arguments.of("no version", "GET /\r\n" + H + "\r\n", 400),
                Arguments.of("quote in the target", "GET /a\"b HTTP/1.1\r\n" + H + "\r\n", 400),
                Arguments.of("bad percent escape", "GET /a%zz HTTP/1.1\r\n" + H + "\r\n", 400),
                Arguments.of("fragment in the target", "GET /a#b HTTP/1.1\r\n" + H + "\r\n", 400),
                Arguments.of("relative target", "GET a/b HTTP/1.1\r\n" + H + "\r\n", 400),
                Arguments.of("absolute form with another scheme", "GET ftp://localhost/ HTTP/1.1\r\n" + H + "\r\n", 400),
                Arguments.of("absolute form with user info", "GET http://u@localhost/ HTTP/1.1\r\n" + H + "\r\n", 400),
                Arguments.of("asterisk form with GET", "GET * HTTP/1.1\r\n" + H + "\r\n", 400),
                Arguments.of("NUL in the target", "GET /a\0b HTTP/1.1\r\n" + H + "\r\n", 400),
                Arguments.of("non-ASCII in the target", "GET /caf\u00e9 HTTP/1.1\r\n" + H + "\r\n", 400),
                Arguments.of("CONNECT", "CONNECT localhost:443 HTTP/1.1\r\n" + H + "\r\n", 501),
                // limits
                Arguments.of("request line over http-max-request-line", longLine, 414),
                Arguments.of("more fields than http-max-header-count", manyFields.toString(), 431),
                Arguments.of("fields over http-max-header-bytes", bigFields, 431),
                // expectations
                Arguments.of("Expect other than 100-continue", "POST / HTTP/1.1\r\n" + H
                        + "Expect: 200-ok\r\nContent-Length: 1\r\n\r\nx", 417));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("hostile")
    void isRefusedWithItsStatusAndClosed(String rule, String request, int status) {
        TestHttp echo = new TestHttp("echo");
        try (EmbeddedConnection c = H1Server.connect(settings(), echo)) {
            c.writeInbound(request.getBytes(StandardCharsets.ISO_8859_1));
            c.writeInbound(SMUGGLED);

            Response r = Response.parseOne(c.readOutbound());
            assertEquals(status, r.status(), rule);
            assertTrue(r.closes(), rule + ": the response must say Connection: close");
            assertEquals("lw-test", r.header("server"));
            assertFalse(echo.events.stream().anyMatch(e -> e.contains("/smuggled")), rule + ": smuggled request reached the protocol");

            c.advanceSeconds(3);
            assertFalse(c.isOpen(), rule + ": the connection must close");
            assertEquals(0, c.readOutbound().length, rule + ": nothing after the refusal");
        }
    }

    @Test
    void thereAreAtLeastFortyHostileCases() {
        assertTrue(hostile().count() >= 40);
    }

    @Test
    void byteByByteDeliveryGivesTheSameVerdict() {
        TestHttp echo = new TestHttp("echo");
        try (EmbeddedConnection c = H1Server.connect(settings(), echo)) {
            for (byte b : ("POST / HTTP/1.1\r\n" + H + "Content-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1)) {
                c.writeInbound(new byte[] {b});
            }
            assertEquals(400, Response.parseOne(c.readOutbound()).status());
        }
    }

    @Test
    void theControlRequestIsServed() {
        TestHttp echo = new TestHttp("echo");
        try (EmbeddedConnection c = H1Server.connect(settings(), echo)) {
            c.writeInbound("POST /x HTTP/1.1\r\n" + H + "Content-Length: 3\r\n\r\nabc");
            Response r = Response.parseOne(c.readOutbound());
            assertEquals(200, r.status());
            assertEquals("POST /x bytes=3 abc", r.bodyText());
            assertFalse(r.closes());
            assertTrue(c.isOpen());
            assertEquals(List.of("bind#1", "request POST /x#1", "body 3#1", "bodyComplete#1"), echo.events);
        }
    }
}
