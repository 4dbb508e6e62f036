package org.lightwire.role.h1.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lightwire.api.ClientRequest;

/**
 * Plain HTTP through a proxy (lws http_proxy): the connection goes to the proxy and the
 * request line carries the absolute-form target.
 */
class ProxyTest {

    private final ClientFixture client = new ClientFixture();

    @AfterEach
    void stop() {
        client.close();
    }

    private static ScriptedServer proxy() throws Exception {
        return new ScriptedServer(peer -> {
            peer.readRequest();
            peer.send("HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\nproxied");
            peer.awaitClientClose();
        });
    }

    private static ClientRequest.Builder toOrigin(Transcript t) {
        return ClientRequest.builder("origin.example", 8080).role("h1").protocol(ProbeHttpClient.NAME)
                .method("GET").path("/p?q=1").userData(t);
    }

    @Test
    void explicitProxyGetsTheAbsoluteFormTarget() throws Exception {
        try (ScriptedServer proxy = proxy()) {
            Transcript t = new Transcript();
            H1Client.connect(client.vhost, toOrigin(t).httpProxy("127.0.0.1:" + proxy.port()).build(), Map.of());
            t.awaitEnd();

            ScriptedServer.Request r = proxy.requests.get(0);
            assertEquals("GET http://origin.example:8080/p?q=1 HTTP/1.1", r.requestLine());
            assertEquals("origin.example:8080", r.header("host"));
            assertEquals("proxied", t.bodyText());
            assertNull(t.failure);
        }
    }

    @Test
    void proxyFromTheEnvironmentWithCredentials() throws Exception {
        try (ScriptedServer proxy = proxy()) {
            Transcript t = new Transcript();
            H1Client.connect(client.vhost, toOrigin(t).build(),
                    Map.of("http_proxy", "http://user:secret@127.0.0.1:" + proxy.port() + "/"));
            t.awaitEnd();

            ScriptedServer.Request r = proxy.requests.get(0);
            assertEquals("GET http://origin.example:8080/p?q=1 HTTP/1.1", r.requestLine());
            assertEquals("Basic dXNlcjpzZWNyZXQ=", r.header("proxy-authorization"));
        }
    }

    @Test
    void noProxyHostsGoDirect() throws Exception {
        try (ScriptedServer origin = proxy(); ScriptedServer unusedProxy = proxy()) {
            Transcript t = new Transcript();
            H1Client.connect(client.vhost, ClientFixture.request(origin.port(), "GET", "/d", t).build(),
                    Map.of("HTTP_PROXY", "127.0.0.1:" + unusedProxy.port(), "no_proxy", "localhost,127.0.0.1"));
            t.awaitEnd();

            assertEquals("GET /d HTTP/1.1", origin.requests.get(0).requestLine());
            assertEquals(0, unusedProxy.accepted());
        }
    }
}
