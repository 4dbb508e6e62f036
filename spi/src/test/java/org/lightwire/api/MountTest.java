package org.lightwire.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Mount}: one lws mount, its kind from the origin's scheme, its values checked. */
class MountTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "file:///var/www, FILE, /var/www",
        "callback://protocol-post-demo, CALLBACK, protocol-post-demo",
        ">http://example.com/x, REDIRECT_HTTP, example.com/x",
        ">https://localhost, REDIRECT_HTTPS, localhost",
        "^http://example.com, REDIRECT_HTTP, example.com",
        "^https://localhost:8443, REDIRECT_HTTPS, localhost:8443",
        "http://git.warmcat.com, PROXY_HTTP, git.warmcat.com",
        "https://libwebsockets.org, PROXY_HTTPS, libwebsockets.org",
        "cgi:///var/www/cgi-bin/cgit, CGI, /var/www/cgi-bin/cgit",
        "gzip:///var/www/site.zip, GZIP, /var/www/site.zip",
    })
    void schemeSelectsTheKindAndTheRestIsTheTarget(String origin, Mount.Kind kind, String target) {
        Mount m = Mount.builder("/", origin).build();

        assertEquals(kind, m.kind());
        assertEquals(target, m.target());
        assertEquals(origin, m.origin());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/var/www", "File:///x", "ftp://x", "file:/x", ">ftp://x", "", " file:///x"})
    void originWithoutAKnownSchemeIsRefused(String origin) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mount.builder("/", origin));
        assertTrue(e.getMessage().contains("must not be empty") || e.getMessage().contains("has no known scheme"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"file://", "callback://", ">https://", "^http://"})
    void originNamingNothingAfterItsSchemeIsRefused(String origin) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mount.builder("/", origin));
        assertTrue(e.getMessage().contains("names nothing after"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "formtest", "/a\r\nb", "/a\0"})
    void mountpointMustBeAPathWithoutControlCharacters(String mountpoint) {
        assertThrows(IllegalArgumentException.class, () -> Mount.builder(mountpoint, "file:///w"));
    }

    @Test
    void defaultsAreLwsDefaults() {
        Mount m = Mount.builder("/", "file:///w").build();

        assertEquals(Optional.empty(), m.defaultDocument());
        assertEquals(0, m.authMask());
        assertEquals(OptionalInt.empty(), m.cacheMaxAge());
        assertEquals(OptionalInt.empty(), m.keepaliveTimeoutSecs());
        assertEquals(OptionalInt.empty(), m.cgiTimeoutSecs());
        assertEquals(Options.EMPTY, m.pmo());
        assertEquals(List.of(), m.headers());
        assertEquals(List.of(), m.cgiEnv());
        assertEquals(Optional.empty(), m.cgiChroot());
    }

    @Test
    void everySetterSetsItsValue() {
        Options pmo = Options.builder().add("a", "1").build();
        Mount m = Mount.builder("/stuff", "file:///var/www").defaultDocument("index.html").authMask(7)
                .basicAuth(Path.of("/etc/creds")).cacheMaxAge(60).cacheReuse(true).cacheRevalidate(true)
                .cacheIntermediaries(true).cacheNo(true).exactMatch(true).appendPath(true).noWsUpgrades(true)
                .extraMimetype(".zip", "application/zip").extraMimetype("*", "").interpret(".js", "p")
                .header(new Header("X-A", "1")).keepaliveTimeoutSecs(30).pmo(pmo).cgiTimeoutSecs(20)
                .cgiEnv(new Header("CGIT_CONFIG", "/etc/cgitrc")).cgiChroot("/srv").cgiChdir("/tmp").build();

        assertEquals(Optional.of("index.html"), m.defaultDocument());
        assertEquals(7, m.authMask());
        assertEquals(Optional.of(Path.of("/etc/creds")), m.basicAuth());
        assertEquals(OptionalInt.of(60), m.cacheMaxAge());
        assertTrue(m.cacheReuse() && m.cacheRevalidate() && m.cacheIntermediaries() && m.cacheNo());
        assertTrue(m.exactMatch() && m.appendPath() && m.noWsUpgrades());
        assertEquals(List.of(".zip", "*"), List.copyOf(m.extraMimetypes().keySet()));
        assertEquals(Map.of(".js", "p"), m.interpret());
        assertEquals(List.of(new Header("X-A", "1")), m.headers());
        assertEquals(OptionalInt.of(30), m.keepaliveTimeoutSecs());
        assertEquals(pmo, m.pmo());
        assertEquals(OptionalInt.of(20), m.cgiTimeoutSecs());
        assertEquals(List.of(new Header("CGIT_CONFIG", "/etc/cgitrc")), m.cgiEnv());
        assertEquals(Optional.of("/srv"), m.cgiChroot());
        assertEquals(Optional.of("/tmp"), m.cgiChdir());
    }

    @Test
    void collectionsCannotBeChangedAndDoNotFollowTheBuilder() {
        Mount.Builder b = Mount.builder("/", "file:///w").extraMimetype(".a", "x/a").header(new Header("X", "1"));
        Mount m = b.build();
        b.extraMimetype(".b", "x/b").header(new Header("Y", "2"));

        assertEquals(1, m.extraMimetypes().size());
        assertEquals(1, m.headers().size());
        assertThrows(UnsupportedOperationException.class, () -> m.extraMimetypes().put(".c", "x/c"));
        assertThrows(UnsupportedOperationException.class, () -> m.interpret().put(".c", "p"));
        assertThrows(UnsupportedOperationException.class, () -> m.headers().add(new Header("Z", "3")));
    }

    @Test
    void outOfRangeNumbersAreRefusedNamingTheKey() {
        Mount.Builder b = Mount.builder("/", "file:///w");

        assertEquals("auth-mask must be 0..2147483647, not -1",
                assertThrows(IllegalArgumentException.class, () -> b.authMask(-1)).getMessage());
        assertEquals("cache-max-age must be 0..315360000, not -1",
                assertThrows(IllegalArgumentException.class, () -> b.cacheMaxAge(-1)).getMessage());
        assertEquals("keepalive-timeout must be 1..86400, not 0",
                assertThrows(IllegalArgumentException.class, () -> b.keepaliveTimeoutSecs(0)).getMessage());
        assertEquals("cgi-timeout must be 1..86400, not 86401",
                assertThrows(IllegalArgumentException.class, () -> b.cgiTimeoutSecs(86_401)).getMessage());
    }

    @Test
    void textThatWouldReachHeadersIsRefusedWithControlCharacters() {
        Mount.Builder b = Mount.builder("/", "file:///w");

        assertThrows(IllegalArgumentException.class, () -> b.defaultDocument("a\r\nb"));
        assertThrows(IllegalArgumentException.class, () -> b.defaultDocument(""));
        assertThrows(IllegalArgumentException.class, () -> b.extraMimetype(".x", "text/a\nb"));
        assertThrows(IllegalArgumentException.class, () -> b.extraMimetype("", "text/a"));
        assertThrows(IllegalArgumentException.class, () -> b.interpret(".js", ""));
        assertThrows(IllegalArgumentException.class, () -> b.cgiChdir("\n"));
    }

    @Test
    void mountsWithTheSameValuesAreEqual() {
        assertEquals(Mount.builder("/", "file:///w").defaultDocument("i").build(),
                Mount.builder("/", "file:///w").defaultDocument("i").build());
        assertNotEquals(Mount.builder("/", "file:///w").build(), Mount.builder("/", "file:///w").cacheNo(true).build());
    }

    @Test
    void kindSchemesAreTheLwsOnes() {
        assertEquals(List.of("file://", "callback://", ">http://", ">https://", "http://", "https://", "cgi://",
                "gzip://"), List.of(Mount.Kind.values()).stream().map(Mount.Kind::scheme).toList());
    }
}
