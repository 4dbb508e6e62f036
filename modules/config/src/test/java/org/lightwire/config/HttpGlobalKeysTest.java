package org.lightwire.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.HttpLimits;
import org.lightwire.api.Privileges;
import org.lightwire.api.RejectServiceKeyword;

/** The global keys the HTTP server and the launcher's start checks use. */
class HttpGlobalKeysTest {

    private static void assertRefused(String members, String key, String problem) {
        ConfigException e = Configs.refused("{\"global\": {" + members + "}}");

        assertEquals("global." + key, e.key());
        assertTrue(e.getMessage().endsWith(problem), e.getMessage());
    }

    @Test
    void defaultsWhenNoKeyIsGiven() throws ConfigException {
        ContextSettings settings = Configs.global("");

        assertEquals("lightwire", settings.serverString());
        assertEquals(List.of(), settings.rejectServiceKeywords());
        assertEquals(0, settings.ipLimitAh());
        assertEquals(OptionalInt.empty(), settings.rlimitNofile());
        assertEquals(Privileges.NONE, settings.privileges());
        assertEquals(Optional.empty(), settings.cryptoBackend());
        assertEquals(HttpLimits.DEFAULTS, settings.httpLimits());
        assertEquals(false, settings.initSsl());
        assertEquals(0, settings.wsPingpongSecs());
        assertEquals(Optional.empty(), settings.defaultAlpn());
    }

    @Test
    void defaultAlpnIsTheContextsAlpnList() throws ConfigException {
        assertEquals(Optional.of("http/1.1"), Configs.global("\"default-alpn\": \"http/1.1\"").defaultAlpn());
    }

    @Test
    void serverStringIsTheServerHeader() throws ConfigException {
        assertEquals("myserver v1", Configs.global("\"server-string\": \"myserver v1\"").serverString());
    }

    @Test
    void serverStringThatCouldSplitAHeaderIsRefused() {
        assertRefused("\"server-string\": \"a\\r\\nSet-Cookie: x\"", "server-string",
                "server-string must not contain control characters (character 2)");
        assertRefused("\"server-string\": \"\"", "server-string", "server-string must be 1..256 characters, not 0");
        assertRefused("\"server-string\": [\"a\"]", "server-string", "expected a string, found an array");
    }

    @Test
    void rejectServiceKeywordsMapUserAgentTextToAStatus() throws ConfigException {
        ContextSettings settings = Configs.global("""
                "reject-service-keywords": [{ "scumbot": "404 Not Found", "crawler": "403" },
                                            { "bad agent": 451 }]""");

        assertEquals(List.of(new RejectServiceKeyword("scumbot", "404 Not Found"),
                new RejectServiceKeyword("crawler", "403"), new RejectServiceKeyword("bad agent", "451")),
                settings.rejectServiceKeywords());
        assertEquals(404, settings.rejectServiceKeywords().get(0).statusCode());
        assertEquals("Not Found", settings.rejectServiceKeywords().get(0).reason());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"Not Found\"       | a space and a reason, e.g. \"404 Not Found\", not 'Not Found'",
        "\"40\"              | a space and a reason, e.g. \"404 Not Found\", not '40'",
        "\"4040 x\"          | a space and a reason, e.g. \"404 Not Found\", not '4040 x'",
        "\"099 Odd\"         | status code 99 for 'bot' must be 100..599",
        "\"600 Odd\"         | status code 600 for 'bot' must be 100..599",
        "\"404 A\\r\\nB: c\" | must be a 3-digit code optionally followed by a space and a reason, e.g. \"404 Not Found\", not '404 A\\x0d\\x0aB: c'",
        "{}                  | expected a string, found an object",
    })
    void badRejectServiceStatusIsRefusedAtItsKey(String status, String problem) {
        assertRefused("\"reject-service-keywords\": [{\"bot\": " + status + "}]",
                "reject-service-keywords[0].bot", problem);
    }

    @Test
    void rejectServiceKeywordsMustBeAnArrayOfObjects() {
        assertRefused("\"reject-service-keywords\": {\"bot\": \"404\"}", "reject-service-keywords",
                "expected an array of objects mapping user-agent text to a status, found an object");
        assertRefused("\"reject-service-keywords\": [\"bot\"]", "reject-service-keywords[0]",
                "expected an object mapping user-agent text to a status, found a string");
        assertRefused("\"reject-service-keywords\": [{\"\": \"404\"}]", "reject-service-keywords[0].",
                "the user agent text must not be empty");
    }

    @Test
    void ipLimitAhAndRlimitNofileSetTheirSettings() throws ConfigException {
        ContextSettings settings = Configs.global("\"ip-limit-ah\": \"24\", \"rlimit-nofile\": \"4096\"");

        assertEquals(24, settings.ipLimitAh());
        assertEquals(OptionalInt.of(4096), settings.rlimitNofile());
    }

    @Test
    void ipLimitAhAndRlimitNofileRefuseBadValues() {
        assertRefused("\"ip-limit-ah\": -1", "ip-limit-ah", "ip-limit-ah must be 0..2147483647, not -1");
        assertRefused("\"rlimit-nofile\": 0", "rlimit-nofile", "rlimit-nofile must be 1..2147483647, not 0");
        assertRefused("\"rlimit-nofile\": \"many\"", "rlimit-nofile", "expected an integer, found 'many'");
    }

    @Test
    void privilegeKeysBecomePrivileges() throws ConfigException {
        ContextSettings settings = Configs.global(
                "\"username\": \"apache\", \"groupname\": \"apache\", \"uid\": \"48\", \"gid\": 48");

        assertEquals(new Privileges(Optional.of("apache"), Optional.of("apache"), OptionalInt.of(48),
                OptionalInt.of(48)), settings.privileges());
        assertTrue(settings.privileges().requested());
    }

    @Test
    void privilegeKeysRefuseBadValues() {
        assertRefused("\"uid\": -1", "uid", "must be 0..2147483647, not -1");
        assertRefused("\"gid\": \"wheel\"", "gid", "expected an integer, found 'wheel'");
        assertRefused("\"username\": \"\"", "username", "username '' is not a valid name (empty, or holds ':', '/', CR, LF or NUL)");
        assertRefused("\"groupname\": \"a:b\"", "groupname", "groupname 'a:b' is not a valid name (empty, or holds ':', '/', CR, LF or NUL)");
        assertRefused("\"username\": {}", "username", "expected a string, found an object");
    }

    @Test
    void cryptoBackendNamesABundle() throws ConfigException {
        assertEquals(Optional.of("bc"), Configs.global("\"crypto-backend\": \"bc\"").cryptoBackend());
        assertEquals(Optional.of("jca"), Configs.global("\"crypto-backend\": \"jca\"").cryptoBackend());
    }

    @Test
    void cryptoBackendRefusesNamesThatAreNotNames() {
        assertRefused("\"crypto-backend\": \"\"", "crypto-backend", "crypto-backend must be 1..64 characters, not 0");
        assertRefused("\"crypto-backend\": \"b c\"", "crypto-backend",
                "crypto-backend 'b c' must hold only letters, digits, '.', '_' or '-'");
        assertRefused("\"crypto-backend\": [\"bc\"]", "crypto-backend", "expected a string, found an array");
    }

    @Test
    void asyncDnsNameserverTakesAnIpWithOptionalPort() throws ConfigException {
        assertEquals(Optional.of("127.0.0.1:5353"),
                Configs.global("\"async-dns-nameserver\": \"127.0.0.1:5353\"").asyncDnsNameserver());
        assertEquals(Optional.of("[::1]:53"), Configs.global("\"async-dns-nameserver\": \"[::1]:53\"").asyncDnsNameserver());
        assertEquals(Optional.of("192.0.2.1"), Configs.global("\"async-dns-nameserver\": \"192.0.2.1\"").asyncDnsNameserver());
    }

    @Test
    void asyncDnsNameserverRefusesNamesAndBadPorts() {
        assertRefused("\"async-dns-nameserver\": \"dns.example\"", "async-dns-nameserver",
                "async-dns-nameserver 'dns.example' must be an IP address (a name would itself need resolving)");
        assertRefused("\"async-dns-nameserver\": \"127.0.0.1:70000\"", "async-dns-nameserver",
                "async-dns-nameserver '127.0.0.1:70000' has a bad port");
        assertRefused("\"async-dns-nameserver\": \"300.1.1.1\"", "async-dns-nameserver",
                "async-dns-nameserver '300.1.1.1' must be an IP address (a name would itself need resolving)");
    }

    @Test
    void httpLimitKeysSetTheLimitsAndKeepTheOtherDefaults() throws ConfigException {
        ContextSettings settings = Configs.global("""
                "http-max-request-line": 4096, "http-max-header-count": "50",
                "http-max-body-bytes": "1099511627776", "http-header-timeout-secs": 3""");

        assertEquals(HttpLimits.builder().maxRequestLine(4096).maxHeaderCount(50).maxBodyBytes(1L << 40).headerTimeoutSecs(3)
                .build(), settings.httpLimits());
        assertEquals(32768, Configs.global("\"http-max-header-bytes\": 32768").httpLimits().maxHeaderBytes());
    }

    @Test
    void bodyAndLingerLimitKeysSetTheirLimitsAndKeepTheOtherDefaults() throws ConfigException {
        ContextSettings settings = Configs.global("""
                "http-max-chunk-line": 64, "http-max-trailer-bytes": "128",
                "http-discard-body-bytes": 0, "http-linger-secs": "5", "http-linger-bytes": 1000""");

        assertEquals(HttpLimits.builder().maxChunkLine(64).maxTrailerBytes(128).discardBodyBytes(0)
                .lingerSecs(5).lingerBytes(1000).build(), settings.httpLimits());
        assertEquals(1, Configs.global("\"http-linger-bytes\": 1").httpLimits().lingerBytes());
        assertEquals(HttpLimits.DEFAULTS.lingerSecs(), Configs.global("\"http-linger-bytes\": 1").httpLimits().lingerSecs(),
                "a key left out keeps its default");
    }

    @Test
    void fileAndQueueLimitKeysSetTheirLimitsAndKeepTheOtherDefaults() throws ConfigException {
        ContextSettings settings = Configs.global("""
                "http-max-range-parts": 2, "http-max-zip-directory-bytes": "65536",
                "http-max-credentials-file-bytes": 1024, "http-access-log-queue-lines": 16""");

        assertEquals(HttpLimits.builder().maxRangeParts(2).maxZipDirectoryBytes(64 << 10).maxCredentialsFileBytes(1024)
                .accessLogQueueLines(16).build(), settings.httpLimits());
        HttpLimits upperBounds = Configs.global("""
                "http-max-range-parts": 1024, "http-max-zip-directory-bytes": 1073741824,
                "http-max-credentials-file-bytes": 67108864, "http-access-log-queue-lines": 1048576""").httpLimits();
        assertEquals(HttpLimits.builder().maxRangeParts(1024).maxZipDirectoryBytes(1 << 30)
                .maxCredentialsFileBytes(64 << 20).accessLogQueueLines(1 << 20).build(), upperBounds);
        HttpLimits oneKey = Configs.global("\"http-max-range-parts\": 3").httpLimits();
        assertEquals(HttpLimits.DEFAULTS.toBuilder().maxRangeParts(3).build(), oneKey, "a key left out keeps its default");
    }

    @Test
    void httpLimitsFromSeveralFilesCombine() throws ConfigException {
        // one document repeating the section is how a later conf.d file reads to the assembler
        ContextSettings settings = Configs.parse("""
                {"global": {"http-max-request-line": 1024, "http-max-header-count": 10},
                 "global": {"http-max-header-count": 20}}""");

        assertEquals(1024, settings.httpLimits().maxRequestLine());
        assertEquals(20, settings.httpLimits().maxHeaderCount());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "http-max-request-line    | 15          | http-max-request-line must be 16..1048576, not 15",
        "http-max-request-line    | 1048577     | http-max-request-line must be 16..1048576, not 1048577",
        "http-max-header-bytes    | 0           | http-max-header-bytes must be 64..16777216, not 0",
        "http-max-header-count    | 0           | http-max-header-count must be 1..10000, not 0",
        "http-max-header-count    | 10001       | http-max-header-count must be 1..10000, not 10001",
        "http-max-body-bytes      | -1          | must be 0..1099511627776, not -1",
        "http-max-body-bytes      | 1099511627777 | must be 0..1099511627776, not 1099511627777",
        "http-header-timeout-secs | 0           | http-header-timeout-secs must be 1..3600, not 0",
        "http-header-timeout-secs | \"ten\"     | expected an integer, found 'ten'",
        "http-max-chunk-line      | 31          | http-max-chunk-line must be 32..65536, not 31",
        "http-max-chunk-line      | 65537       | http-max-chunk-line must be 32..65536, not 65537",
        "http-max-trailer-bytes   | 15          | http-max-trailer-bytes must be 16..1048576, not 15",
        "http-max-trailer-bytes   | 1048577     | http-max-trailer-bytes must be 16..1048576, not 1048577",
        "http-discard-body-bytes  | -1          | http-discard-body-bytes must be 0..1073741824, not -1",
        "http-discard-body-bytes  | 1073741825  | http-discard-body-bytes must be 0..1073741824, not 1073741825",
        "http-linger-secs         | -1          | http-linger-secs must be 0..300, not -1",
        "http-linger-secs         | 301         | http-linger-secs must be 0..300, not 301",
        "http-linger-bytes        | 1073741825  | http-linger-bytes must be 0..1073741824, not 1073741825",
        "http-linger-bytes        | 4294967296  | integer '4294967296' is out of range",
        "http-max-range-parts     | 0           | http-max-range-parts must be 1..1024, not 0",
        "http-max-range-parts     | 1025        | http-max-range-parts must be 1..1024, not 1025",
        "http-max-zip-directory-bytes | 65535   | http-max-zip-directory-bytes must be 65536..1073741824, not 65535",
        "http-max-zip-directory-bytes | 1073741825 | http-max-zip-directory-bytes must be 65536..1073741824, not 1073741825",
        "http-max-credentials-file-bytes | 1023 | http-max-credentials-file-bytes must be 1024..67108864, not 1023",
        "http-max-credentials-file-bytes | 67108865 | http-max-credentials-file-bytes must be 1024..67108864, not 67108865",
        "http-access-log-queue-lines | 15       | http-access-log-queue-lines must be 16..1048576, not 15",
        "http-access-log-queue-lines | 1048577  | http-access-log-queue-lines must be 16..1048576, not 1048577",
        "http-access-log-queue-lines | \"many\" | expected an integer, found 'many'",
    })
    void httpLimitOutOfRangeIsRefusedAtItsKey(String key, String value, String problem) {
        assertRefused("\"" + key + "\": " + value, key, problem);
    }
}
