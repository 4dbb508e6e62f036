package org.lightwire.config;

import java.util.HashMap;
import java.util.Map;

import org.lightwire.api.VhostSettings;
import org.lightwire.config.internal.JsonValue;
import org.lightwire.config.internal.JsonValue.ArrayValue;
import org.lightwire.config.internal.JsonValue.Member;
import org.lightwire.config.internal.JsonValue.ObjectValue;
import org.lightwire.config.internal.Position;

/**
 * A vhost's {@code "ws-protocols"}: the protocols it enables, in order, each with its
 * per-vhost options (lws "pvo", {@code lws_protocol_vhost_options}):
 * <pre>
 * "ws-protocols": [{ "lws-server-status": { "update-ms": "5000", "filespath": ["/proc/a", "/proc/b"] } }]
 * </pre>
 * The options are read by {@link OptionObjects}: values are text, objects nest, arrays
 * repeat an option.
 *
 * <p>One instance per vhost: it remembers the names it has seen, because enabling a
 * protocol twice would give it two sets of options and no way to say which one wins.
 */
final class WsProtocols {

    private final Section section;
    private final OptionObjects options;
    private final Map<String, Position> seen = new HashMap<>();

    WsProtocols(Section section, Scalars scalars) {
        this.section = section;
        this.options = new OptionObjects(section, scalars);
    }

    /** Reads one {@code "ws-protocols"} array into {@code vhost}. */
    void read(Field f, VhostSettings.Builder vhost) throws ConfigException {
        if (!(f.value() instanceof ArrayValue list)) {
            throw f.error("expected an array of objects mapping protocol names to their options, found "
                    + f.value().kind());
        }
        for (int i = 0; i < list.elements().size(); i++) {
            JsonValue element = list.elements().get(i);
            String key = f.key() + "[" + i + "]";
            if (!(element instanceof ObjectValue protocols)) {
                throw section.error(element.at(), key,
                        "expected an object mapping protocol names to their options, found " + element.kind());
            }
            for (Member protocol : protocols.members()) {
                readProtocol(key, protocol, vhost);
            }
        }
    }

    private void readProtocol(String arrayKey, Member protocol, VhostSettings.Builder vhost) throws ConfigException {
        String key = arrayKey + "." + protocol.name();
        if (protocol.name().isEmpty()) {
            throw section.error(protocol.at(), key, "protocol name must not be empty");
        }
        Position first = seen.putIfAbsent(protocol.name(), protocol.at());
        if (first != null) {
            throw section.error(protocol.at(), key, "protocol " + MessageText.quote(protocol.name())
                    + " is named twice (first at " + first + ")");
        }
        if (!(protocol.value() instanceof ObjectValue object)) {
            throw section.error(protocol.at(), key, "expected an object of options, found " + protocol.value().kind());
        }
        vhost.protocol(protocol.name(), options.read(key, object));
    }
}
