package org.lightwire.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keys and origins of features not built yet: their values are still read and checked (a
 * wrong type is a type error, not "not supported yet"), and a good value is refused naming
 * the feature, the key and where it is written.
 */
class PendingFeatureKeysTest {

    private static ConfigException vhost(String members) {
        return Configs.refused(Configs.vhostWith(members));
    }

    private static void assertProblem(ConfigException e, String key, String problem) {
        assertEquals(key, e.key());
        assertTrue(e.getMessage().endsWith(problem), e.getMessage());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "host-ssl-cert | []           | expected a string, found an array",
        "host-ssl-key  | \"\"         | must not be empty",
        "ciphers       | {}           | expected a string, found an object",
        "ssl-option-set | \"0x10\"    | expected an integer, found '0x10'",
        "ssl-option-clear | \"-1\"    | must be 0..9223372036854775807, not -1",
        "ssl-client-option-set | \"99999999999999999999\" | integer '99999999999999999999' is out of range",
        "client-cert-required | \"maybe\" | expected a flag (on/off, yes/no, true/false or an integer), found 'maybe'",
        "allow-non-tls | null         | expected a string, found null",
        "noipv6        | \"sometimes\" | found 'sometimes'",
        "fo-listen-queue | 70000      | must be 0..65535, not 70000",
        "disable-no-protocol-ws-upgrades | [1] | expected a string, found an array",
        "h2-half-closed-long-poll | \"x\" | found 'x'",
    })
    void pendingVhostKeyWithAWrongValueIsAValueError(String key, String value, String problem) {
        ConfigException e = vhost("\"" + key + "\": " + value);

        assertProblem(e, "vhosts[0]." + key, problem);
        assertTrue(!e.getMessage().contains("not supported yet"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "init-ssl         | \"perhaps\" | found 'perhaps'",
        "default-alpn     | []          | expected a string, found an array",
        "default-alpn     | \"\"        | default-alpn must be 1..255 characters, not 0",
        "ws-pingpong-secs | \"soon\"    | expected an integer, found 'soon'",
        "ws-pingpong-secs | 100000      | ws-pingpong-secs must be 0..86400, not 100000",
    })
    void pendingGlobalKeyWithAWrongValueIsAValueError(String key, String value, String problem) {
        assertProblem(Configs.refused("{\"global\": {\"" + key + "\": " + value + "}}"), "global." + key, problem);
    }

    @Test
    void sslOptionBitsWithoutAMeaningAreRefusedNamingThem() {
        ConfigException e = vhost("\"ssl-option-set\": \"268435456\", \"ssl-option-set\": \"1\"");

        assertEquals("vhosts[0].ssl-option-set", e.key());
        assertTrue(e.getMessage().contains("unsupported OpenSSL option bits 0x1 "), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "cgi:///var/www/cgi-bin/cgit, cgi://, CGI",
        "http://git.warmcat.com, http://, reverse proxy",
        "https://libwebsockets.org, https://, reverse proxy",
    })
    void originOfAKindNotServedYetIsRefusedAtTheOrigin(String origin, String scheme, String feature) {
        ConfigException e = Configs.refused("{\"vhosts\": [{\"name\": \"v\", \"port\": 80, \"mounts\": [\n"
                + "  {\"mountpoint\": \"/x\",\n   \"origin\": \"" + origin + "\"}]}]}");

        assertEquals("conf.d/test:3:4: vhost 'v': key 'mounts[0].origin': " + scheme
                + " origins are not supported yet (arrives with " + feature + ")", e.getMessage());
        assertEquals("vhosts[0].mounts[0].origin", e.key());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "cgi-timeout | \"30\"",
        "cgi-env     | [{ \"CGIT_CONFIG\": \"/etc/cgitrc\" }]",
        "cgi-chroot  | \"/var/chroot\"",
        "cgi-chdir   | \"/tmp\"",
    })
    void cgiMountKeysAreRefusedAsArrivingWithCgi(String key, String value) {
        ConfigException e = vhost("\"mounts\": [{\"mountpoint\": \"/\", \"origin\": \"file:///var/www\", \""
                + key + "\": " + value + "}]");

        assertProblem(e, "vhosts[0].mounts[0]." + key, "not supported yet (arrives with CGI)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "auth-mask | \"5\"",
        "interpret | { \".js\": \"protocol-lws-messageboard\" }",
    })
    void genericSessionsMountKeysAreRefusedUntilThatFeature(String key, String value) {
        ConfigException e = vhost("\"mounts\": [{\"mountpoint\": \"/\", \"origin\": \"file:///var/www\", \""
                + key + "\": " + value + "}]");

        assertProblem(e, "vhosts[0].mounts[0]." + key, "not supported yet (arrives with generic sessions)");
    }

    @Test
    void cgiMountKeyWithAWrongTypeIsStillATypeError() {
        assertProblem(vhost("\"mounts\": [{\"mountpoint\": \"/\", \"origin\": \"file:///w\", \"cgi-timeout\": \"x\"}]"),
                "vhosts[0].mounts[0].cgi-timeout", "expected an integer, found 'x'");
        assertProblem(vhost("\"mounts\": [{\"mountpoint\": \"/\", \"origin\": \"file:///w\", \"cgi-env\": {}}]"),
                "vhosts[0].mounts[0].cgi-env", "expected an array of objects mapping names to values, found an object");
        assertProblem(vhost("\"mounts\": [{\"mountpoint\": \"/\", \"origin\": \"file:///w\", \"cgi-env\": [{\"A=B\": \"1\"}]}]"),
                "vhosts[0].mounts[0].cgi-env[0].A=B", "is not an HTTP token (character 2 is not allowed)");
    }
}
