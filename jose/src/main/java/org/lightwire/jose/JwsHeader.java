package org.lightwire.jose;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lightwire.jose.internal.Base64Url;
import org.lightwire.jose.internal.JsonNumber;
import org.lightwire.jose.internal.JsonObject;
import org.lightwire.jose.internal.JsonWriter;

/**
 * The JOSE header of one JWS signature (RFC 7515 section 4): the integrity-protected part,
 * kept exactly as encoded (the signature covers those bytes), and the unprotected part of
 * the JSON serialisations. Lookups see their union (the two must be disjoint, section 7.2.1).
 * Immutable. Build one with {@link #builder(JwsAlgorithm)} or {@link #unprotectedBuilder(JwsAlgorithm)}.
 */
public final class JwsHeader {

    /** The header parameters RFC 7515 section 4.1 and RFC 7797 define (never allowed in {@code crit}). */
    static final Set<String> REGISTERED = Set.of("alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty", "crit",
            "enc", "zip", "epk", "apu", "apv", "iv", "tag", "p2s", "p2c");

    private final JsonObject protectedPart;
    private final String encodedProtected;
    private final JsonObject unprotectedPart;

    JwsHeader(JsonObject protectedPart, String encodedProtected, JsonObject unprotectedPart) {
        this.protectedPart = protectedPart;
        this.encodedProtected = encodedProtected;
        this.unprotectedPart = unprotectedPart;
        for (String name : unprotectedPart.names()) {
            if (protectedPart.has(name)) {
                throw new MalformedJoseException("JWS header: \"" + name + "\" is both protected and unprotected (RFC 7515 section 7.2.1)");
            }
        }
    }

    /** A builder for a protected header with {@code alg} set. */
    public static Builder builder(JwsAlgorithm alg) {
        return new Builder(alg, false);
    }

    /**
     * A builder with {@code alg} in the unprotected header and nothing protected yet: the
     * signature then covers the payload only (RFC 7515 section 7.2.1, RFC 7520 section 4.7).
     * Such a JWS has no compact form; parameters added with {@link Builder#parameter} are
     * still protected.
     */
    public static Builder unprotectedBuilder(JwsAlgorithm alg) {
        return new Builder(alg, true);
    }

    /** The {@code alg} value as written. */
    public String algorithmName() {
        String alg = string("alg");
        if (alg == null) {
            throw new MalformedJoseException("JWS header: \"alg\" is missing");
        }
        return alg;
    }

    /** The algorithm ({@code ES521} read as ES512); {@link AlgorithmRejectedException} if unknown. */
    public JwsAlgorithm algorithm() {
        return JwsAlgorithm.ofJwaName(algorithmName());
    }

    public Optional<String> kid() {
        return Optional.ofNullable(string("kid"));
    }

    public Optional<String> type() {
        return Optional.ofNullable(string("typ"));
    }

    public Optional<String> contentType() {
        return Optional.ofNullable(string("cty"));
    }

    /** The {@code crit} list (protected header only), empty if absent. */
    public List<String> critical() {
        List<String> c = protectedPart.optStringArray("crit");
        return c == null ? List.of() : c;
    }

    /** RFC 7797 {@code b64}: false when the payload is not base64url-encoded; true when absent. */
    public boolean base64Payload() {
        Boolean b = protectedPart.optBoolean("b64");
        return b == null || b;
    }

    public boolean has(String name) {
        return protectedPart.has(name) || unprotectedPart.has(name);
    }

    /** Every parameter name, protected first. */
    public Set<String> names() {
        Set<String> s = new LinkedHashSet<>(protectedPart.names());
        s.addAll(unprotectedPart.names());
        return s;
    }

    /** A string parameter, from either part; {@link MalformedJoseException} if it has another type. */
    public String string(String name) {
        return protectedPart.has(name) ? protectedPart.optString(name) : unprotectedPart.optString(name);
    }

    /** An integer parameter; {@link MalformedJoseException} if it has another type. */
    public Optional<Long> number(String name) {
        JsonNumber n = protectedPart.has(name) ? protectedPart.optNumber(name) : unprotectedPart.optNumber(name);
        return n == null ? Optional.empty() : Optional.of(n.longValue("JWS header \"" + name + "\""));
    }

    /** Whether {@code name} is in the integrity-protected part. */
    public boolean isProtected(String name) {
        return protectedPart.has(name);
    }

    /** The protected header as JSON text (as decoded). */
    public String protectedJson() {
        return protectedPart.toJson();
    }

    /** The unprotected header as JSON text ({@code {}} if none). */
    public String unprotectedJson() {
        return unprotectedPart.toJson();
    }

    /** The protected header base64url-encoded, exactly as signed. */
    public String encodedProtected() {
        return encodedProtected;
    }

    JsonObject protectedPart() {
        return protectedPart;
    }

    JsonObject unprotectedPart() {
        return unprotectedPart;
    }

    @Override
    public String toString() {
        return unprotectedPart.size() == 0 ? protectedJson() : protectedJson() + " + " + unprotectedJson();
    }

    /**
     * Builds a header: protected parameters in the order set, {@code alg} first; optional
     * unprotected parameters for the JSON serialisations.
     */
    public static final class Builder {
        private final Map<String, Object> protectedMembers = new LinkedHashMap<>();
        private final Map<String, Object> unprotectedMembers = new LinkedHashMap<>();

        private Builder(JwsAlgorithm alg, boolean algUnprotected) {
            (algUnprotected ? unprotectedMembers : protectedMembers).put("alg", Objects.requireNonNull(alg, "alg").jwaName());
        }

        public Builder kid(String kid) {
            return parameter("kid", kid);
        }

        public Builder type(String typ) {
            return parameter("typ", typ);
        }

        public Builder contentType(String cty) {
            return parameter("cty", cty);
        }

        /** Adds {@code crit} names (the parameters must be set too). */
        public Builder critical(String... names) {
            List<Object> crit = new ArrayList<>();
            Object existing = protectedMembers.get("crit");
            if (existing instanceof List<?> l) {
                crit.addAll(l);
            }
            for (String n : names) {
                if (!crit.contains(n)) {
                    crit.add(n);
                }
            }
            protectedMembers.put("crit", crit);
            return this;
        }

        /** A protected parameter: String, Long/Integer, Boolean, or a List of Strings. */
        public Builder parameter(String name, Object value) {
            protectedMembers.put(Objects.requireNonNull(name, "name"), json(name, value));
            return this;
        }

        /** An unprotected parameter (JSON serialisations only; dropped from compact form is refused instead). */
        public Builder unprotectedParameter(String name, Object value) {
            unprotectedMembers.put(Objects.requireNonNull(name, "name"), json(name, value));
            return this;
        }

        private static Object json(String name, Object value) {
            if (value instanceof Integer i) {
                return JsonNumber.of(i);
            }
            if (value instanceof Long l) {
                return JsonNumber.of(l);
            }
            if (value instanceof String || value instanceof Boolean) {
                return value;
            }
            if (value instanceof List<?> l && l.stream().allMatch(String.class::isInstance)) {
                return List.copyOf(l);
            }
            throw new IllegalArgumentException("header parameter \"" + name + "\": unsupported value type "
                    + (value == null ? "null" : value.getClass().getName()));
        }

        boolean hasProtected(String name) {
            return protectedMembers.containsKey(name);
        }

        public JwsHeader build() {
            // no protected member: the "protected" member is absent and the signing input starts with '.'
            String encoded = protectedMembers.isEmpty() ? ""
                    : Base64Url.encode(JsonWriter.write(protectedMembers).getBytes(StandardCharsets.UTF_8));
            return new JwsHeader(JsonObject.of("JWS protected header", protectedMembers), encoded,
                    JsonObject.of("JWS unprotected header", unprotectedMembers));
        }
    }
}
