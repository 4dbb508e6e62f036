package org.lightwire.api;

import java.util.Objects;

/**
 * One protocol a vhost enables, with its per-vhost options (an entry of lwsws'
 * {@code "ws-protocols"}).
 */
public record ProtocolSelection(String name, Options options) {

    public ProtocolSelection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(options, "options");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("protocol name must not be empty");
        }
    }

    /** Whether this protocol takes raw connections when the vhost names none ({@code "raw": "1"}). */
    public boolean isRawDefault() {
        return options.flag("raw");
    }
}
