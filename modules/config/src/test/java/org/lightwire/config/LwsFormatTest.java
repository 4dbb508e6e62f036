package org.lightwire.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lightwire.api.ContextSettings;
import org.lightwire.api.VhostSettings;

/** The lwsws extensions to JSON and lws' reading of values (README.lwsws.md, "Lwsws Configuration"). */
class LwsFormatTest {

    @Test
    void hashStartsACommentToTheEndOfTheLine() throws ConfigException {
        ContextSettings settings = Configs.parse("""
                # these are the server global settings
                {
                 "global": { # comment after a brace
                  "count-threads": "2", # returned in http headers
                  "timeout-secs": 7 # a comment right after a number
                 }
                }
                # trailing comment without a newline""");

        assertEquals(2, settings.countThreads());
        assertEquals(7, settings.timeoutSecs());
    }

    @Test
    void hashInsideAStringIsLiteral() throws ConfigException {
        VhostSettings vhost = Configs.onlyVhost("\"interface\": \"eth#0\", # a real comment\n"
                + "\"ws-protocols\": [{\"p\": {\"colour\": \"#ff0000\"}}]");

        assertEquals(Optional.of("eth#0"), vhost.iface());
        assertEquals(Optional.of("#ff0000"), vhost.protocols().get(0).options().get("colour"));
    }

    @Test
    void dataDirPlaceholderIsReplacedInEveryString() throws ConfigException {
        ContextSettings settings = Configs.parse("""
                { "global": { "plugin-dir": "_lws_ddir_/plugins" },
                  "vhosts": [{ "name": "v", "port": 80,
                    "ws-protocols": [{ "p": { "files": "_lws_ddir_/a:_lws_ddir_/b", "deep": { "f": "_lws_ddir_" } } }] }] }
                """);

        assertEquals(List.of(Path.of("/usr/share/lightwire/plugins")), settings.pluginDirs());
        var options = settings.vhosts().get(0).protocols().get(0).options();
        assertEquals(Optional.of("/usr/share/lightwire/a:/usr/share/lightwire/b"), options.get("files"));
        assertEquals(Optional.of("/usr/share/lightwire"), options.child("deep").get("f"));
    }

    @Test
    void numberAndStringSpellingsOfAValueAreTheSame() throws ConfigException {
        ContextSettings quoted = Configs.parse(Configs.vhostWith("\"retry-ms\": \"500\"")
                .replace("\"port\": \"80\"", "\"port\": \"7681\""));
        ContextSettings bare = Configs.parse(Configs.vhostWith("\"retry-ms\": 500")
                .replace("\"port\": \"80\"", "\"port\": 7681"));

        assertEquals(7681, quoted.vhosts().get(0).port());
        assertEquals(7681, bare.vhosts().get(0).port());
        assertEquals(quoted.vhosts().get(0).retryPolicy(), bare.vhosts().get(0).retryPolicy());
    }

    @Test
    void numbersAndBooleansBecomeTheirTextInProtocolOptions() throws ConfigException {
        VhostSettings vhost = Configs.onlyVhost(
                "\"ws-protocols\": [{\"p\": {\"update-ms\": 5000, \"raw\": true, \"ratio\": -1.5e3}}]");

        var options = vhost.protocols().get(0).options();
        assertEquals(Optional.of("5000"), options.get("update-ms"));
        assertEquals(Optional.of("true"), options.get("raw"));
        assertEquals(Optional.of("-1.5e3"), options.get("ratio"));
        assertTrue(vhost.protocols().get(0).isRawDefault());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1\"", "\"on\"", "\"ON\"", "\"yes\"", "\"Yes\"", "\"true\"", "\"TRUE\"", "true", "1",
        "\"2\"", "\"-1\"", "\"0010\"", "\"99999999999999999999\""})
    void flagIsTrueForNonZeroIntegersAndOnYesTrueInAnyCase(String value) throws ConfigException {
        assertTrue(Configs.onlyVhost("\"apply-listen-accept\": " + value).applyListenAccept());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"0\"", "\"off\"", "\"Off\"", "\"no\"", "\"NO\"", "\"false\"", "\"False\"", "false", "0",
        "\"00\"", "\"-0\""})
    void flagIsFalseForZeroAndOffNoFalseInAnyCase(String value) throws ConfigException {
        // set true first so that the test shows the value switching it off
        VhostSettings vhost = Configs.onlyVhost("\"apply-listen-accept\": \"1\", \"apply-listen-accept\": " + value);

        assertEquals(false, vhost.applyListenAccept());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"maybe\"", "\"1.0\"", "\" 1\"", "\"enabled\"", "\"0x1\""})
    void flagRefusesAnythingElseNamingTheKey(String value) {
        ConfigException e = Configs.refused(Configs.vhostWith("\"unix-socket\": " + value));

        assertEquals("vhosts[0].unix-socket", e.key());
        assertTrue(e.getMessage().contains("expected a flag"), e.getMessage());
    }

    @Test
    void onlyrawIsTheLegacySpellingOfApplyListenAccept() throws ConfigException {
        assertTrue(Configs.onlyVhost("\"onlyraw\": \"1\"").applyListenAccept());
        assertEquals(false, Configs.onlyVhost("\"onlyraw\": \"0\"").applyListenAccept());
    }

    @Test
    void aKeyGivenTwiceKeepsItsLastValue() throws ConfigException {
        assertEquals(8080, Configs.onlyVhost("\"port\": 8080").port());
        assertEquals(3, Configs.global("\"count-threads\": 2, \"count-threads\": 3").countThreads());
    }

    @Test
    void byteOrderMarkAtTheStartIsSkipped() throws ConfigException {
        assertEquals(4, Configs.parse("\uFEFF{\"global\": {\"count-threads\": 4}}").countThreads());
    }

    @Test
    void emptySectionsAreAllowed() throws ConfigException {
        ContextSettings settings = Configs.parse("{ \"global\": {}, \"vhosts\": [] }");

        assertEquals(List.of(), settings.vhosts());
        assertEquals(1, Configs.parse("{}").countThreads());
    }
}
