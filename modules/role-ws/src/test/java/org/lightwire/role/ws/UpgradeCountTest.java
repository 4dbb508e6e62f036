package org.lightwire.role.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lightwire.api.VhostStats;

/** lws {@code ws_upg}: the vhost's statistics count one WebSocket upgrade per 101 sent, none for a refusal. */
class UpgradeCountTest {

    private static VhostStats stats(WsTestServer s) {
        return s.connection.connection().vhost().stats();
    }

    @Test
    void anAcceptedUpgradeCountsOnce() {
        try (WsTestServer s = WsTestServer.create()) {
            assertEquals(0, stats(s).wsUpgrades());

            assertTrue(s.upgrade().startsWith("HTTP/1.1 101 "));
            s.send(Peer.text("hi"));
            s.frames();

            VhostStats after = stats(s);
            assertEquals(1, after.wsUpgrades(), "frames after the upgrade are no further upgrades");
            assertEquals(1, after.httpTransactions(), "the upgrade request was one HTTP transaction");
        }
    }

    @Test
    void aRefusedUpgradeIsNotCounted() {
        try (WsTestServer s = WsTestServer.create()) {
            assertTrue(s.upgrade("Sec-WebSocket-Protocol: nosuch\r\n").startsWith("HTTP/1.1 400 "));
            assertEquals(0, stats(s).wsUpgrades());
        }
    }
}
