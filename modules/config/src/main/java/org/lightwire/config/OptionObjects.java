package org.lightwire.config;

import org.lightwire.api.Options;
import org.lightwire.config.internal.JsonValue;
import org.lightwire.config.internal.JsonValue.ArrayValue;
import org.lightwire.config.internal.JsonValue.Member;
import org.lightwire.config.internal.JsonValue.NullValue;
import org.lightwire.config.internal.JsonValue.ObjectValue;

/**
 * Reads name/value option objects into {@link Options} (lws
 * {@code lws_protocol_vhost_options}): a protocol's per-vhost options in
 * {@code "ws-protocols"} and a mount's per-mount options in {@code "pmo"}. Values are text
 * as everywhere in lwsws; an object becomes nested options under an option whose value is
 * {@code ""}; an array gives one option per element, so a repeatable option can be written
 * without repeating its key.
 */
final class OptionObjects {

    private final Section section;
    private final Scalars scalars;

    OptionObjects(Section section, Scalars scalars) {
        this.section = section;
        this.scalars = scalars;
    }

    /** The options of {@code object}; {@code key} is its path, for errors. */
    Options read(String key, ObjectValue object) throws ConfigException {
        Options.Builder options = Options.builder();
        addAll(options, key, object);
        return options.build();
    }

    /** Adds the members of {@code object} to {@code options}, in order. */
    void addAll(Options.Builder options, String key, ObjectValue object) throws ConfigException {
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
    }

    private void add(Options.Builder options, String name, Field f) throws ConfigException {
        if (f.value() instanceof ObjectValue nested) {
            options.add(name, "", read(f.key(), nested));
        } else if (f.value() instanceof NullValue) {
            throw f.error("expected a string, number, boolean, object or array, found null");
        } else {
            options.add(name, scalars.text(f));
        }
    }
}
