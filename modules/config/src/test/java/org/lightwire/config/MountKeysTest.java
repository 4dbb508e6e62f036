package org.lightwire.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lightwire.api.Header;
import org.lightwire.api.Mount;
import org.lightwire.api.Options;

/** The keys of a vhost's {@code "mounts"} entries (README.lwsws.md, "Lwsws Mounts" and "Other mount options"). */
class MountKeysTest {

    /** The only mount of a vhost whose mounts array holds {@code mount}. */
    private static Mount mount(String mount) throws ConfigException {
        List<Mount> mounts = Configs.onlyVhost("\"mounts\": [" + mount + "]").mounts();
        assertEquals(1, mounts.size());
        return mounts.get(0);
    }

    private static void assertRefused(String mount, String key, String problem) {
        ConfigException e = Configs.refused(Configs.vhostWith("\"mounts\": [" + mount + "]"));

        assertEquals("vhosts[0]." + key, e.key());
        assertTrue(e.getMessage().endsWith(problem), e.getMessage());
    }

    @Test
    void fileMountWithOnlyTheRequiredKeysHasEveryDefault() throws ConfigException {
        Mount m = mount("{\"mountpoint\": \"/\", \"origin\": \"file:///var/www/mysite.com\"}");

        assertEquals("/", m.mountpoint());
        assertEquals("file:///var/www/mysite.com", m.origin());
        assertEquals(Mount.Kind.FILE, m.kind());
        assertEquals("/var/www/mysite.com", m.target());
        assertEquals(Optional.empty(), m.defaultDocument());
        assertEquals(0, m.authMask());
        assertEquals(Optional.empty(), m.basicAuth());
        assertEquals(OptionalInt.empty(), m.cacheMaxAge());
        assertEquals(List.of(false, false, false, false, false, false, false), List.of(m.cacheReuse(),
                m.cacheRevalidate(), m.cacheIntermediaries(), m.cacheNo(), m.exactMatch(), m.appendPath(),
                m.noWsUpgrades()));
        assertEquals(Map.of(), m.extraMimetypes());
        assertEquals(Map.of(), m.interpret());
        assertEquals(List.of(), m.headers());
        assertEquals(OptionalInt.empty(), m.keepaliveTimeoutSecs());
        assertEquals(Options.EMPTY, m.pmo());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "file:///var/www, FILE, /var/www",
        "callback://protocol-post-demo, CALLBACK, protocol-post-demo",
        ">http://example.com, REDIRECT_HTTP, example.com",
        ">https://localhost, REDIRECT_HTTPS, localhost",
        "^http://example.com:8080/x, REDIRECT_HTTP, example.com:8080/x",
        "^https://localhost, REDIRECT_HTTPS, localhost",
    })
    void originSchemeSelectsTheKindAndTheRestIsTheTarget(String origin, Mount.Kind kind, String target)
            throws ConfigException {
        Mount m = mount("{\"mountpoint\": \"/\", \"origin\": \"" + origin + "\"}");

        assertEquals(kind, m.kind());
        assertEquals(target, m.target());
        assertEquals(origin, m.origin());
    }

    @Test
    void everyServedMountKeySetsItsSetting() throws ConfigException {
        Mount m = mount("""
                {
                 "mountpoint": "/stuff",
                 "origin": "file:///var/www/stuff",
                 "default": "index.html",
                 "basic-auth": "/var/www/balogins-private",
                 "cache-max-age": "60", # seconds
                 "cache-reuse": "1", # allow reuse at client at all
                 "cache-revalidate": "1", # check it with server each time
                 "cache-intermediaries": "1", # allow intermediary caches to hold
                 "cache-no": "yes",
                 "exact-match": "on",
                 "append-path": "true",
                 "no-ws-upgrades": 1,
                 "keepalive-timeout": "30",
                 "extra-mimetypes": { ".zip": "application/zip", ".doc": "text/evil", "*": "" },
                 "headers": [{ "Cache-Control": "private" }, { "X-Mount": "stuff" }],
                 "pmo": [{ "myname": "myvalue" }, { "deep": { "a": "1" }, "list": ["x", "y"] }]
                }""");

        assertEquals(Optional.of("index.html"), m.defaultDocument());
        assertEquals(Optional.of(Path.of("/var/www/balogins-private")), m.basicAuth());
        assertEquals(OptionalInt.of(60), m.cacheMaxAge());
        assertTrue(m.cacheReuse() && m.cacheRevalidate() && m.cacheIntermediaries() && m.cacheNo());
        assertTrue(m.exactMatch() && m.appendPath() && m.noWsUpgrades());
        assertEquals(OptionalInt.of(30), m.keepaliveTimeoutSecs());
        assertEquals(List.of(".zip", ".doc", "*"), List.copyOf(m.extraMimetypes().keySet()));
        assertEquals("text/evil", m.extraMimetypes().get(".doc"));
        assertEquals("", m.extraMimetypes().get("*"));
        assertEquals(List.of(new Header("Cache-Control", "private"), new Header("X-Mount", "stuff")), m.headers());
        Options pmo = Options.builder()
                .add("myname", "myvalue")
                .add("deep", "", Options.builder().add("a", "1").build())
                .add("list", "x")
                .add("list", "y")
                .build();
        assertEquals(pmo, m.pmo());
    }

    @Test
    void flagsCanBeTurnedOffAgainByALaterKey() throws ConfigException {
        Mount m = mount("{\"mountpoint\": \"/\", \"origin\": \"file:///w\", \"cache-no\": 1, \"cache-no\": \"off\"}");

        assertEquals(false, m.cacheNo());
    }

    @Test
    void originNamedTwiceKeepsTheLast() throws ConfigException {
        // README.generic-sessions.md names a file origin and a callback protocol on one mount
        Mount m = mount("""
                { "mountpoint": "/lwsgs",
                  "origin": "file:///usr/share/libwebsockets-test-server/generic-sessions",
                  "origin": "callback://protocol-lws-messageboard",
                  "default": "generic-sessions-login-example.html" }""");

        assertEquals(Mount.Kind.CALLBACK, m.kind());
        assertEquals("protocol-lws-messageboard", m.target());
        assertEquals(Optional.of("generic-sessions-login-example.html"), m.defaultDocument());
    }

    @Test
    void originNamedTwiceIsJudgedByTheLast() {
        assertRefused("{\"mountpoint\": \"/\", \"origin\": \"file:///w\",\n \"origin\": \"cgi:///bin/x\"}",
                "mounts[0].origin", "cgi:// origins are not supported yet (arrives with CGI)");
    }

    @Test
    void mountpointAndOriginMayComeAfterTheOtherKeys() throws ConfigException {
        Mount m = mount("{\"default\": \"a.html\", \"origin\": \"file:///w\", \"mountpoint\": \"/m\"}");

        assertEquals("/m", m.mountpoint());
        assertEquals(Optional.of("a.html"), m.defaultDocument());
    }

    @Test
    void dataDirPlaceholderIsReplacedInOriginsAndPaths() throws ConfigException {
        Mount m = mount("""
                { "mountpoint": "/basic-auth",
                  "origin": "file://_lws_ddir_/libwebsockets-test-server/private",
                  "basic-auth": "_lws_ddir_/balogins-private" }""");

        assertEquals("file:///usr/share/lightwire/libwebsockets-test-server/private", m.origin());
        assertEquals("/usr/share/lightwire/libwebsockets-test-server/private", m.target());
        assertEquals(Optional.of(Path.of("/usr/share/lightwire/balogins-private")), m.basicAuth());
    }

    @Test
    void mountsKeepTheirOrder() throws ConfigException {
        List<Mount> mounts = Configs.onlyVhost("""
                "mounts": [{ "mountpoint": "/", "origin": "file:///var/www/libwebsockets.org", "default": "index.html" },
                           { "mountpoint": "/testserver", "origin": "file:///usr/local/share/t", "default": "test.html" }],
                "mounts": [{ "mountpoint": "/formtest", "origin": "callback://protocol-post-demo" }]""").mounts();

        assertEquals(List.of("/", "/testserver", "/formtest"), mounts.stream().map(Mount::mountpoint).toList());
    }

    @Test
    void sameMountpointTwiceIsRefusedUnlessOneIsExact() throws ConfigException {
        assertRefused("{\"mountpoint\": \"/a\", \"origin\": \"file:///w\"},\n{\"mountpoint\": \"/a\", \"origin\": \"file:///v\"}",
                "mounts[1].mountpoint", "mountpoint '/a' is mounted twice (first at 1:52)");

        List<Mount> mounts = Configs.onlyVhost("""
                "mounts": [{ "mountpoint": "/", "origin": "file:///w" },
                           { "mountpoint": "/", "origin": "callback://p", "exact-match": "1" }]""").mounts();
        assertEquals(2, mounts.size());
    }

    @Test
    void missingMountpointOrOriginIsRefusedAtTheMount() {
        assertRefused("{\"origin\": \"file:///w\"}", "mounts[0].mountpoint", "missing: every mount needs a mountpoint");
        assertRefused("{\"mountpoint\": \"/\"}", "mounts[0].origin", "missing: every mount needs an origin");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"mountpoint\": \"x\", \"origin\": \"file:///w\"     | mounts[0].mountpoint | must start with '/', found 'x'",
        "\"mountpoint\": \"\", \"origin\": \"file:///w\"      | mounts[0].mountpoint | must not be empty",
        "\"mountpoint\": \"/a\\nb\", \"origin\": \"file:///w\" | mounts[0].mountpoint | must not contain CR, LF or NUL",
        "\"mountpoint\": [\"/\"], \"origin\": \"file:///w\"   | mounts[0].mountpoint | expected a string, found an array",
        "\"mountpoint\": \"/\", \"origin\": \"/var/www\"      | mounts[0].origin | origin '/var/www' has no known scheme; use file://, callback://, >http://, >https:// (or ^http://, ^https://), http://, https://, cgi:// or gzip://",
        "\"mountpoint\": \"/\", \"origin\": \"FILE:///w\"     | mounts[0].origin | has no known scheme; use file://, callback://, >http://, >https:// (or ^http://, ^https://), http://, https://, cgi:// or gzip://",
        "\"mountpoint\": \"/\", \"origin\": \"callback://\"   | mounts[0].origin | origin 'callback://' names nothing after callback://",
        "\"mountpoint\": \"/\", \"origin\": \"\"              | mounts[0].origin | must not be empty",
        "\"mountpoint\": \"/\", \"origin\": 7                 | mounts[0].origin | origin '7' has no known scheme; use file://, callback://, >http://, >https:// (or ^http://, ^https://), http://, https://, cgi:// or gzip://",
    })
    void badMountpointOrOriginIsRefusedAtItsKey(String members, String key, String problem) {
        assertRefused("{" + members + "}", key, problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"default\": \"\"               | mounts[0].default | must not be empty",
        "\"auth-mask\": \"-1\"           | mounts[0].auth-mask | auth-mask must be 0..2147483647, not -1",
        "\"auth-mask\": \"all\"          | mounts[0].auth-mask | expected an integer, found 'all'",
        "\"basic-auth\": \"\"            | mounts[0].basic-auth | must not be empty",
        "\"basic-auth\": [\"/f\"]        | mounts[0].basic-auth | expected a string, found an array",
        "\"cache-max-age\": \"-5\"       | mounts[0].cache-max-age | cache-max-age must be 0..315360000, not -5",
        "\"cache-reuse\": \"sometimes\"  | mounts[0].cache-reuse | found 'sometimes'",
        "\"cache-no\": {}                | mounts[0].cache-no | expected a string, found an object",
        "\"exact-match\": \"2x\"         | mounts[0].exact-match | found '2x'",
        "\"append-path\": null           | mounts[0].append-path | expected a string, found null",
        "\"no-ws-upgrades\": []          | mounts[0].no-ws-upgrades | expected a string, found an array",
        "\"keepalive-timeout\": 0        | mounts[0].keepalive-timeout | keepalive-timeout must be 1..86400, not 0",
        "\"extra-mimetypes\": [\".zip\"] | mounts[0].extra-mimetypes | expected an object mapping file suffixes to a MIME type, found an array",
        "\"extra-mimetypes\": {\"\": \"a/b\"} | mounts[0].extra-mimetypes. | file suffix must not be empty",
        "\"extra-mimetypes\": {\".x\": \"a\\r\\nb\"} | mounts[0].extra-mimetypes..x | extra-mimetypes: type for '.x' must not contain CR, LF or NUL",
        "\"extra-mimetypes\": {\".x\": {}} | mounts[0].extra-mimetypes..x | expected a string, found an object",
        "\"interpret\": {\".js\": \"\"}   | mounts[0].interpret..js | must not be empty",
        "\"interpret\": \"protocol\"      | mounts[0].interpret | expected an object mapping file suffixes to a protocol name, found a string",
        "\"headers\": [{\"Bad Name\": \"1\"}] | mounts[0].headers[0].Bad Name | header name 'Bad Name' is not an HTTP token (character 4 is not allowed)",
        "\"pmo\": {\"a\": \"b\"}          | mounts[0].pmo | expected an array of option objects, found an object",
        "\"pmo\": [\"a\"]                 | mounts[0].pmo[0] | expected an object of options, found a string",
        "\"pmo\": [{\"a\": null}]         | mounts[0].pmo[0].a | expected a string, number, boolean, object or array, found null",
        "\"protocol\": \"p\"              | mounts[0].protocol | unknown key",
        "\"orgin\": \"file:///x\"         | mounts[0].orgin | unknown key",
    })
    void badMountValueIsRefusedAtItsKey(String member, String key, String problem) {
        assertRefused("{\"mountpoint\": \"/\", \"origin\": \"file:///w\", " + member + "}", key, problem);
    }

    @Test
    void mountsMustBeAnArrayOfObjects() {
        ConfigException e = Configs.refused(Configs.vhostWith("\"mounts\": {\"mountpoint\": \"/\"}"));
        assertEquals("vhosts[0].mounts", e.key());
        assertTrue(e.getMessage().endsWith("expected an array of mount objects, found an object"), e.getMessage());

        assertEquals("vhosts[0].mounts[1]", Configs.refused(Configs.vhostWith(
                "\"mounts\": [{\"mountpoint\": \"/\", \"origin\": \"file:///w\"}, \"/x\"]")).key());
    }

    @Test
    void mountErrorsNameFileLineColumnVhostAndKey() {
        ConfigException e = Configs.refused("""
                {"vhosts": [{"name": "site", "port": 80,
                  "mounts": [{ "mountpoint": "/",
                               "origin": "file:///w",
                               "cache-max-age": "soon" }] }]}""");

        assertEquals("conf.d/test:4:16: vhost 'site': key 'mounts[0].cache-max-age': expected an integer, found 'soon'",
                e.getMessage());
    }
}
