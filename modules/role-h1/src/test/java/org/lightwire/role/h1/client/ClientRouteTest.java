package org.lightwire.role.h1.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lightwire.api.ClientRequest;

/** Choosing between a direct connection and a proxy, and the proxy settings refused. */
class ClientRouteTest {

    private static ClientRequest.Builder request(String host, int port) {
        return ClientRequest.builder(host, port).role("h1").protocol("p").method("GET");
    }

    @Test
    void directByDefault() {
        ClientRoute r = ClientRoute.of(request("example.com", 80).build(), Map.of());
        assertFalse(r.proxied());
        assertEquals("example.com", r.dialHost());
        assertEquals("example.com", r.hostHeader(), "port 80 is implied");
        assertEquals("/x", r.requestTarget("/x"));
    }

    @Test
    void explicitProxyWinsOverTheEnvironmentAndNoProxy() {
        ClientRoute r = ClientRoute.of(request("example.com", 81).httpProxy("proxy.lan:3128").build(),
                Map.of("http_proxy", "other:1", "no_proxy", "*"));
        assertTrue(r.proxied());
        assertEquals("proxy.lan", r.dialHost());
        assertEquals(3128, r.dialPort());
        assertEquals("http://example.com:81/x", r.requestTarget("/x"));
        assertEquals("example.com:81", r.hostHeader());
    }

    @Test
    void lowerCaseEnvironmentVariableComesFirst() {
        ClientRoute r = ClientRoute.of(request("a.b", 80).build(), Map.of("http_proxy", "low:1", "HTTP_PROXY", "up:2"));
        assertEquals("low", r.dialHost());
    }

    @Test
    void ipv6ProxyAndTarget() {
        ClientRoute r = ClientRoute.of(request("::1", 8080).httpProxy("http://[fe80::1]:3128/").build(), Map.of());
        assertEquals("fe80::1", r.dialHost());
        assertEquals("http://[::1]:8080/", r.requestTarget("/"));
        assertEquals("[::1]:8080", r.hostHeader());
    }

    @Test
    void credentialsBecomeProxyAuthorization() {
        ClientRoute r = ClientRoute.of(request("a.b", 80).httpProxy("u:p@proxy:8080").build(), Map.of());
        assertEquals("Basic dTpw", r.proxyAuthorization());
        assertEquals("proxy", r.dialHost());
        assertNull(ClientRoute.of(request("a.b", 80).httpProxy("proxy:8080").build(), Map.of()).proxyAuthorization());
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy", "proxy:", "proxy:0", "proxy:65536", "proxy:http", "https://proxy:443",
            "socks5://proxy:1080", "http://proxy:8080/path", ":8080"})
    void malformedProxySettingsAreRefusedNamingTheirSource(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClientRoute.of(request("a.b", 80).build(), Map.of("http_proxy", spec)));
        assertTrue(e.getMessage().contains("http_proxy"), e.getMessage());
        assertTrue(e.getMessage().contains(spec), e.getMessage());
    }

    @Test
    void noProxyMatching() {
        assertTrue(ClientRoute.NoProxy.matches("*", "anything", 80));
        assertTrue(ClientRoute.NoProxy.matches("example.com", "example.com", 80));
        assertTrue(ClientRoute.NoProxy.matches("example.com", "www.example.com", 80));
        assertTrue(ClientRoute.NoProxy.matches(".example.com", "www.example.com", 80));
        assertTrue(ClientRoute.NoProxy.matches("*.example.com", "www.EXAMPLE.com", 80));
        assertFalse(ClientRoute.NoProxy.matches("example.com", "badexample.com", 80));
        assertTrue(ClientRoute.NoProxy.matches("a.b, 10.0.0.1 ,c.d", "10.0.0.1", 80));
        assertTrue(ClientRoute.NoProxy.matches("example.com:8080", "example.com", 8080));
        assertFalse(ClientRoute.NoProxy.matches("example.com:8080", "example.com", 80));
        assertTrue(ClientRoute.NoProxy.matches("[::1]", "::1", 80));
        assertTrue(ClientRoute.NoProxy.matches("[::1]:80", "::1", 80));
        assertFalse(ClientRoute.NoProxy.matches("", "a", 80));
    }

    @Test
    void noProxyFromTheEnvironmentIsHonoured() {
        assertFalse(ClientRoute.of(request("internal.lan", 80).build(),
                Map.of("http_proxy", "p:1", "NO_PROXY", ".lan")).proxied());
        assertTrue(ClientRoute.of(request("example.com", 80).build(),
                Map.of("http_proxy", "p:1", "NO_PROXY", ".lan")).proxied());
    }
}
