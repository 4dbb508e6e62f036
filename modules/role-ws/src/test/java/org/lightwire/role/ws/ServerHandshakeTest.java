package org.lightwire.role.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Mount;
import org.lightwire.api.Options;
import org.lightwire.api.VhostSettings;
import org.lightwire.api.ws.WsRefusedException;

/** The server's opening handshake (RFC 6455 section 4.2), from h1's upgrade to established. */
class ServerHandshakeTest {

    @Test
    void acceptAnswersTheKeyAsInRfc6455Section1_3() {
        try (WsTestServer s = WsTestServer.create()) {
            String head = s.upgrade();

            assertTrue(head.startsWith("HTTP/1.1 101 Switching Protocols\r\n"), head);
            assertTrue(head.contains("\r\nSec-WebSocket-Accept: " + WsTestServer.ACCEPT + "\r\n"), head);
            assertTrue(head.contains("\r\nUpgrade: websocket\r\n") && head.contains("\r\nConnection: Upgrade\r\n"), head);
            assertFalse(head.contains("Sec-WebSocket-Protocol"), "no subprotocol was asked for: " + head);
            assertEquals(List.of("session /chat", "established - ua=test"), s.chat.events);
        }
    }

    @Test
    void firstRequestedSubprotocolTheVhostServesIsChosenInClientOrder() {
        try (WsTestServer s = WsTestServer.create()) {
            String head = s.upgrade("Sec-WebSocket-Protocol: nosuch, superchat, chat\r\n");

            assertTrue(head.contains("\r\nSec-WebSocket-Protocol: superchat\r\n"), head);
            assertEquals(List.of("session /chat", "established superchat ua=test"), s.superchat.events);
            assertEquals(List.of(), s.chat.events);
        }
    }

    @Test
    void onlyUnservedSubprotocolsAreRefusedWith400() {
        try (WsTestServer s = WsTestServer.create()) {
            assertTrue(s.upgrade("Sec-WebSocket-Protocol: nosuch\r\n").startsWith("HTTP/1.1 400 "));
            assertEquals(List.of(), s.chat.events);
        }
    }

    @Test
    void noSubprotocolIsRefusedWith403WhenTheVhostDisablesIt() {
        try (WsTestServer s = WsTestServer.create(ContextSettings.builder(), Options.builder(),
                VhostSettings.builder("localhost").disableNoProtocolWsUpgrades(true))) {
            assertTrue(s.upgrade().startsWith("HTTP/1.1 403 "));
        }
        try (WsTestServer s = WsTestServer.create(ContextSettings.builder(), Options.builder(),
                VhostSettings.builder("localhost").disableNoProtocolWsUpgrades(true))) {
            assertTrue(s.upgrade("Sec-WebSocket-Protocol: chat\r\n").startsWith("HTTP/1.1 101 "),
                    "a named protocol is still served");
        }
    }

    @Test
    void wrongVersionIsAnswered426WithTheSupportedVersion() {
        try (WsTestServer s = WsTestServer.create()) {
            String head = s.upgradeWith(WsTestServer.request("").replace("Version: 13", "Version: 8")
                    .getBytes(StandardCharsets.ISO_8859_1));

            assertTrue(head.startsWith("HTTP/1.1 426 "), head);
            assertTrue(head.toLowerCase().contains("\r\nsec-websocket-version: 13\r\n"), head);
        }
    }

    @Test
    void keyThatIsNotSixteenBytesOfBase64IsRefusedWith400() {
        try (WsTestServer s = WsTestServer.create()) {
            String head = s.upgradeWith(WsTestServer.request("").replace(WsTestServer.KEY, "c2hvcnQ=")
                    .getBytes(StandardCharsets.ISO_8859_1));

            assertTrue(head.startsWith("HTTP/1.1 400 "), head);
        }
    }

    @Test
    void upgradeByPostIsRefusedWith400() {
        try (WsTestServer s = WsTestServer.create()) {
            String head = s.upgradeWith(WsTestServer.request("").replace("GET ", "POST ")
                    .getBytes(StandardCharsets.ISO_8859_1));

            assertTrue(head.startsWith("HTTP/1.1 400 "), head);
        }
    }

    @Test
    void protocolRefusingTheSessionAnswersItsStatus() {
        try (WsTestServer s = WsTestServer.create()) {
            s.chat.refuse = new WsRefusedException(451, "not here");

            String head = s.upgrade();

            assertTrue(head.startsWith("HTTP/1.1 451 "), head);
            assertFalse(s.chat.events.contains("closed"));
        }
    }

    @Test
    void upgradeHeadersAreReadableDuringEstablishedOnly() {
        try (WsTestServer s = WsTestServer.create()) {
            s.chat.onReceived = ws -> s.chat.events.add("request after established: " + ws.upgradeRequest().isPresent());
            s.upgrade();
            s.send(Peer.text("x"));

            assertTrue(s.chat.events.contains("established - ua=test"), s.chat.events.toString());
            assertTrue(s.chat.events.contains("request after established: false"), s.chat.events.toString());
        }
    }

    @Test
    void framesSentRightBehindTheRequestAreDecoded() {
        try (WsTestServer s = WsTestServer.create()) {
            s.upgradeWith(Peer.concat(WsTestServer.request("").getBytes(StandardCharsets.ISO_8859_1),
                    Peer.text("early")));

            assertEquals(List.of("rx TEXT first=true last=true remaining=0 early"), s.chat.events("rx"));
        }
    }

    @Test
    void basicAuthMountChallengesBeforeUpgrading(@TempDir Path tmp) throws Exception {
        Path logins = Files.writeString(tmp.resolve("logins"), "user:secret\n");
        VhostSettings.Builder vhost = VhostSettings.builder("localhost")
                .mount(Mount.builder("/chat", "callback://chat").basicAuth(logins).build());
        try (WsTestServer s = WsTestServer.create(ContextSettings.builder(), Options.builder(), vhost)) {
            assertTrue(s.upgrade().startsWith("HTTP/1.1 401 "));
            assertEquals(List.of(), s.chat.events);
        }
        try (WsTestServer s = WsTestServer.create(ContextSettings.builder(), Options.builder(),
                VhostSettings.builder("localhost").mount(Mount.builder("/chat", "callback://chat").basicAuth(logins)
                        .build()))) {
            String head = s.upgrade("Authorization: Basic dXNlcjpzZWNyZXQ=\r\n");
            assertTrue(head.startsWith("HTTP/1.1 101 "), head);
        }
    }

    @Test
    void mountWithNoWsUpgradesRefusesWith403() {
        VhostSettings.Builder vhost = VhostSettings.builder("localhost")
                .mount(Mount.builder("/chat", "callback://chat").noWsUpgrades(true).build());
        try (WsTestServer s = WsTestServer.create(ContextSettings.builder(), Options.builder(), vhost)) {
            assertTrue(s.upgrade().startsWith("HTTP/1.1 403 "));
        }
    }
}
