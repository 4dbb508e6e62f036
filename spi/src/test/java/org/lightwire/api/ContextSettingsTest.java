package org.lightwire.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** {@link ContextSettings}: lws {@code lws_context_creation_info}; every limit checked, with a safe default. */
class ContextSettingsTest {

    private static void assertRejected(String key, UnaryOperator<ContextSettings.Builder> setting) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> setting.apply(ContextSettings.builder()).build());
        assertTrue(e.getMessage().contains(key), "message names '" + key + "': " + e.getMessage());
    }

    @Test
    void defaultsAreSafeAndMatchLws() {
        ContextSettings s = ContextSettings.builder().build();

        assertEquals(1, s.countThreads());
        assertEquals(5, s.timeoutSecs());
        assertEquals(0, s.ipLimitWsi(), "no per-IP limit unless asked");
        assertEquals(TcpKeepalive.OFF, s.tcpKeepalive());
        assertEquals(RetryPolicy.DEFAULT, s.retryPolicy());
        assertEquals(0, s.udpLossSimTxPercent());
        assertEquals(0, s.udpLossSimRxPercent());
        assertEquals(64 * 1024, s.rxBufferSize());
        assertEquals(64 * 1024, s.streamBufferSize());
        assertEquals(List.of(), s.vhosts());
        assertEquals(List.of(), s.pluginDirs());
        assertEquals(List.of(), s.systemNotifiers());
    }

    @Test
    void countThreadsMustBe1To64() {
        assertRejected("count-threads", b -> b.countThreads(0));
        assertRejected("count-threads", b -> b.countThreads(65));
        assertEquals(64, ContextSettings.builder().countThreads(64).build().countThreads());
    }

    @Test
    void timeoutSecsMustBePositiveAndAtMostADay() {
        assertRejected("timeout-secs", b -> b.timeoutSecs(0));
        assertRejected("timeout-secs", b -> b.timeoutSecs(86_401));
    }

    @Test
    void ipLimitWsiMustNotBeNegative() {
        assertRejected("ip-limit-wsi", b -> b.ipLimitWsi(-1));
        assertEquals(2, ContextSettings.builder().ipLimitWsi(2).build().ipLimitWsi());
    }

    @Test
    void udpLossSimulationIsAPercentage() {
        assertRejected("udp-loss-sim-tx-pc", b -> b.udpLossSimTxPercent(101));
        assertRejected("udp-loss-sim-rx-pc", b -> b.udpLossSimRxPercent(-1));
    }

    @Test
    void bufferSizesAreBounded() {
        assertRejected("rx-buffer-size", b -> b.rxBufferSize(511));
        assertRejected("rx-buffer-size", b -> b.rxBufferSize((16 << 20) + 1));
        assertRejected("stream-buffer-size", b -> b.streamBufferSize(100));
    }

    @Test
    void retryPolicyAndKeepaliveAreRequired() {
        assertThrows(NullPointerException.class, () -> ContextSettings.builder().retryPolicy(null).build());
        assertThrows(NullPointerException.class, () -> ContextSettings.builder().tcpKeepalive(null).build());
    }

    @Test
    void listsKeepOrderAndAreImmutableSnapshots() {
        VhostSettings a = VhostSettings.builder("a").build();
        VhostSettings b = VhostSettings.builder("b").build();
        ContextSettings.Builder builder = ContextSettings.builder().vhost(a).vhost(b).pluginDir(Path.of("/p"));
        ContextSettings s = builder.build();

        builder.vhost(VhostSettings.builder("c").build());

        assertEquals(List.of(a, b), s.vhosts());
        assertThrows(UnsupportedOperationException.class, () -> s.vhosts().add(a));
        assertThrows(UnsupportedOperationException.class, () -> s.pluginDirs().clear());
    }

    @Test
    void keepaliveNeedsIntervalAndProbesWhenEnabled() {
        assertThrows(IllegalArgumentException.class, () -> new TcpKeepalive(60, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> new TcpKeepalive(60, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> new TcpKeepalive(-1, 0, 0));
        assertTrue(new TcpKeepalive(60, 10, 3).enabled());
        assertEquals(false, TcpKeepalive.OFF.enabled());
    }
}
