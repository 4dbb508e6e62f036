package org.lightwire.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every refusal names the file, the line and column, and the key, in one line:
 * {@code file:line:column: section: key 'k': problem}.
 */
class ErrorReportingTest {

    /** The error for a vhost whose third line (column 5) is {@code member}. */
    private static ConfigException vhostLine3(String member) {
        return Configs.refused("{\"vhosts\": [{\n    \"name\": \"raw\",\n    " + member + ",\n    \"port\": 1}]}");
    }

    @Test
    void unknownKeyIsRefusedWithFileLineColumnAndKey() {
        ConfigException e = vhostLine3("\"prot\": \"1\"");

        assertEquals("conf.d/test:3:5: vhost 'raw': key 'prot': unknown key", e.getMessage());
        assertEquals(Configs.FILE, e.file());
        assertEquals(3, e.line());
        assertEquals(5, e.column());
        assertEquals("vhosts[0].prot", e.key());
    }

    @Test
    void unknownGlobalKeyIsRefused() {
        ConfigException e = Configs.refused("{\"global\": {\"count-thread\": 1}}");

        assertEquals("conf.d/test:1:13: global: key 'count-thread': unknown key", e.getMessage());
        assertEquals("global.count-thread", e.key());
    }

    @Test
    void unknownTopLevelKeyIsRefused() {
        ConfigException e = Configs.refused("{\"global\": {}, \"vhost\": []}");

        assertEquals("vhost", e.key());
        assertEquals(16, e.column());
        assertTrue(e.getMessage().contains("unknown key"), e.getMessage());
    }

    @Test
    void vhostErrorsNameTheVhostEvenWhenItsNameComesLater() {
        ConfigException e = Configs.refused("{\"vhosts\": [{\"prot\": 1, \"port\": 1, \"name\": \"late\"}]}");

        assertTrue(e.getMessage().contains("vhost 'late': key 'prot'"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "noipv6, IPv6 options", "ipv6only, IPv6 options", "fo-listen-queue, TCP fast open",
        "h2-half-closed-long-poll, HTTP/2",
    })
    void lwsVhostKeyOfAFeatureNotBuiltYetIsRefusedAsNotSupportedYet(String key, String feature) {
        ConfigException e = vhostLine3("\"" + key + "\": \"1\"");

        assertEquals("conf.d/test:3:5: vhost 'raw': key '" + key + "': not supported yet (arrives with "
                + feature + ")", e.getMessage());
        assertEquals("vhosts[0]." + key, e.key());
    }

    @Test
    void arrayWhereAStringIsExpectedIsAWrongType() {
        ConfigException e = vhostLine3("\"interface\": [\"eth0\"]");

        assertEquals("conf.d/test:3:5: vhost 'raw': key 'interface': expected a string, found an array",
                e.getMessage());
    }

    @Test
    void objectOrNullWhereAStringIsExpectedIsAWrongType() {
        assertTrue(vhostLine3("\"listen-accept-role\": {}").getMessage().endsWith("expected a string, found an object"));
        assertTrue(vhostLine3("\"listen-accept-role\": null").getMessage().endsWith("expected a string, found null"));
    }

    @Test
    void badIntegerIsRefusedNamingTheValue() {
        ConfigException e = Configs.refused("{\"vhosts\": [{\"name\": \"v\",\n \"port\": \"80a\"}]}");

        assertEquals("conf.d/test:2:2: vhost 'v': key 'port': expected an integer, found '80a'", e.getMessage());
        assertEquals("vhosts[0].port", e.key());
    }

    @Test
    void integerBeyondIntIsOutOfRange() {
        ConfigException e = Configs.refused("{\"global\": {\"timeout-secs\": 99999999999999999999}}");

        assertTrue(e.getMessage().endsWith("key 'timeout-secs': integer '99999999999999999999' is out of range"),
                e.getMessage());
    }

    @Test
    void portBeyond65535IsRefused() {
        assertTrue(vhostLine3("\"port\": 65536").getMessage().endsWith("key 'port': must be 0..65535, not 65536"));
    }

    @Test
    void countThreadsOutOfRangeIsRefusedAtItsKey() {
        ConfigException e = Configs.refused("{\n \"global\": {\n  \"count-threads\": \"100\"\n }\n}");

        assertEquals("conf.d/test:3:3: global: key 'count-threads': count-threads must be 1..64, not 100",
                e.getMessage());
        assertEquals("global.count-threads", e.key());
    }

    @Test
    void vhostWithoutNameIsRefusedAtTheVhost() {
        ConfigException e = Configs.refused("{\"vhosts\": [{\"port\": 1},\n  {\"port\": 2}]}");

        assertEquals("conf.d/test:1:13: vhosts[0]: key 'name': missing: every vhost needs a name", e.getMessage());
        assertEquals("vhosts[0].name", e.key());
    }

    @Test
    void emptyVhostNameIsRefused() {
        assertEquals("vhosts[0].name", Configs.refused("{\"vhosts\": [{\"name\": \"\", \"port\": 1}]}").key());
    }

    @Test
    void vhostWithoutPortIsRefusedNamingTheVhost() {
        ConfigException e = Configs.refused("{\"vhosts\": [{\"name\": \"a\", \"port\": 1},\n  {\"name\": \"b\"}]}");

        assertEquals("conf.d/test:2:3: vhost 'b': key 'port': missing: a vhost needs a port unless it is a "
                + "unix-socket vhost", e.getMessage());
        assertEquals("vhosts[1].port", e.key());
    }

    @Test
    void unixSocketVhostWithoutInterfaceIsRefusedNamingTheVhost() {
        ConfigException e = vhostLine3("\"unix-socket\": \"on\"");

        assertEquals("conf.d/test:3:5: vhost 'raw': key 'unix-socket': a unix-socket vhost needs its socket path "
                + "in 'interface'", e.getMessage());
    }

    @Test
    void protocolNamedTwiceIsRefusedAtTheSecond() {
        ConfigException e = Configs.refused("""
                {"vhosts": [{"name": "raw", "port": 1,
                  "ws-protocols": [{ "lws-status": {} },
                                   { "lws-status": { "status": "ok" } }] }]}""");

        assertEquals("conf.d/test:3:22: vhost 'raw': key 'ws-protocols[1].lws-status': protocol 'lws-status' is "
                + "named twice (first at 2:22)", e.getMessage());
        assertEquals("vhosts[0].ws-protocols[1].lws-status", e.key());
    }

    @Test
    void protocolWithoutAnOptionsObjectIsRefused() {
        ConfigException e = vhostLine3("\"ws-protocols\": [{\"p\": \"ok\"}]");

        assertTrue(e.getMessage().endsWith("key 'ws-protocols[0].p': expected an object of options, found a string"),
                e.getMessage());
    }

    @Test
    void wsProtocolsThatIsNotAnArrayOfObjectsIsRefused() {
        assertEquals("vhosts[0].ws-protocols", vhostLine3("\"ws-protocols\": {\"p\": {}}").key());
        assertEquals("vhosts[0].ws-protocols[0]", vhostLine3("\"ws-protocols\": [\"p\"]").key());
    }

    @Test
    void badOptionValueIsRefusedWithItsFullPath() {
        ConfigException e = vhostLine3("\"ws-protocols\": [{\"p\": {\"list\": [\"a\", [\"b\"]], \"n\": null}}]");

        assertEquals("vhosts[0].ws-protocols[0].p.list[1]", e.key());
        assertEquals(
                "vhosts[0].ws-protocols[0].p.n", vhostLine3("\"ws-protocols\": [{\"p\": {\"n\": null}}]").key());
    }

    @Test
    void syntaxErrorNamesTheKeyBeingRead() {
        ConfigException e = Configs.refused("{\"vhosts\": [{\"name\": \"raw,\n \"port\": 1}]}");

        assertEquals("conf.d/test:1:22: key 'vhosts[0].name': unterminated string: the line ends before the closing "
                + "quote", e.getMessage());
        assertEquals("vhosts[0].name", e.key());
    }

    @Test
    void syntaxErrorOutsideAnyKeyHasNoKey() {
        ConfigException e = Configs.refused("{\"global\": {}} x");

        assertNull(e.key());
        assertEquals("conf.d/test:1:16: unexpected 'x' after the end of the document", e.getMessage());
    }

    @Test
    void documentThatIsNotAnObjectIsRefused() {
        assertEquals("conf.d/test:1:1: a config file holds one JSON object, not an array",
                Configs.refused("[]").getMessage());
    }

    @Test
    void controlCharactersInKeysStayOnOneLineOfMessage() {
        ConfigException e = Configs.refused("{\"global\": {\"a\\nb\": 1}}");

        assertEquals("conf.d/test:1:13: global: key 'a\\u000ab': unknown key", e.getMessage());
    }

    @Test
    void longKeysAreShortenedInTheMessage() {
        String key = "k".repeat(1000);
        ConfigException e = Configs.refused("{\"global\": {\"" + key + "\": 1}}");

        assertTrue(e.getMessage().length() < 200, e.getMessage());
        assertEquals("global." + key, e.key());
    }
}
