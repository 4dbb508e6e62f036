package org.lightwire.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The WebSocket keys reach the settings model now that the ws role exists. */
class WebSocketKeysTest {

    @Test
    void wsPingpongSecsIsTheContextsIdlePingInterval() throws ConfigException {
        assertEquals(200, Configs.global("\"ws-pingpong-secs\": \"200\"").wsPingpongSecs());
        assertEquals(0, Configs.global("\"ws-pingpong-secs\": \"0\"").wsPingpongSecs());
    }

    @Test
    void wsPingpongSecsOutOfRangeIsRefusedAtItsKey() {
        ConfigException e = Configs.refused("{\"global\": {\"ws-pingpong-secs\": \"86401\"}}");

        assertEquals("global.ws-pingpong-secs", e.key());
        assertTrue(e.getMessage().endsWith("ws-pingpong-secs must be 0..86400, not 86401"), e.getMessage());
    }

    @Test
    void disableNoProtocolWsUpgradesIsAVhostFlag() throws ConfigException {
        assertTrue(Configs.onlyVhost("\"disable-no-protocol-ws-upgrades\": \"1\"").disableNoProtocolWsUpgrades());
        assertFalse(Configs.onlyVhost("\"disable-no-protocol-ws-upgrades\": \"0\"").disableNoProtocolWsUpgrades());
        assertFalse(Configs.onlyVhost("").disableNoProtocolWsUpgrades());
    }
}
