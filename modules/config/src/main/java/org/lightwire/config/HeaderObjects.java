package org.lightwire.config;

import java.util.function.Consumer;

import org.lightwire.api.Header;
import org.lightwire.config.internal.JsonValue;
import org.lightwire.config.internal.JsonValue.ArrayValue;
import org.lightwire.config.internal.JsonValue.Member;
import org.lightwire.config.internal.JsonValue.ObjectValue;

/**
 * Reads lwsws' arrays of name/value objects into {@link Header}s: a vhost's or mount's
 * {@code "headers"} and a mount's {@code "cgi-env"}:
 * <pre>
 * "headers": [{ "X-Content-Type-Options": "nosniff", "X-Frame-Options": "SAMEORIGIN" }]
 * </pre>
 * Each object may hold several pairs; order is kept across objects. A name that is not
 * an HTTP token, or a name or value holding CR, LF or NUL, is refused at its key, so a
 * configured header can never split a response.
 */
final class HeaderObjects {

    private final Scalars scalars;

    HeaderObjects(Scalars scalars) {
        this.scalars = scalars;
    }

    /** Reads the array {@code f} into {@code sink}, in order. */
    void read(Field f, Consumer<Header> sink) throws ConfigException {
        if (!(f.value() instanceof ArrayValue list)) {
            throw f.error("expected an array of objects mapping names to values, found " + f.value().kind());
        }
        for (int i = 0; i < list.elements().size(); i++) {
            JsonValue element = list.elements().get(i);
            String key = f.key() + "[" + i + "]";
            if (!(element instanceof ObjectValue pairs)) {
                throw f.section().error(element.at(), key,
                        "expected an object mapping names to values, found " + element.kind());
            }
            for (Member pair : pairs.members()) {
                Field each = new Field(f.section(), key + "." + pair.name(), pair.at(), pair.value());
                String value = scalars.text(each);
                try {
                    sink.accept(new Header(pair.name(), value));
                } catch (IllegalArgumentException e) {
                    throw each.error(e.getMessage());
                }
            }
        }
    }
}
