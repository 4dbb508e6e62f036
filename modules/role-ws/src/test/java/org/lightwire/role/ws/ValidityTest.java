package org.lightwire.role.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Options;
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.VhostSettings;

/** ws-pingpong-secs and RetryPolicy validity on WebSocket connections (lws README.lws_retry.md). */
class ValidityTest {

    @Test
    void wsPingpongSecsPingsAnIdleConnectionAndHangsUpOnSilence() {
        try (WsTestServer s = WsTestServer.create(ContextSettings.builder().wsPingpongSecs(10), Options.builder(),
                VhostSettings.builder("localhost"))) {
            s.upgrade();
            s.connection.advanceSeconds(9);
            assertEquals(List.of(), s.frames());
            s.connection.advanceSeconds(1);
            List<Peer.Frame> out = s.frames();
            assertEquals(1, out.size());
            assertEquals(0x9, out.get(0).opcode());
            s.connection.advanceSeconds(10);
            assertFalse(s.connection.isOpen(), "no answer within another period: hung up");
        }
    }

    @Test
    void pongToTheIdlePingKeepsTheConnection() {
        try (WsTestServer s = WsTestServer.create(ContextSettings.builder().wsPingpongSecs(10), Options.builder(),
                VhostSettings.builder("localhost"))) {
            s.upgrade();
            s.connection.advanceSeconds(10);
            assertEquals(0x9, s.frames().get(0).opcode());
            s.send(Peer.frame(0xA, true, new byte[0]));
            s.connection.advanceSeconds(10);
            assertTrue(s.connection.isOpen());
            assertEquals(0x9, s.frames().get(0).opcode(), "pinged again after the next idle period");
        }
    }

    @Test
    void trafficPostponesThePing() {
        try (WsTestServer s = WsTestServer.create(ContextSettings.builder().wsPingpongSecs(10), Options.builder(),
                VhostSettings.builder("localhost"))) {
            s.upgrade();
            s.connection.advanceSeconds(6);
            s.send(Peer.text("busy"));
            s.connection.advanceSeconds(6);
            assertEquals(List.of(), s.frames());
            s.connection.advanceSeconds(4);
            assertEquals(0x9, s.frames().get(0).opcode());
        }
    }

    @Test
    void retryPolicyValidityPingsAndAPongConfirms() {
        RetryPolicy policy = RetryPolicy.builder().secsSinceValidPing(30).secsSinceValidHangup(40).build();
        try (WsTestServer s = WsTestServer.create(ContextSettings.builder(), Options.builder(),
                VhostSettings.builder("localhost").retryPolicy(policy))) {
            s.upgrade();
            s.connection.advanceSeconds(30);
            assertEquals(0x9, s.frames().get(0).opcode());
            s.send(Peer.frame(0xA, true, new byte[0]));
            s.connection.advanceSeconds(15);
            assertTrue(s.connection.isOpen(), "the pong restarted the validity timers");
        }
    }

    @Test
    void retryPolicyValidityHangsUpWithoutAPong() {
        RetryPolicy policy = RetryPolicy.builder().secsSinceValidPing(30).secsSinceValidHangup(40).build();
        try (WsTestServer s = WsTestServer.create(ContextSettings.builder(), Options.builder(),
                VhostSettings.builder("localhost").retryPolicy(policy))) {
            s.upgrade();
            s.connection.advanceSeconds(30);
            s.connection.advanceSeconds(10);
            assertFalse(s.connection.isOpen());
            assertTrue(s.chat.events.contains("closed"));
        }
    }
}
