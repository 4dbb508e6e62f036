package org.lightwire.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Options;
import org.lightwire.api.ProtocolSelection;
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.TcpKeepalive;
import org.lightwire.api.VhostSettings;

/** The raw-test vhost config from the issue that asked for config loading. */
class IssueConfigTest {

    private static final String ISSUE_CONFIG = """
            { "global": { "plugin-dir": "/some/dir" },
              "vhosts": [{ "name": "raw", "port": "7690", "interface": "127.0.0.1",
                "listen-accept-role": "raw-skt", "listen-accept-protocol": "protocol-lws-raw-test",
                "apply-listen-accept": "1",
                "ws-protocols": [{ "protocol-lws-raw-test": { "status": "ok", "raw": "1" } }] }] }
            """;

    @Test
    void issueConfigGivesTheRawTestVhost() throws ConfigException {
        ContextSettings settings = Configs.parse(ISSUE_CONFIG);

        assertEquals(List.of(Path.of("/some/dir")), settings.pluginDirs());
        assertEquals(1, settings.vhosts().size());
        VhostSettings raw = settings.vhosts().get(0);
        assertEquals("raw", raw.name());
        assertEquals(7690, raw.port());
        assertEquals(Optional.of("127.0.0.1"), raw.iface());
        assertFalse(raw.unixSocket());
        assertEquals(Optional.of("raw-skt"), raw.listenAcceptRole());
        assertEquals(Optional.of("protocol-lws-raw-test"), raw.listenAcceptProtocol());
        assertTrue(raw.applyListenAccept());
        Options pvo = Options.builder().add("status", "ok").add("raw", "1").build();
        assertEquals(List.of(new ProtocolSelection("protocol-lws-raw-test", pvo)), raw.protocols());
        assertTrue(raw.protocols().get(0).isRawDefault());
        assertEquals(Optional.empty(), raw.retryPolicy());
    }

    @Test
    void issueConfigLeavesEveryGlobalDefaultAlone() throws ConfigException {
        ContextSettings settings = Configs.parse(ISSUE_CONFIG);
        ContextSettings defaults = ContextSettings.builder().build();

        assertEquals(defaults.countThreads(), settings.countThreads());
        assertEquals(defaults.timeoutSecs(), settings.timeoutSecs());
        assertEquals(defaults.ipLimitWsi(), settings.ipLimitWsi());
        assertEquals(defaults.rxBufferSize(), settings.rxBufferSize());
        assertEquals(defaults.streamBufferSize(), settings.streamBufferSize());
        assertEquals(TcpKeepalive.OFF, settings.tcpKeepalive());
        assertEquals(RetryPolicy.DEFAULT, settings.retryPolicy());
    }
}
