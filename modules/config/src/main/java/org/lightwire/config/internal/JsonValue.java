package org.lightwire.config.internal;

import java.util.List;

/**
 * One value of a parsed JSON document, with the position it starts at. Objects keep their
 * members in document order and keep repeated names, because lws config files may repeat
 * a key on purpose (a repeatable option) and later occurrences override earlier ones.
 */
public sealed interface JsonValue {

    /** Where the value starts. */
    Position at();

    /** The kind of value with its article, for messages: "a string", "an array". */
    String kind();

    /** A JSON object: members in document order, repeated names kept. */
    record ObjectValue(List<Member> members, Position at) implements JsonValue {
        public ObjectValue {
            members = List.copyOf(members);
        }

        @Override
        public String kind() {
            return "an object";
        }
    }

    /** One {@code "name": value} pair; {@link #at()} is the position of the name. */
    record Member(String name, Position at, JsonValue value) {
    }

    /** A JSON array. */
    record ArrayValue(List<JsonValue> elements, Position at) implements JsonValue {
        public ArrayValue {
            elements = List.copyOf(elements);
        }

        @Override
        public String kind() {
            return "an array";
        }
    }

    /** A JSON string, escapes resolved. */
    record StringValue(String value, Position at) implements JsonValue {
        @Override
        public String kind() {
            return "a string";
        }
    }

    /** A JSON number, kept as written: config values are text to lws, never floating point. */
    record NumberValue(String text, Position at) implements JsonValue {
        @Override
        public String kind() {
            return "a number";
        }
    }

    /** {@code true} or {@code false}. */
    record BooleanValue(boolean value, Position at) implements JsonValue {
        @Override
        public String kind() {
            return "a boolean";
        }
    }

    /** {@code null}. */
    record NullValue(Position at) implements JsonValue {
        @Override
        public String kind() {
            return "null";
        }
    }
}
