package org.lightwire.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Name/value options with optional nesting (lws {@code lws_protocol_vhost_options}: the
 * per-vhost options of a protocol, "pvo", and per-mount options, "pmo"). Immutable; order
 * and repeated names are kept, as some options are repeatable.
 */
public final class Options {

    /** One option: a name, a string value and possibly nested options. */
    public record Option(String name, String value, Options children) {
        public Option {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(children, "children");
        }
    }

    public static final Options EMPTY = new Options(List.of());

    private final List<Option> entries;

    private Options(List<Option> entries) {
        this.entries = entries;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All options in order. */
    public List<Option> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The value of the last option named {@code name}. */
    public Optional<String> get(String name) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).name().equals(name)) {
                return Optional.of(entries.get(i).value());
            }
        }
        return Optional.empty();
    }

    /** Every value given for a repeatable option, in order. */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (Option o : entries) {
            if (o.name().equals(name)) {
                values.add(o.value());
            }
        }
        return List.copyOf(values);
    }

    /** The nested options of the last option named {@code name}. */
    public Options child(String name) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).name().equals(name)) {
                return entries.get(i).children();
            }
        }
        return EMPTY;
    }

    /**
     * Whether option {@code name} is set to a true value the way lws reads flags: a
     * non-zero integer, or on/yes/true in any case.
     */
    public boolean flag(String name) {
        return get(name).map(Options::isTrue).orElse(false);
    }

    /**
     * The integer value of {@code name}, or {@code fallback} when absent.
     *
     * @throws IllegalArgumentException naming the option if the value is not an integer
     */
    public int intValue(String name, int fallback) {
        Optional<String> v = get(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.get().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + name + "' must be an integer, not '" + v.get() + "'");
        }
    }

    /** The lws reading of a boolean option value. */
    public static boolean isTrue(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("on") || v.equals("yes") || v.equals("true")) {
            return true;
        }
        try {
            return Long.parseLong(v) != 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Options other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return entries.toString();
    }

    /** Collects options in order. */
    public static final class Builder {
        private final List<Option> entries = new ArrayList<>();

        public Builder add(String name, String value) {
            return add(name, value, EMPTY);
        }

        public Builder add(String name, String value, Options children) {
            entries.add(new Option(name, value, children));
            return this;
        }

        public Options build() {
            return entries.isEmpty() ? EMPTY : new Options(List.copyOf(entries));
        }
    }
}
