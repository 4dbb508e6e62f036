package org.lightwire.config;

import org.lightwire.config.internal.JsonValue;
import org.lightwire.config.internal.Position;

/**
 * One config value with what an error about it needs: its section, its key (relative to
 * the section, e.g. {@code port} or {@code ws-protocols[0].lws-status.update-ms}) and where
 * it is written.
 */
record Field(Section section, String key, Position at, JsonValue value) {

    /** A problem with this field's value. */
    ConfigException error(String problem) {
        return section.error(at, key, problem);
    }
}
