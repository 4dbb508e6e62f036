package org.lightwire.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.lightwire.api.ContextSettings;
import org.lightwire.api.VhostSettings;

/** Shorthands for the tests: one document in, settings or the error out. */
final class Configs {

    static final String FILE = "conf.d/test";
    static final Path DATA_DIR = Path.of("/usr/share/lightwire");

    private Configs() {
    }

    static ContextSettings parse(String text) throws ConfigException {
        return ConfigLoader.parse(FILE, text, DATA_DIR);
    }

    static ConfigException refused(String text) {
        return assertThrows(ConfigException.class, () -> parse(text));
    }

    /** A document with one vhost "v" on port 80 plus the given members. */
    static String vhostWith(String members) {
        return "{\"vhosts\": [{\"name\": \"v\", \"port\": \"80\"" + (members.isEmpty() ? "" : ", " + members) + "}]}";
    }

    static VhostSettings onlyVhost(String members) throws ConfigException {
        return parse(vhostWith(members)).vhosts().get(0);
    }

    static ContextSettings global(String members) throws ConfigException {
        return parse("{\"global\": {" + members + "}}");
    }
}
