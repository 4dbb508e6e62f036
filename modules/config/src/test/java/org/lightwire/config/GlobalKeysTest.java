package org.lightwire.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.TcpKeepalive;

/** The keys of {@code "global"} and the settings they give. */
class GlobalKeysTest {

    @Test
    void lwswsGlobalKeysSetTheirSettings() throws ConfigException {
        ContextSettings settings = Configs.global(
                "\"count-threads\": \"8\", \"timeout-secs\": \"20\", \"ip-limit-wsi\": \"100\"");

        assertEquals(8, settings.countThreads());
        assertEquals(20, settings.timeoutSecs());
        assertEquals(100, settings.ipLimitWsi());
    }

    @Test
    void bufferSizesSetTheirSettings() throws ConfigException {
        ContextSettings settings = Configs.global("\"rx-buffer-size\": 4096, \"stream-buffer-size\": 131072");

        assertEquals(4096, settings.rxBufferSize());
        assertEquals(131072, settings.streamBufferSize());
    }

    @Test
    void udpLossSimulationPercentagesSetTheirSettings() throws ConfigException {
        ContextSettings settings = Configs.global("\"udp-loss-sim-tx-pc\": 10, \"udp-loss-sim-rx-pc\": 100");

        assertEquals(10, settings.udpLossSimTxPercent());
        assertEquals(100, settings.udpLossSimRxPercent());
    }

    @Test
    void keepaliveKeysTogetherEnableTcpKeepalive() throws ConfigException {
        ContextSettings settings = Configs.global("\"ka-time\": 60, \"ka-interval\": 10, \"ka-probes\": 3");

        assertEquals(new TcpKeepalive(60, 10, 3), settings.tcpKeepalive());
    }

    @Test
    void keepaliveTimeOfZeroLeavesKeepaliveOff() throws ConfigException {
        assertEquals(TcpKeepalive.OFF, Configs.global("\"ka-time\": 0").tcpKeepalive());
    }

    @Test
    void keepaliveTimeWithoutIntervalAndProbesIsRefusedAtKaTime() {
        ConfigException e = Configs.refused("{\"global\": {\n \"ka-time\": 60,\n \"ka-probes\": 3}}");

        assertEquals(2, e.line());
        assertEquals("global.ka-time", e.key());
        assertTrue(e.getMessage().endsWith("keepalive needs ka-interval and ka-probes as well"), e.getMessage());
    }

    @Test
    void retryKeysSetTheContextPolicyOverLwsDefaults() throws ConfigException {
        ContextSettings settings = Configs.global("\"retry-ms\": \"1000, 2000,5000\", \"retry-conceal-count\": 4, "
                + "\"retry-jitter-pc\": 20, \"secs-since-valid-ping\": 30");

        RetryPolicy expected = RetryPolicy.builder().retryMillis(1000, 2000, 5000).concealCount(4).jitterPercent(20)
                .secsSinceValidPing(30).secsSinceValidHangup(310).build();
        assertEquals(expected, settings.retryPolicy());
    }

    @Test
    void emptyRetryTableMeansNoRetries() throws ConfigException {
        assertEquals(0, Configs.global("\"retry-ms\": \"\"").retryPolicy().retryMillis().length);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "count-threads      | 0        | count-threads must be 1..64, not 0",
        "count-threads      | 65       | count-threads must be 1..64, not 65",
        "timeout-secs       | 86401    | timeout-secs must be 1..86400, not 86401",
        "ip-limit-wsi       | -1       | ip-limit-wsi must be 0..",
        "rx-buffer-size     | 511      | rx-buffer-size must be 512..16777216, not 511",
        "stream-buffer-size | 16777217 | stream-buffer-size must be 512..16777216",
        "udp-loss-sim-tx-pc | 101      | udp-loss-sim-tx-pc must be 0..100, not 101",
        "udp-loss-sim-rx-pc | -1       | udp-loss-sim-rx-pc must be 0..100, not -1",
        "ka-time            | -1       | must be 0..32767, not -1",
        "ka-interval        | 0        | must be 1..32767, not 0",
        "ka-probes          | 128      | must be 1..127, not 128",
        "retry-jitter-pc    | 101      | jitterPercent must be 0..100",
        "retry-conceal-count| -1       | concealCount must not be negative",
        "secs-since-valid-ping   | -5  | secsSinceValidPing must not be negative",
        "secs-since-valid-hangup | -5  | secsSinceValidHangup must not be negative",
        "retry-ms           | '1,-2'   | entry 2 of the list: expected a non-negative integer, found '-2'",
        "retry-ms           | '1,,2'   | entry 2 of the list",
        "retry-ms           | 9999999999 | entry 1 of the list: '9999999999' is out of range",
    })
    void outOfRangeGlobalValueIsRefusedAtItsKey(String key, String value, String problem) {
        ConfigException e = Configs.refused("{\"global\": {\n  \"" + key + "\": \"" + value + "\"}}");

        assertEquals(Configs.FILE, e.file());
        assertEquals(2, e.line());
        assertEquals(3, e.column());
        assertEquals("global." + key, e.key());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void emptyPluginDirIsRefused() {
        assertEquals("global.plugin-dir", Configs.refused("{\"global\": {\"plugin-dir\": \"\"}}").key());
    }

    @Test
    void pluginDirThatIsNoPathIsRefused() {
        // a NUL is refused by the reader already; an escaped one never reaches Path.of
        ConfigException e = Configs.refused("{\"global\": {\"plugin-dir\": \"/a\\u0000b\"}}");

        assertEquals("global.plugin-dir", e.key());
    }
}
