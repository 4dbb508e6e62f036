package org.lightwire.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile and truncated input aimed at the HTTP keys: anything that would reach a response
 * header or a status line is refused at its key, however it is escaped, and truncated
 * documents fail with a position, not with another exception.
 */
class HostileHttpInputTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // JSON escapes are resolved before the check, so an escaped CR LF is as bad as a raw one
        "vhost header       | \"headers\": [{\"X-A\": \"a\\u000d\\u000aSet-Cookie: x=1\"}]       | vhosts[0].headers[0].X-A",
        "mount header       | \"mounts\": [{\"mountpoint\": \"/\", \"origin\": \"file:///w\", \"headers\": [{\"X\": \"\\n\"}]}] | vhosts[0].mounts[0].headers[0].X",
        "mount default      | \"mounts\": [{\"mountpoint\": \"/\", \"origin\": \"file:///w\", \"default\": \"a\\r\\nb\"}] | vhosts[0].mounts[0].default",
        "mime type          | \"mounts\": [{\"mountpoint\": \"/\", \"origin\": \"file:///w\", \"extra-mimetypes\": {\".x\": \"t\\u000ab\"}}] | vhosts[0].mounts[0].extra-mimetypes..x",
        "origin             | \"mounts\": [{\"mountpoint\": \"/\", \"origin\": \">https://evil\\r\\nLocation: x\"}] | vhosts[0].mounts[0].origin",
        "error document     | \"error-document-404\": \"/a\\r\\n\"                                   | vhosts[0].error-document-404",
    })
    void headerSplittingIsRefusedAtItsKey(String what, String members, String key) {
        ConfigException e = Configs.refused(Configs.vhostWith(members));

        assertEquals(key, e.key());
        assertTrue(e.getMessage().indexOf('\r') < 0 && e.getMessage().indexOf('\n') < 0, e.getMessage());
    }

    @Test
    void headerNameWithAnEscapedLineBreakIsRefusedAndTheMessageStaysOnOneLine() {
        ConfigException e = Configs.refused(Configs.vhostWith("\"headers\": [{\"X-A\\u000d\\u000aX-B\": \"1\"}]"));

        assertEquals("vhosts[0].headers[0].X-A\r\nX-B", e.key());
        assertTrue(e.getMessage().endsWith("header name 'X-A\\x0d\\x0aX-B' is not an HTTP token (character 4 is not allowed)"),
                e.getMessage());
    }

    @Test
    void serverStringAndRejectStatusCannotSplitAResponse() {
        assertEquals("global.server-string",
                Configs.refused("{\"global\": {\"server-string\": \"x\\u000d\\u000aSet-Cookie: a\"}}").key());
        assertEquals("global.reject-service-keywords[0].bot",
                Configs.refused("{\"global\": {\"reject-service-keywords\": [{\"bot\": \"200 OK\\r\\n\\r\\n<html>\"}]}}")
                        .key());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "inside a mount      | {\"vhosts\": [{\"name\": \"v\", \"port\": 1, \"mounts\": [{\"mountpoint\": \"/\", \"origin\"",
        "inside headers      | {\"vhosts\": [{\"name\": \"v\", \"port\": 1, \"headers\": [{\"X-A\": \"1\"",
        "inside a pmo        | {\"vhosts\": [{\"name\": \"v\", \"port\": 1, \"mounts\": [{\"pmo\": [{\"a\": {\"b\":",
        "inside rejects      | {\"global\": {\"reject-service-keywords\": [{\"bot\": \"404",
    })
    void truncatedDocumentsFailWithAPosition(String what, String document) {
        ConfigException e = Configs.refused(document);

        assertTrue(e.line() >= 1 && e.column() >= 1, e.getMessage());
    }

    @Test
    void nestingPmoBeyondTheDepthLimitIsRefused() {
        String deep = "{\"a\": ".repeat(40) + "\"x\"" + "}".repeat(40);
        ConfigException e = Configs.refused(Configs.vhostWith(
                "\"mounts\": [{\"mountpoint\": \"/\", \"origin\": \"file:///w\", \"pmo\": [" + deep + "]}]"));

        assertTrue(e.getMessage().contains("nest"), e.getMessage());
    }

    @Test
    void manyHeadersAndMountsWithinTheFileLimitLoad() throws ConfigException {
        StringBuilder headers = new StringBuilder();
        StringBuilder mounts = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            headers.append(i == 0 ? "" : ", ").append("{\"X-H").append(i).append("\": \"").append(i).append("\"}");
            mounts.append(i == 0 ? "" : ", ").append("{\"mountpoint\": \"/m").append(i)
                    .append("\", \"origin\": \"file:///w\"}");
        }

        var vhost = Configs.onlyVhost("\"headers\": [" + headers + "], \"mounts\": [" + mounts + "]");

        assertEquals(2000, vhost.headers().size());
        assertEquals(2000, vhost.mounts().size());
    }
}
