package org.lightwire.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.it.LauncherProcess;
import org.lightwire.it.Net;

/**
 * Issue acceptance (HTTP/1.1): the example configs of README.lwsws.md, minus TLS, run as
 * written: the global {@code conf} with the three "localhost" vhosts of the vhost-listing
 * example as {@code conf.d/test-server}, and with the README's mount examples (callback,
 * cache policy, extra mimetypes, basic auth on a {@code _lws_ddir_} origin) as
 * {@code conf.d/mounts}, served from a distribution whose data dir the test owns. The only
 * changes, each made in code below so the README text stays recognisable:
 * <ul>
 *   <li>TLS keys are dropped ({@code init-ssl}, {@code host-ssl-*}): TLS is not part of this issue;</li>
 *   <li>{@code ws-pingpong-secs} is dropped: the config reader refuses it until the
 *       WebSocket role exists (config's LwswsReadmeExamplesTest checks that refusal);</li>
 *   <li>ports 443, 7681 and 80 become free ports, so the test needs no privilege and runs
 *       beside other launchers (the vhosts name no interface, so as written they listen on
 *       every interface for the test's few seconds; the test talks to 127.0.0.1 only);</li>
 *   <li>absolute file origins and the credentials file ({@code /var/www/...},
 *       {@code /usr/local/share/...}) move under a temp directory standing for "/", with
 *       files the test writes;</li>
 *   <li>{@code username}/{@code groupname} "apache" become the user the test runs as:
 *       a JVM cannot drop privileges, so the launcher serves only when already running as
 *       the configured user (the first test shows it refusing "apache").</li>
 * </ul>
 */
class LwswsExampleConfigIT {

    /** README.lwsws.md, /etc/lwsws/conf. */
    static final String README_GLOBAL_CONF = """
             # these are the server global settings
             # stuff related to vhosts should go in one
             # file per vhost in ../conf.d/

             {
             "global": {
             "username": "apache",
             "groupname": "apache",
             "count-threads": "1",
             "server-string": "myserver v1", # returned in http headers
             "ws-pingpong-secs": "200", # confirm idle established ws connections this often
             "init-ssl": "yes"
             }
             }
            """;

    /** README.lwsws.md, "Listing multiple vhosts looks something like this". */
    static final String README_VHOSTS = """
             {
             "vhosts": [ {
             "name": "localhost",
             "port": "443",
             "host-ssl-key": "/etc/pki/tls/private/libwebsockets.org.key",
             "host-ssl-cert": "/etc/pki/tls/certs/libwebsockets.org.crt",
             "host-ssl-ca": "/etc/pki/tls/certs/libwebsockets.org.cer",
             "mounts": [{
             "mountpoint": "/",
             "origin": "file:///var/www/libwebsockets.org",
             "default": "index.html"
             }, {
             "mountpoint": "/testserver",
             "origin": "file:///usr/local/share/libwebsockets-test-server",
             "default": "test.html"
             }],
             # which protocols are enabled for this vhost, and optional
             # vhost-specific config options for the protocol
             #
             "ws-protocols": [{
             "warmcat,timezoom": {
             "status": "ok"
             }
             }]
             },
             {
             "name": "localhost",
             "port": "7681",
             "host-ssl-key": "/etc/pki/tls/private/libwebsockets.org.key",
             "host-ssl-cert": "/etc/pki/tls/certs/libwebsockets.org.crt",
             "host-ssl-ca": "/etc/pki/tls/certs/libwebsockets.org.cer",
             "mounts": [{
             "mountpoint": "/",
             "origin": ">https://localhost"
             }]
             },
             {
             "name": "localhost",
             "port": "80",
             "mounts": [{
             "mountpoint": "/",
             "origin": ">https://localhost"
             }]
             }

             ]
             }
            """;

    /**
     * README.lwsws.md's mount examples ("Lwsws Other mount options" 4 to 7: callback,
     * cache policy, extra mimetypes, basic auth), each copied as written, gathered on one
     * vhost; the vhost wrapper and the combination of the cache and mimetype snippets on
     * one mount are the test's.
     */
    static final String README_MOUNTS = """
            {
            "vhosts": [{
            "name": "localhost",
            "port": "7681",
            "mounts": [
             {
             "mountpoint": "/formtest",
             "origin": "callback://protocol-post-demo"
             },
             {
             "mountpoint": "/",
             "origin": "file:///var/www/mysite.com",
             "cache-max-age": "60", # seconds
             "cache-reuse": "1", # allow reuse at client at all
             "cache-revalidate": "1", # check it with server each time
             "cache-intermediaries": "1", # allow intermediary caches to hold
             "extra-mimetypes": {
             ".zip": "application/zip",
             ".doc": "text/evil"
             }
             },
            {
             "mountpoint": "/basic-auth",
             "origin": "file://_lws_ddir_/libwebsockets-test-server/private",
             "basic-auth": "/var/www/balogins-private"
            }
            ]
            }]
            }
            """;

    /** README.lwsws.md's credentials file example. */
    static final String README_CREDENTIALS = """
            testuser:testpass
            myuser:hispass
            """;

    private static final Duration START = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    /** The global conf minus TLS and WebSocket keys, with the user and group given. */
    static String globalConf(String user, String group) {
        String text = README_GLOBAL_CONF.lines()
                .filter(l -> !l.contains("\"init-ssl\"") && !l.contains("\"ws-pingpong-secs\""))
                .reduce("", (a, b) -> a + b + "\n");
        // server-string was followed by the dropped keys: its comma would now trail
        text = text.replace("\"myserver v1\", #", "\"myserver v1\" #");
        return text.replace("\"username\": \"apache\"", "\"username\": \"" + user + "\"")
                .replace("\"groupname\": \"apache\"", "\"groupname\": \"" + group + "\"");
    }

    /** The vhost example minus TLS keys, on the given ports, with file origins under {@code root}. */
    static String vhosts(int https, int testServer, int http, Path root) {
        return README_VHOSTS.lines()
                .filter(l -> !l.contains("\"host-ssl-"))
                .reduce("", (a, b) -> a + b + "\n")
                .replace("\"port\": \"443\"", "\"port\": \"" + https + "\"")
                .replace("\"port\": \"7681\"", "\"port\": \"" + testServer + "\"")
                .replace("\"port\": \"80\"", "\"port\": \"" + http + "\"")
                .replace("file:///", "file://" + root + "/");
    }

    private Path writeConfig(String global, String vhosts) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("lwsws"));
        Files.writeString(dir.resolve("conf"), global);
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(dir.resolve("conf.d/test-server"), vhosts);
        return dir;
    }

    @Test
    void globalConfWithItsApacheUserIsRefusedWhenNotRunningAsApache() throws Exception {
        Path dir = writeConfig(globalConf("apache", "apache"), vhosts(Net.freePort(), Net.freePort(), Net.freePort(),
                tmp.resolve("root")));

        try (LauncherProcess launcher = LauncherProcess.start("--config-dir", dir.toString())) {
            assertEquals(1, launcher.awaitExit(START));
            assertTrue(launcher.log().contains("'apache'"), launcher.log());
        }
    }

    @Test
    void readmeMountExamplesServeThroughTheDataDir() throws Exception {
        Path root = tmp.resolve("root");
        Path site = Files.createDirectories(root.resolve("var/www/mysite.com"));
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><title>mysite</title><p>mysite</p>\n");
        Files.writeString(site.resolve("letter.doc"), "not really a document\n");
        Files.writeString(root.resolve("var/www/balogins-private"), README_CREDENTIALS);
        // _lws_ddir_ is the distribution's share/: this test brings a distribution whose share/ it owns
        Path home = distributionWithDataDir(tmp.resolve("home"));
        Path priv = Files.createDirectories(home.resolve("share/libwebsockets-test-server/private"));
        Files.writeString(priv.resolve("secret.txt"), "behind basic auth\n");
        int port = Net.freePort();
        PosixFileAttributes self = Files.readAttributes(Path.of("/proc/self"), PosixFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        String mounts = README_MOUNTS.replace("\"port\": \"7681\"", "\"port\": \"" + port + "\"")
                .replace("file:///", "file://" + root + "/")
                .replace("\"/var/www/balogins-private\"", "\"" + root + "/var/www/balogins-private\"");
        Path dir = Files.createDirectories(tmp.resolve("lwsws"));
        Files.writeString(dir.resolve("conf"), globalConf(self.owner().getName(), self.group().getName()));
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(dir.resolve("conf.d/mounts"), mounts);

        try (LauncherProcess launcher = LauncherProcess.startFrom(home, "--config-dir", dir.toString(),
                "--plugin-dir", LauncherProcess.DIST.resolve("plugins").toString(), "-d", "15")) {
            launcher.awaitLine("vhost 'localhost' listening on /\\S*:" + port, START);
            launcher.awaitLine("protocol 'protocol-post-demo' available", START);
            String base = "http://127.0.0.1:" + port;

            Curl.Result index = Curl.run(base + "/");
            assertEquals(200, index.status(), () -> index + "\n" + launcher.log());
            assertTrue(index.header("cache-control").orElseThrow().contains("max-age=60"), index::toString);
            Curl.Result doc = Curl.run(base + "/letter.doc");
            assertEquals(200, doc.status(), doc::toString);
            assertEquals("text/evil", doc.header("content-type").orElseThrow());

            Curl.Result ok = Curl.run("-u", "testuser:testpass", base + "/basic-auth/secret.txt");
            assertEquals(200, ok.status(), () -> ok + "\n" + launcher.log());
            assertEquals("behind basic auth\n", ok.text());
            assertEquals(401, Curl.run("-u", "testuser:wrong", base + "/basic-auth/secret.txt").status());

            Curl.Result form = Curl.run("-F", "text=from the README", "-F", "send=Send", base + "/formtest");
            assertEquals(200, form.status(), form::toString);
            assertTrue(form.text().contains("data-value=\"from the README\""), form.text());
        }
    }

    /**
     * A distribution laid out at {@code home} whose lib/ is copied (the launcher finds its
     * home from its own jar) and whose bundles/ and felix/ are the built ones, with an empty
     * share/ of its own.
     */
    private static Path distributionWithDataDir(Path home) throws IOException {
        Path lib = Files.createDirectories(home.resolve("lib"));
        try (java.util.stream.Stream<Path> jars = Files.list(LauncherProcess.DIST.resolve("lib"))) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, lib.resolve(jar.getFileName()));
            }
        }
        for (String linked : new String[] {"bundles", "felix"}) {
            Files.createSymbolicLink(home.resolve(linked), LauncherProcess.DIST.resolve(linked).toAbsolutePath());
        }
        Files.createDirectories(home.resolve("share"));
        return home;
    }

    @Test
    void readmeExampleServesItsMountsAndRedirects() throws Exception {
        Path root = tmp.resolve("root");
        Path site = Files.createDirectories(root.resolve("var/www/libwebsockets.org"));
        Files.writeString(site.resolve("index.html"),
                "<!DOCTYPE html><title>site</title><p>the libwebsockets.org stand-in</p>\n");
        Path testServer = Files.createDirectories(root.resolve("usr/local/share/libwebsockets-test-server"));
        Files.writeString(testServer.resolve("test.html"),
                "<!DOCTYPE html><title>test</title><p>the test server page</p>\n");
        Files.writeString(testServer.resolve("test.css"), "p { margin: 0; }\n");
        PosixFileAttributes self = Files.readAttributes(Path.of("/proc/self"), PosixFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        int https = Net.freePort();
        int testPort = Net.freePort();
        int http = Net.freePort();
        Path dir = writeConfig(globalConf(self.owner().getName(), self.group().getName()),
                vhosts(https, testPort, http, root));

        try (LauncherProcess launcher = LauncherProcess.start("--config-dir", dir.toString(), "-d", "15")) {
            launcher.awaitLine("vhost 'localhost' listening on /\\S*:" + http, START);
            String site443 = "http://127.0.0.1:" + https;

            Curl.Result index = Curl.run(site443 + "/");
            assertEquals(200, index.status(), () -> index + "\n" + launcher.log());
            assertTrue(index.text().contains("the libwebsockets.org stand-in"), index.text());
            assertEquals("myserver v1", index.header("server").orElseThrow(), "global server-string");

            Curl.Result test = Curl.run(site443 + "/testserver/");
            assertEquals(200, test.status(), test::toString);
            assertTrue(test.text().contains("the test server page"), "default document test.html: " + test.text());
            assertEquals(200, Curl.run(site443 + "/testserver/test.css").status());
            Curl.Result bare = Curl.run("-I", site443 + "/testserver");
            assertEquals(301, bare.status(), bare::toString);
            assertTrue(bare.header("location").orElseThrow().endsWith("/testserver/"), bare::toString);
            assertEquals(404, Curl.run(site443 + "/testserver/missing.html").status());

            for (int port : new int[] {testPort, http}) {
                Curl.Result redirect = Curl.run("-I", "http://127.0.0.1:" + port + "/anything");
                assertEquals(301, redirect.status(), redirect::toString);
                assertEquals("https://localhost", redirect.header("location").orElseThrow());
            }
        }
    }
}
