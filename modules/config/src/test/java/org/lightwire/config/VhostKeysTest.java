package org.lightwire.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.Options;
import org.lightwire.api.ProtocolSelection;
import org.lightwire.api.RetryPolicy;
import org.lightwire.api.VhostSettings;

/** The keys of a {@code "vhosts"} entry and the settings they give. */
class VhostKeysTest {

    @Test
    void portZeroAsksForAnEphemeralPort() throws ConfigException {
        VhostSettings vhost = Configs.onlyVhost("\"port\": 0");

        assertEquals(0, vhost.port());
        assertTrue(vhost.listens());
    }

    @Test
    void unixSocketVhostListensOnThePathInInterfaceAndNeedsNoPort() throws ConfigException {
        VhostSettings vhost = Configs.parse("""
                {"vhosts": [{"name": "local", "unix-socket": "1", "interface": "/run/lightwire.sock",
                             "unix-socket-perms": "www-data:"}]}""").vhosts().get(0);

        assertTrue(vhost.unixSocket());
        assertTrue(vhost.listens());
        assertEquals(Optional.of("/run/lightwire.sock"), vhost.iface());
        assertEquals(Optional.of("www-data:"), vhost.unixSocketOwner());
    }

    @Test
    void emptyInterfaceIsRefusedRatherThanReadAsEveryAddress() {
        assertEquals("vhosts[0].interface", Configs.refused(Configs.vhostWith("\"interface\": \"\"")).key());
    }

    @Test
    void unixSocketPermsMustBeUserColonGroup() {
        ConfigException e = Configs.refused(Configs.vhostWith("\"unix-socket-perms\": \"www-data\""));

        assertEquals("vhosts[0].unix-socket-perms", e.key());
    }

    @Test
    void protocolsKeepTheirOrderAcrossObjectsAndArrays() throws ConfigException {
        VhostSettings vhost = Configs.onlyVhost("""
                "ws-protocols": [{ "b": {}, "a": {} }, { "c": { "status": "ok" } }],
                "ws-protocols": [{ "d": {} }]""");

        assertEquals(List.of("b", "a", "c", "d"), vhost.protocols().stream().map(ProtocolSelection::name).toList());
        assertEquals(Options.EMPTY, vhost.protocols().get(0).options());
    }

    @Test
    void nestedOptionObjectsBecomeNestedOptionsWithAnEmptyValue() throws ConfigException {
        VhostSettings vhost = Configs.onlyVhost("""
                "ws-protocols": [{ "lws-acme-client": {
                  "common-name": "example.com",
                  "email": { "address": "a@example.com", "notify": { "on": "renewal" } }
                } }]""");

        Options expected = Options.builder()
                .add("common-name", "example.com")
                .add("email", "", Options.builder()
                        .add("address", "a@example.com")
                        .add("notify", "", Options.builder().add("on", "renewal").build())
                        .build())
                .build();
        assertEquals(expected, vhost.protocols().get(0).options());
    }

    @Test
    void repeatedOptionsKeepEveryValueInOrder() throws ConfigException {
        VhostSettings vhost = Configs.onlyVhost("""
                "ws-protocols": [{ "lws-server-status": {
                  "filespath": "/proc/a", "filespath": "/proc/b", "update-ms": "5000" } }]""");

        Options options = vhost.protocols().get(0).options();
        assertEquals(List.of("/proc/a", "/proc/b"), options.all("filespath"));
        assertEquals(Optional.of("5000"), options.get("update-ms"));
    }

    @Test
    void optionArraysFlattenIntoRepeatedOptions() throws ConfigException {
        VhostSettings vhost = Configs.onlyVhost("""
                "ws-protocols": [{ "p": {
                  "filespath": ["/proc/a", "/proc/b"],
                  "backend": [{ "host": "h1" }, { "host": "h2" }] } }]""");

        Options expected = Options.builder()
                .add("filespath", "/proc/a")
                .add("filespath", "/proc/b")
                .add("backend", "", Options.builder().add("host", "h1").build())
                .add("backend", "", Options.builder().add("host", "h2").build())
                .build();
        assertEquals(expected, vhost.protocols().get(0).options());
    }

    @Test
    void vhostRetryKeysOverrideOnlyWhatTheyName() throws ConfigException {
        ContextSettings settings = Configs.parse("""
                { "global": { "retry-ms": "1000,2000", "secs-since-valid-ping": 60 },
                  "vhosts": [ { "name": "tuned", "port": 1, "secs-since-valid-ping": 5 },
                              { "name": "plain", "port": 2 } ] }""");

        RetryPolicy global = RetryPolicy.builder().retryMillis(1000, 2000).secsSinceValidPing(60).build();
        assertEquals(global, settings.retryPolicy());
        assertEquals(Optional.of(global.toBuilder().secsSinceValidPing(5).build()),
                settings.vhosts().get(0).retryPolicy());
        assertEquals(Optional.empty(), settings.vhosts().get(1).retryPolicy());
    }

    @Test
    void vhostsMaySharePortAndName() throws ConfigException {
        ContextSettings settings = Configs.parse("""
                {"vhosts": [{"name": "localhost", "port": 80}, {"name": "localhost", "port": 80}]}""");

        assertEquals(2, settings.vhosts().size());
    }
}
