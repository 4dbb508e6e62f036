package org.lightwire.config;

import org.lightwire.config.internal.JsonValue.Member;
import org.lightwire.config.internal.Position;

/**
 * A group of keys in one config file (the top level, {@code "global"}, one vhost) and how
 * errors name it: {@code label} starts the message ("vhost 'raw'"), {@code path} prefixes
 * the key path a {@link ConfigException} carries ({@code vhosts[0]}).
 */
record Section(String file, String label, String path) {

    /** The top level of {@code file}. */
    static Section top(String file) {
        return new Section(file, null, "");
    }

    /** The field of one member of this section. */
    Field field(Member member) {
        return new Field(this, member.name(), member.at(), member.value());
    }

    /**
     * A problem with {@code key} (relative to this section; null: the section itself) at
     * {@code at}.
     */
    ConfigException error(Position at, String key, String problem) {
        StringBuilder detail = new StringBuilder();
        if (label != null) {
            detail.append(label).append(": ");
        }
        if (key != null) {
            detail.append("key ").append(MessageText.quote(key)).append(": ");
        }
        detail.append(problem);
        return new ConfigException(file, at.line(), at.column(), absolute(key), detail.toString());
    }

    private String absolute(String key) {
        if (key == null) {
            return path.isEmpty() ? null : path;
        }
        if (path.isEmpty() || key.startsWith("[")) {
            return path + key;
        }
        return path + "." + key;
    }
}
