package org.lightwire.role.h1.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Mount;
import org.lightwire.api.Options;
import org.lightwire.api.VhostSettings;
import org.lightwire.core.embedded.EmbeddedConnection;

/** README.coding.md "sni": per-request vhost choice by Host among the vhosts sharing a listen socket. */
class VhostSelectionTest {

    @TempDir
    Path root;

    private ContextSettings sharedPort(boolean strictFirst) throws Exception {
        int port = H1Server.freePort();
        Files.createDirectories(root.resolve("a"));
        Files.createDirectories(root.resolve("b"));
        Files.writeString(root.resolve("a/index.html"), "site a");
        Files.writeString(root.resolve("b/index.html"), "site b");
        VhostSettings a = VhostSettings.builder("a.example").port(port).iface("127.0.0.1").strictHostCheck(strictFirst)
                .mount(Mount.builder("/", "file://" + root.resolve("a")).build()).build();
        VhostSettings b = VhostSettings.builder("b.example").port(port).iface("127.0.0.1")
                .protocol("echo", Options.EMPTY)
                .mount(Mount.builder("/", "file://" + root.resolve("b")).build())
                .mount(Mount.builder("/cb", "callback://echo").build()).build();
        return H1Server.settings(a, b).build();
    }

    private static String get(String path, String host) {
        return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n";
    }

    @Test
    void hostPicksTheVhostForEachRequest() throws Exception {
        try (EmbeddedConnection c = H1Server.connect(sharedPort(false), new TestHttp("echo"))) {
            c.writeInbound(get("/", "b.example") + get("/", "a.example:8080") + get("/", "cats.b.example")
                    + get("/", "unknown.example") + get("/", "B.EXAMPLE"));
            List<Response> all = Response.parseAll(c.readOutbound());
            assertEquals(List.of("site b", "site a", "site b", "site a", "site b"),
                    all.stream().map(Response::bodyText).toList(),
                    "exact name (port ignored), dot-suffix wildcard, else the first vhost; case-insensitive");
        }
    }

    @Test
    void http10WithoutHostGetsTheFirstVhost() throws Exception {
        try (EmbeddedConnection c = H1Server.connect(sharedPort(false), new TestHttp("echo"))) {
            c.writeInbound("GET / HTTP/1.0\r\n\r\n");
            assertEquals("site a", Response.parseOne(c.readOutbound()).bodyText());
        }
    }

    @Test
    void movingToAnotherVhostDropsTheProtocolBinding() throws Exception {
        TestHttp echo = new TestHttp("echo");
        try (EmbeddedConnection c = H1Server.connect(sharedPort(false), echo)) {
            c.writeInbound(get("/cb/x", "b.example") + get("/cb", "a.example"));
            List<Response> all = Response.parseAll(c.readOutbound());
            assertEquals(200, all.get(0).status());
            assertEquals(404, all.get(1).status(), "a.example has no /cb mount");
            assertEquals(List.of("bind#1", "request GET /cb/x#1", "dropped#1"), echo.events);
        }
    }

    @Test
    void strictHostCheckRefusesHostsThatDoNotNameTheVhost() throws Exception {
        try (EmbeddedConnection c = H1Server.connect(sharedPort(true), new TestHttp("echo"))) {
            c.writeInbound(get("/", "a.example:7681"));
            assertEquals("site a", Response.parseOne(c.readOutbound()).bodyText(), "the vhost's own name passes");
            c.writeInbound(get("/", "evil.example"));
            Response r = Response.parseOne(c.readOutbound());
            assertEquals(400, r.status());
            assertTrue(r.closes());
        }
    }
}
