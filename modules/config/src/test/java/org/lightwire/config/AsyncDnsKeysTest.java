package org.lightwire.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lightwire.api.ContextSettings;

/**
 * The {@code async-dns-*} global keys (Lightwire extensions): each context's resolver
 * settings, with lws' build-time defaults, checked for type and range with errors naming
 * file, line and key.
 */
class AsyncDnsKeysTest {

    private static ConfigException refused(String members, String key, String problem) {
        ConfigException e = Configs.refused("{\"global\": {\n" + members + "}}");

        assertEquals("global." + key, e.key());
        assertEquals(2, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(Configs.FILE + ":2:"), e.getMessage());
        assertTrue(e.getMessage().contains(key + "'"), e.getMessage());
        assertTrue(e.getMessage().endsWith(problem), e.getMessage());
        return e;
    }

    private static ToIntFunction<ContextSettings> getter(String key) {
        return switch (key) {
            case "async-dns-timeout-ms" -> ContextSettings::asyncDnsTimeoutMs;
            case "async-dns-retries" -> ContextSettings::asyncDnsRetries;
            case "async-dns-cache-entries" -> ContextSettings::asyncDnsCacheEntries;
            case "async-dns-max-ttl-secs" -> ContextSettings::asyncDnsMaxTtlSecs;
            case "async-dns-max-in-flight" -> ContextSettings::asyncDnsMaxInFlight;
            default -> throw new AssertionError(key);
        };
    }

    @Test
    void defaultsWhenNoKeyIsGiven() throws ConfigException {
        ContextSettings s = Configs.global("");

        assertTrue(s.asyncDnsIpv6());
        assertEquals(2000, s.asyncDnsTimeoutMs());
        assertEquals(2, s.asyncDnsRetries());
        assertEquals(512, s.asyncDnsCacheEntries());
        assertEquals(86_400, s.asyncDnsMaxTtlSecs());
        assertEquals(64, s.asyncDnsMaxInFlight());
        assertEquals(Path.of("/etc/resolv.conf"), s.asyncDnsResolvConf());
    }

    @ParameterizedTest
    @CsvSource({
        "async-dns-timeout-ms, 1", "async-dns-timeout-ms, 60000", "async-dns-timeout-ms, 350",
        "async-dns-retries, 0", "async-dns-retries, 10",
        "async-dns-cache-entries, 0", "async-dns-cache-entries, 1000000",
        "async-dns-max-ttl-secs, 0", "async-dns-max-ttl-secs, 604800",
        "async-dns-max-in-flight, 1", "async-dns-max-in-flight, 10000"})
    void goodIntegersAreKept(String key, int value) throws ConfigException {
        assertEquals(value, getter(key).applyAsInt(Configs.global("\"" + key + "\": \"" + value + "\"")));
        // lwsws writes numbers as strings; a JSON number is the same value
        assertEquals(value, getter(key).applyAsInt(Configs.global("\"" + key + "\": " + value)));
    }

    @ParameterizedTest
    @CsvSource({
        "async-dns-timeout-ms, 0, 1..60000", "async-dns-timeout-ms, 60001, 1..60000",
        "async-dns-retries, -1, 0..10", "async-dns-retries, 11, 0..10",
        "async-dns-cache-entries, -1, 0..1000000", "async-dns-cache-entries, 1000001, 0..1000000",
        "async-dns-max-ttl-secs, -1, 0..604800", "async-dns-max-ttl-secs, 604801, 0..604800",
        "async-dns-max-in-flight, 0, 1..10000", "async-dns-max-in-flight, 10001, 1..10000"})
    void integersOutOfRangeAreRefused(String key, String value, String range) {
        refused("\"" + key + "\": \"" + value + "\"", key, key + " must be " + range + ", not " + value);
    }

    @ParameterizedTest
    @CsvSource({"async-dns-timeout-ms", "async-dns-retries", "async-dns-cache-entries", "async-dns-max-ttl-secs",
        "async-dns-max-in-flight"})
    void integersOfTheWrongTypeAreRefused(String key) {
        refused("\"" + key + "\": \"soon\"", key, "expected an integer, found 'soon'");
        refused("\"" + key + "\": \"99999999999\"", key, "integer '99999999999' is out of range");
        refused("\"" + key + "\": [1]", key, "found an array");
        refused("\"" + key + "\": {}", key, "found an object");
    }

    @Test
    void ipv6IsAFlag() throws ConfigException {
        assertFalse(Configs.global("\"async-dns-ipv6\": \"off\"").asyncDnsIpv6());
        assertFalse(Configs.global("\"async-dns-ipv6\": \"0\"").asyncDnsIpv6());
        assertTrue(Configs.global("\"async-dns-ipv6\": \"yes\"").asyncDnsIpv6());
        refused("\"async-dns-ipv6\": \"maybe\"", "async-dns-ipv6",
                "expected a flag (on/off, yes/no, true/false or an integer), found 'maybe'");
        refused("\"async-dns-ipv6\": [true]", "async-dns-ipv6", "found an array");
    }

    @Test
    void resolvConfIsAPath() throws ConfigException {
        assertEquals(Path.of("/run/lightwire/resolv.conf"),
                Configs.global("\"async-dns-resolv-conf\": \"/run/lightwire/resolv.conf\"").asyncDnsResolvConf());
        refused("\"async-dns-resolv-conf\": \"\"", "async-dns-resolv-conf", "must not be empty");
        refused("\"async-dns-resolv-conf\": \"a\\u0000b\"", "async-dns-resolv-conf", "config strings cannot hold a NUL character");
        refused("\"async-dns-resolv-conf\": [\"/etc/resolv.conf\"]", "async-dns-resolv-conf", "expected a string, found an array");
    }

    @Test
    void aLaterFileReplacesAnEarlierValue() throws ConfigException {
        ContextSettings s = Configs.global("\"async-dns-timeout-ms\": \"100\", \"async-dns-timeout-ms\": \"700\"");
        assertEquals(700, s.asyncDnsTimeoutMs());
    }
}
