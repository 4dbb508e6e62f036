package org.lightwire.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lightwire.api.Header;
import org.lightwire.api.VhostSettings;

/** The vhost keys of the HTTP server: headers, keep-alive, STS, access log, 404 document, host check. */
class HttpVhostKeysTest {

    private static void assertRefused(String members, String key, String problem) {
        ConfigException e = Configs.refused(Configs.vhostWith(members));

        assertEquals("vhosts[0]." + key, e.key());
        assertTrue(e.getMessage().endsWith(problem), e.getMessage());
    }

    @Test
    void defaultsWhenNoKeyIsGiven() throws ConfigException {
        VhostSettings vhost = Configs.onlyVhost("");

        assertEquals(List.of(), vhost.mounts());
        assertEquals(List.of(), vhost.headers());
        assertEquals(false, vhost.sts());
        assertEquals(Optional.empty(), vhost.accessLog());
        assertEquals(5, vhost.keepaliveTimeoutSecs());
        assertEquals(Optional.empty(), vhost.errorDocument404());
        assertEquals(false, vhost.strictHostCheck());
        assertEquals(Optional.empty(), vhost.tls());
    }

    @Test
    void headersFromSeveralObjectsAndKeysKeepTheirOrder() throws ConfigException {
        // the recommended vhost headers of README.lwsws.md, split over two objects and two keys
        VhostSettings vhost = Configs.onlyVhost("""
                "headers": [{
                  "Content-Security-Policy": "script-src 'self'",
                  "X-Content-Type-Options": "nosniff"
                }, {
                  "X-XSS-Protection": "1; mode=block"
                }],
                "headers": [{ "X-Frame-Options": "SAMEORIGIN" }]""");

        assertEquals(List.of(new Header("Content-Security-Policy", "script-src 'self'"),
                new Header("X-Content-Type-Options", "nosniff"), new Header("X-XSS-Protection", "1; mode=block"),
                new Header("X-Frame-Options", "SAMEORIGIN")), vhost.headers());
    }

    @Test
    void headerValuesMayBeNumbersOrEmpty() throws ConfigException {
        assertEquals(List.of(new Header("X-Count", "3"), new Header("X-Empty", "")),
                Configs.onlyVhost("\"headers\": [{\"X-Count\": 3, \"X-Empty\": \"\"}]").headers());
    }

    @Test
    void headerThatCouldSplitAResponseIsRefusedAtItsKey() {
        assertRefused("\"headers\": [{\"X-A\": \"ok\\r\\nSet-Cookie: evil\"}]", "headers[0].X-A",
                "header 'X-A': value must not contain CR, LF or NUL (found at character 3)");
        assertRefused("\"headers\": [{\"X-A\": \"a\\rb\"}]", "headers[0].X-A",
                "value must not contain CR, LF or NUL (found at character 2)");
        // NUL never gets this far: the JSON reader refuses it in any string
        assertRefused("\"headers\": [{\"X-A\": \"a\\u0000b\"}]", "headers[0].X-A",
                "config strings cannot hold a NUL character");
        assertRefused("\"headers\": [{\"X A\": \"1\"}]", "headers[0].X A",
                "header name 'X A' is not an HTTP token (character 2 is not allowed)");
        assertRefused("\"headers\": [{\"X-A:\": \"1\"}]", "headers[0].X-A:",
                "header name 'X-A:' is not an HTTP token (character 4 is not allowed)");
        assertRefused("\"headers\": [{\"\": \"1\"}]", "headers[0].", "header name must not be empty");
    }

    @Test
    void headersOfTheWrongShapeAreRefused() {
        assertRefused("\"headers\": {\"X-A\": \"1\"}", "headers",
                "expected an array of objects mapping names to values, found an object");
        assertRefused("\"headers\": [[\"X-A\"]]", "headers[0]",
                "expected an object mapping names to values, found an array");
        assertRefused("\"headers\": [{\"X-A\": {\"b\": 1}}]", "headers[0].X-A", "expected a string, found an object");
        assertRefused("\"headers\": [{\"X-A\": null}]", "headers[0].X-A", "expected a string, found null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"keepalive_timeout", "keeplive-timeout", "keepalive-timeout"})
    void everySpellingOfTheKeepaliveTimeoutSetsIt(String key) throws ConfigException {
        assertEquals(60, Configs.onlyVhost("\"" + key + "\": \"60\"").keepaliveTimeoutSecs());
    }

    @Test
    void keepaliveTimeoutOfZeroMeansTheDefaultAsInLws() throws ConfigException {
        assertEquals(5, Configs.onlyVhost("\"keepalive_timeout\": 0").keepaliveTimeoutSecs());
    }

    @Test
    void keepaliveTimeoutRefusesBadValues() {
        assertRefused("\"keepalive_timeout\": -1", "keepalive_timeout", "must be 0..86400, not -1");
        assertRefused("\"keeplive-timeout\": \"1m\"", "keeplive-timeout", "expected an integer, found '1m'");
    }

    @Test
    void stsAccessLogErrorDocumentAndStrictHostCheckSetTheirSettings() throws ConfigException {
        VhostSettings vhost = Configs.onlyVhost("""
                "sts": "1", "access-log": "_lws_ddir_/log/access.log",
                "error-document-404": "/404.html", "strict-host-check": "on"
                """);

        assertTrue(vhost.sts());
        assertEquals(Optional.of(Path.of("/usr/share/lightwire/log/access.log")), vhost.accessLog());
        assertEquals(Optional.of("/404.html"), vhost.errorDocument404());
        assertTrue(vhost.strictHostCheck());
    }

    @Test
    void stsAccessLogErrorDocumentAndStrictHostCheckRefuseBadValues() {
        assertRefused("\"sts\": \"maybe\"", "sts", "found 'maybe'");
        assertRefused("\"access-log\": \"\"", "access-log", "must not be empty");
        assertRefused("\"access-log\": \"/var/log/a\\u0000b\"", "access-log", "config strings cannot hold a NUL character");
        assertRefused("\"error-document-404\": \"404.html\"", "error-document-404",
                "error-document-404 must be a URL path starting with '/', not '404.html'");
        assertRefused("\"strict-host-check\": []", "strict-host-check", "expected a string, found an array");
    }
}
