package org.lightwire.config;

import java.util.HashMap;
import java.util.Map;

import org.lightwire.api.Options;
import org.lightwire.api.VhostSettings;
import org.lightwire.config.internal.JsonValue;
import org.lightwire.config.internal.JsonValue.ArrayValue;
import org.lightwire.config.internal.JsonValue.Member;
import org.lightwire.config.internal.JsonValue.NullValue;
import org.lightwire.config.internal.JsonValue.ObjectValue;
import org.lightwire.config.internal.Position;

/**
 * A vhost's {@code "ws-protocols"}: the protocols it enables, in order, each with its
 * per-vhost options (lws "pvo", {@code lws_protocol_vhost_options}):
 * <pre>
 * "ws-protocols": [{ "lws-server-status": { "update-ms": "5000", "filespath": ["/proc/a", "/proc/b"] } }]
 * </pre>
 * Option values are text as everywhere in lwsws; an object becomes nested options under
 * an option whose value is {@code ""}; an array gives one option per element, which is how
 * a repeatable option can be written without repeating its key.
 *
 * <p>One instance per vhost: it remembers the names it has seen, because enabling a
 * protocol twice would give it two sets of options and no way to say which one wins.
 */
final class WsProtocols {

    private final Section section;
    private final Scalars scalars;
    private final Map<String, Position> seen = new HashMap<>();

    WsProtocols(Section section, Scalars scalars) {
        this.section = section;
        this.scalars = scalars;
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
        if (!(protocol.value() instanceof ObjectValue options)) {
            throw section.error(protocol.at(), key, "expected an object of options, found " + protocol.value().kind());
        }
        vhost.protocol(protocol.name(), options(key, options));
    }

    private Options options(String key, ObjectValue object) throws ConfigException {
        Options.Builder options = Options.builder();
        for (Member member : object.members()) {
            Field f = new Field(section, key + "." + member.name(), member.at(), member.value());
            if (member.name().isEmpty()) {
                throw f.error("option name must not be empty");
            }
            if (member.value() instanceof ArrayValue array) {
                for (int i = 0; i < array.elements().size(); i++) {
                    JsonValue element = array.elements().get(i);
                    Field each = new Field(section, f.key() + "[" + i + "]", element.at(), element);
                    if (element instanceof ArrayValue) {
                        throw each.error("an option array holds values or objects, not arrays");
                    }
                    add(options, member.name(), each);
                }
            } else {
                add(options, member.name(), f);
            }
        }
        return options.build();
    }

    private void add(Options.Builder options, String name, Field f) throws ConfigException {
        if (f.value() instanceof ObjectValue nested) {
            options.add(name, "", options(f.key(), nested));
        } else if (f.value() instanceof NullValue) {
            throw f.error("expected a string, number, boolean, object or array, found null");
        } else {
            options.add(name, scalars.text(f));
        }
    }
}
