package org.lightwire.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Header;
import org.lightwire.api.Mount;
import org.lightwire.api.Privileges;
import org.lightwire.api.VhostSettings;

/**
 * The example configs of README.lwsws.md (and the CSP headers of
 * README.content-security-policy.md), copied unchanged into {@code src/test/resources/lwsws-readme}:
 * the plain-http ones load as written; the ones needing a feature not built yet are refused
 * naming it.
 */
class LwswsReadmeExamplesTest {

    @TempDir
    Path dir;

    private static String example(String name) throws IOException {
        try (InputStream in = LwswsReadmeExamplesTest.class.getResourceAsStream("/lwsws-readme/" + name)) {
            if (in == null) {
                throw new IOException("test resource lwsws-readme/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ContextSettings load(String name) throws IOException, ConfigException {
        return ConfigLoader.parse(name, example(name), Configs.DATA_DIR);
    }

    private static ConfigException refused(String name) throws IOException {
        String text = example(name);
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse(name, text, Configs.DATA_DIR));
    }

    @Test
    void globalExampleLoadsWithItsInitSsl() throws IOException, ConfigException {
        // init-ssl is accepted: TLS is always available
        assertEquals(1, load("conf").countThreads());
    }

    @Test
    void globalExampleWithoutWebSocketAndTlsKeysGivesItsPrivilegesAndServerString()
            throws IOException, ConfigException {
        String text = example("conf").lines()
                .filter(line -> !line.contains("ws-pingpong-secs"))
                .map(line -> line.replace("\"myserver v1\", # returned", "\"myserver v1\" # returned"))
                .filter(line -> !line.contains("init-ssl"))
                .reduce("", (a, b) -> a + b + "\n");

        ContextSettings settings = ConfigLoader.parse("conf", text, Configs.DATA_DIR);

        assertEquals(new Privileges(Optional.of("apache"), Optional.of("apache"), OptionalInt.empty(),
                OptionalInt.empty()), settings.privileges());
        assertEquals(1, settings.countThreads());
        assertEquals("myserver v1", settings.serverString());
    }

    @Test
    void tlsVhostExampleLoadsItsCertificateKeyAndCa() throws IOException, ConfigException {
        org.lightwire.api.TlsSettings tls = load("warmcat.com").vhosts().get(0).tls().orElseThrow();

        assertEquals(Optional.of(Path.of("/etc/pki/tls/private/warmcat.com.key")), tls.hostSslKey());
        assertEquals(Optional.of(Path.of("/etc/pki/tls/certs/warmcat.com.crt")), tls.hostSslCert());
        assertEquals(Optional.of(Path.of("/etc/pki/tls/certs/warmcat.com.cer")), tls.hostSslCa());
        assertTrue(tls.servesTls());
    }

    @Test
    void threeVhostExampleGivesTheTwoTlsVhostsTheirKeys() throws IOException, ConfigException {
        List<VhostSettings> vhosts = load("three-vhosts").vhosts();

        assertEquals(List.of(true, true, false), vhosts.stream().map(v -> v.tls().isPresent()).toList());
    }

    @Test
    void threeVhostExampleWithoutItsTlsKeysLoadsUnchanged() throws IOException, ConfigException {
        List<VhostSettings> vhosts = load("three-vhosts-without-tls").vhosts();

        assertEquals(List.of(443, 7681, 80), vhosts.stream().map(VhostSettings::port).toList());
        assertTrue(vhosts.stream().allMatch(v -> v.name().equals("localhost") && v.tls().isEmpty()));
        VhostSettings site = vhosts.get(0);
        assertEquals(List.of("/", "/testserver"), site.mounts().stream().map(Mount::mountpoint).toList());
        assertEquals("/usr/local/share/libwebsockets-test-server", site.mounts().get(1).target());
        assertEquals(Optional.of("test.html"), site.mounts().get(1).defaultDocument());
        assertEquals("warmcat,timezoom", site.protocols().get(0).name());
        Mount redirect = vhosts.get(2).mounts().get(0);
        assertEquals(Mount.Kind.REDIRECT_HTTPS, redirect.kind());
        assertEquals("localhost", redirect.target());
    }

    @Test
    void mountExamplesLoad() throws IOException, ConfigException {
        VhostSettings vhost = load("mounts").vhosts().get(0);

        assertEquals(List.of(Mount.Kind.FILE, Mount.Kind.FILE, Mount.Kind.CALLBACK, Mount.Kind.CALLBACK,
                Mount.Kind.FILE, Mount.Kind.FILE, Mount.Kind.FILE), vhost.mounts().stream().map(Mount::kind).toList());
        assertEquals(Optional.of("myvalue"), vhost.mounts().get(2).pmo().get("myname"));
        assertEquals("protocol-post-demo", vhost.mounts().get(3).target());
        Mount cached = vhost.mounts().get(4);
        assertEquals(OptionalInt.of(60), cached.cacheMaxAge());
        assertTrue(cached.cacheReuse() && cached.cacheRevalidate() && cached.cacheIntermediaries());
        assertEquals("application/zip", cached.extraMimetypes().get(".zip"));
        Mount basicAuth = vhost.mounts().get(5);
        assertEquals("/usr/share/lightwire/libwebsockets-test-server/private", basicAuth.target());
        assertEquals(Optional.of(Path.of("/var/www/balogins-private")), basicAuth.basicAuth());
        assertEquals(4, vhost.headers().size());
        assertEquals(new Header("X-Frame-Options", "SAMEORIGIN"), vhost.headers().get(3));
        assertEquals(List.of("lws-server-status", "warmcat-timezoom"),
                vhost.protocols().stream().map(p -> p.name()).toList());
    }

    @Test
    void contentSecurityPolicyHeadersLoad() throws IOException, ConfigException {
        List<Header> headers = load("csp-headers").vhosts().get(0).headers();

        assertEquals(List.of("content-security-policy", "x-content-type-options", "x-xss-protection",
                "x-frame-options", "referrer-policy"), headers.stream().map(Header::name).toList());
        assertTrue(headers.get(0).value().startsWith("default-src 'none'; img-src 'self' data:;"));
    }

    @Test
    void cgiExampleIsRefusedAsArrivingWithCgi() throws IOException {
        ConfigException e = refused("cgi");

        assertEquals("cgi:8:2: vhost 'localhost': key 'mounts[0].origin': cgi:// origins are not supported yet "
                + "(arrives with CGI)", e.getMessage());
    }

    @Test
    void reverseProxyExampleIsRefusedAsArrivingWithReverseProxy() throws IOException {
        ConfigException e = refused("proxy");

        assertEquals("vhosts[0].mounts[0].origin", e.key());
        assertTrue(e.getMessage().endsWith("https:// origins are not supported yet (arrives with reverse proxy)"),
                e.getMessage());
    }

    @Test
    void rawAndFallbackVhostExamplesLoad() throws IOException, ConfigException {
        List<VhostSettings> vhosts = load("raw-fallback").vhosts();

        assertTrue(vhosts.get(0).applyListenAccept());
        org.lightwire.api.TlsSettings fallback = vhosts.get(1).tls().orElseThrow();
        assertTrue(fallback.fallbackListenAccept() && fallback.allowNonTls());
    }

    @Test
    void configDirectoryOfExamplesReadsConfThenConfDInOrder() throws IOException, ConfigException {
        String conf = example("conf").lines()
                .filter(line -> !line.contains("ws-pingpong-secs") && !line.contains("init-ssl"))
                .map(line -> line.replace("\"myserver v1\", #", "\"myserver v1\" #"))
                .reduce("", (a, b) -> a + b + "\n");
        Files.writeString(dir.resolve("conf"), conf);
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(dir.resolve("conf.d/20-mounts"), example("mounts"));
        Files.writeString(dir.resolve("conf.d/10-test-server"), example("three-vhosts-without-tls"));
        Files.writeString(dir.resolve("conf.d/30-plugins"), example("plugin-dir"));

        ContextSettings settings = ConfigLoader.load(dir, Path.of("/opt/lightwire/share"));

        assertEquals(List.of(443, 7681, 80, 7681), settings.vhosts().stream().map(VhostSettings::port).toList());
        assertEquals(List.of(Path.of("/usr/local/share/coherent-timeline/plugins")), settings.pluginDirs());
        assertEquals("/opt/lightwire/share/libwebsockets-test-server/private",
                settings.vhosts().get(3).mounts().get(5).target());
        assertEquals("myserver v1", settings.serverString());
    }
}
