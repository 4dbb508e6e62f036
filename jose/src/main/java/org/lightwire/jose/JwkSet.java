package org.lightwire.jose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.lightwire.jose.internal.JsonWriter;
import org.lightwire.jose.internal.JwkCodec;

/**
 * A JWK set (RFC 7517 section 5; lws' {@code "keys"} arrays): an ordered list of keys, looked
 * up by {@code kid} or by what a key must fit. Immutable; {@link #destroy()} zeroes every
 * key.
 */
public final class JwkSet implements AutoCloseable {

    private final List<Jwk> keys;

    private JwkSet(List<Jwk> keys) {
        this.keys = List.copyOf(keys);
    }

    public static JwkSet of(List<Jwk> keys) {
        return new JwkSet(keys);
    }

    public static JwkSet of(Jwk... keys) {
        return new JwkSet(List.of(keys));
    }

    public List<Jwk> keys() {
        return keys;
    }

    public int size() {
        return keys.size();
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** The first key with this {@code kid}. */
    public Optional<Jwk> byKid(String kid) {
        return first(k -> k.kid().filter(kid::equals).isPresent());
    }

    /** The first key that {@code test} accepts. */
    public Optional<Jwk> first(Predicate<Jwk> test) {
        for (Jwk k : keys) {
            if (test.test(k)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The keys that {@code test} accepts, in order. */
    public List<Jwk> all(Predicate<Jwk> test) {
        List<Jwk> out = new ArrayList<>();
        for (Jwk k : keys) {
            if (test.test(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** {@code {"keys":[...]}} with private members where keys have them. */
    public String toJson() {
        return write(true);
    }

    /**
     * {@code {"keys":[...]}} with the public part of every asymmetric key; oct keys, which
     * have no public part, are left out. Never writes a private member.
     */
    public String toPublicJson() {
        return write(false);
    }

    private String write(boolean includePrivate) {
        List<Object> list = new ArrayList<>();
        for (Jwk k : keys) {
            if (includePrivate) {
                list.add(JwkCodec.members(k, true));
            } else if (k.keyType() != org.lightwire.api.crypto.KeyType.OCT) {
                list.add(JwkCodec.members(k.toPublic(), false));
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("keys", list);
        return JsonWriter.write(m);
    }

    /** Zeroes every key. */
    public void destroy() {
        for (Jwk k : keys) {
            k.destroy();
        }
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "JwkSet" + keys;
    }
}
