package org.lightwire.api.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * An ordered list of HTTP header fields with case-insensitive names (lws' header table of
 * an {@code ah}, and what {@code lws_add_http_header_by_name} builds). Immutable; build one
 * with {@link #builder()}.
 *
 * <p>Names are HTTP tokens and values carry no CR, LF or NUL: the builder refuses anything
 * else, so a value taken from a request or a config can never inject a header line.
 * Names are kept lower case, which HTTP/2 requires and HTTP/1.1 accepts.
 */
public final class HttpFields {

    /** No fields. */
    public static final HttpFields EMPTY = new HttpFields(new String[0]);

    // name0, value0, name1, value1, ...
    private final String[] pairs;

    private HttpFields(String[] pairs) {
        this.pairs = pairs;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting with these fields. */
    public Builder toBuilder() {
        Builder b = new Builder();
        for (int i = 0; i < pairs.length; i++) {
            b.pairs.add(pairs[i]);
        }
        return b;
    }

    /** The number of fields. */
    public int size() {
        return pairs.length / 2;
    }

    /** The lower-case name of field {@code i}. */
    public String name(int i) {
        return pairs[2 * i];
    }

    /** The value of field {@code i}. */
    public String value(int i) {
        return pairs[2 * i + 1];
    }

    /** The first value of {@code name}, if present. */
    public Optional<String> get(String name) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equalsIgnoreCase(name)) {
                return Optional.of(pairs[i + 1]);
            }
        }
        return Optional.empty();
    }

    /** Every value of {@code name}, in order; unmodifiable (and shared when empty). */
    public List<String> getAll(String name) {
        String first = null;
        List<String> more = null;
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equalsIgnoreCase(name)) {
                if (first == null) {
                    first = pairs[i + 1];
                } else {
                    if (more == null) {
                        more = new ArrayList<>(4);
                        more.add(first);
                    }
                    more.add(pairs[i + 1]);
                }
            }
        }
        // the common answers (absent, once) allocate nothing or one small list
        return more != null ? java.util.Collections.unmodifiableList(more) : first != null ? List.of(first) : List.of();
    }

    public boolean contains(String name) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** Calls {@code action} with each name and value, in order. */
    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < pairs.length; i += 2) {
            action.accept(pairs[i], pairs[i + 1]);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpFields f && java.util.Arrays.equals(pairs, f.pairs);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(pairs);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        forEach((n, v) -> sb.append(n).append(": ").append(v).append('\n'));
        return sb.toString();
    }

    /** Whether {@code name} is an HTTP token (RFC 9110 section 5.6.2). */
    public static boolean isToken(CharSequence name) {
        if (name.length() == 0) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isTokenChar(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code c} may appear in an HTTP token. */
    public static boolean isTokenChar(int c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return c < 128 && "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** Whether {@code value} is a valid field value: no CR, LF, NUL or other control but tab. */
    public static boolean isValidValue(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** Builds {@link HttpFields}. Not thread-safe. */
    public static final class Builder {
        private final List<String> pairs = new ArrayList<>();

        private Builder() {
        }

        /**
         * Appends a field.
         * @throws IllegalArgumentException if the name is not a token or the value holds CR,
         *         LF, NUL or another control character
         */
        public Builder add(String name, String value) {
            if (!isToken(name)) {
                throw new IllegalArgumentException("invalid HTTP header name '" + printable(name) + "'");
            }
            if (!isValidValue(value)) {
                throw new IllegalArgumentException("invalid value for HTTP header '" + name
                        + "': control characters (CR, LF, NUL...) are not allowed");
            }
            pairs.add(name.toLowerCase(Locale.ROOT));
            pairs.add(value);
            return this;
        }

        /** Replaces every field named {@code name} with one holding {@code value}. */
        public Builder set(String name, String value) {
            remove(name);
            return add(name, value);
        }

        /** Removes every field named {@code name}. */
        public Builder remove(String name) {
            for (int i = pairs.size() - 2; i >= 0; i -= 2) {
                if (pairs.get(i).equalsIgnoreCase(name)) {
                    pairs.remove(i + 1);
                    pairs.remove(i);
                }
            }
            return this;
        }

        /** Appends every field of {@code fields}. */
        public Builder addAll(HttpFields fields) {
            fields.forEach(this::add);
            return this;
        }

        public boolean contains(String name) {
            for (int i = 0; i < pairs.size(); i += 2) {
                if (pairs.get(i).equalsIgnoreCase(name)) {
                    return true;
                }
            }
            return false;
        }

        public HttpFields build() {
            return pairs.isEmpty() ? EMPTY : new HttpFields(pairs.toArray(new String[0]));
        }

        private static String printable(String s) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < s.length() && i < 64; i++) {
                char c = s.charAt(i);
                sb.append(c < 0x20 || c == 0x7f ? '?' : c);
            }
            return sb.toString();
        }
    }
}
