package org.lightwire.role.h1.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lightwire.core.embedded.EmbeddedConnection;

/**
 * h1's side of the WebSocket upgrade (RFC 6455 section 4.2.1): which requests it answers
 * itself before any switch. The ws role is not installed here, so an acceptable upgrade
 * gets 501; the ws module's tests cover the switch itself.
 */
class WebSocketUpgradeTest {

    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    private static String request(String method, String version, String extra) {
        return method + " /chat " + version + "\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + extra + "\r\n";
    }

    private static String answer(String request) {
        try (EmbeddedConnection c = H1Server.connect(H1Server.settings(H1Server.vhost("localhost").build()).build())) {
            c.writeInbound(request);
            return c.readOutboundString();
        }
    }

    @Test
    void acceptableUpgradeWithoutAWsRoleIs501() {
        String out = answer(request("GET", "HTTP/1.1", "Sec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Version: 13\r\n"));
        assertTrue(out.startsWith("HTTP/1.1 501 "), out);
    }

    @Test
    void otherVersionIs426NamingVersion13() {
        String out = answer(request("GET", "HTTP/1.1", "Sec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Version: 8\r\n"));
        assertTrue(out.startsWith("HTTP/1.1 426 "), out);
        assertTrue(out.toLowerCase().contains("\r\nsec-websocket-version: 13\r\n"), out);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "POST, HTTP/1.1, 'Sec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Version: 13\r\nContent-Length: 0\r\n'",
        "GET, HTTP/1.0, 'Sec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Version: 13\r\n'",
        "GET, HTTP/1.1, 'Sec-WebSocket-Version: 13\r\n'",
        "GET, HTTP/1.1, 'Sec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Version: 13\r\n'",
        "GET, HTTP/1.1, 'Sec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Version: 13\r\nContent-Length: 3\r\n'",
    })
    void malformedUpgradeIs400(String method, String version, String extra) {
        String out = answer(request(method, version, extra.replace("\\r\\n", "\r\n")));
        assertTrue(out.startsWith("HTTP/1.1 400 "), out);
        assertTrue(out.contains("WebSocket upgrade"), "refused as an upgrade, not for another reason: " + out);
    }

    @Test
    void upgradeHeaderWithoutConnectionUpgradeIsAPlainRequest() {
        String out = answer("GET /chat HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n\r\n");
        assertTrue(out.startsWith("HTTP/1.1 404 "), out);
    }
}
