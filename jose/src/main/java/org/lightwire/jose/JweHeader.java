package org.lightwire.jose;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lightwire.jose.internal.JsonNumber;
import org.lightwire.jose.internal.JsonObject;

/**
 * The JOSE header of one JWE recipient (RFC 7516 section 4): the union of the
 * integrity-protected header (kept exactly as encoded: it is the AAD), the shared
 * unprotected header and the recipient's own header of the JSON serialisations. The three
 * must be disjoint (section 7.2.1), which construction checks. Immutable.
 */
public final class JweHeader {

    private final JsonObject protectedPart;
    private final String encodedProtected;
    private final JsonObject sharedPart;
    private final JsonObject recipientPart;

    JweHeader(JsonObject protectedPart, String encodedProtected, JsonObject sharedPart, JsonObject recipientPart) {
        this.protectedPart = protectedPart;
        this.encodedProtected = encodedProtected;
        this.sharedPart = sharedPart;
        this.recipientPart = recipientPart;
        for (String name : sharedPart.names()) {
            if (protectedPart.has(name)) {
                throw duplicate(name, "the protected and the shared unprotected header");
            }
        }
        for (String name : recipientPart.names()) {
            if (protectedPart.has(name) || sharedPart.has(name)) {
                throw duplicate(name, "the recipient's header and the " + (protectedPart.has(name) ? "protected" : "shared unprotected")
                        + " header");
            }
        }
    }

    private static MalformedJoseException duplicate(String name, String where) {
        return new MalformedJoseException("JWE header: \"" + name + "\" is in both " + where + " (RFC 7516 section 7.2.1)");
    }

    /** The {@code alg} value as written; {@link MalformedJoseException} if missing. */
    public String algorithmName() {
        return required("alg");
    }

    /** The key management algorithm; {@link AlgorithmRejectedException} if unknown. */
    public JweAlgorithm algorithm() {
        return JweAlgorithm.ofJwaName(algorithmName());
    }

    /** The {@code enc} value as written; {@link MalformedJoseException} if missing. */
    public String encryptionMethodName() {
        return required("enc");
    }

    /** The content encryption algorithm; {@link AlgorithmRejectedException} if unknown. */
    public EncryptionMethod encryptionMethod() {
        return EncryptionMethod.ofJwaName(encryptionMethodName());
    }

    /** The {@code zip} value ({@code "DEF"} is the only one defined). */
    public Optional<String> compression() {
        return Optional.ofNullable(string("zip"));
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

    public boolean has(String name) {
        return protectedPart.has(name) || sharedPart.has(name) || recipientPart.has(name);
    }

    /** Every parameter name: protected, then shared, then the recipient's. */
    public Set<String> names() {
        Set<String> s = new LinkedHashSet<>(protectedPart.names());
        s.addAll(sharedPart.names());
        s.addAll(recipientPart.names());
        return s;
    }

    /** A string parameter from any part; {@link MalformedJoseException} if it has another type. */
    public String string(String name) {
        return part(name).optString(name);
    }

    /** An integer parameter; {@link MalformedJoseException} if it has another type. */
    public Optional<Long> number(String name) {
        JsonNumber n = part(name).optNumber(name);
        return n == null ? Optional.empty() : Optional.of(n.longValue("JWE header \"" + name + "\""));
    }

    /** Whether {@code name} is in the integrity-protected part. */
    public boolean isProtected(String name) {
        return protectedPart.has(name);
    }

    /** The protected header as JSON text ({@code {}} if none). */
    public String protectedJson() {
        return protectedPart.toJson();
    }

    /** The protected header base64url-encoded exactly as received or sent (empty if none). */
    public String encodedProtected() {
        return encodedProtected;
    }

    /** The whole JOSE header as one JSON object (the union of the parts). */
    public String toJson() {
        return JsonObject.of("JWE header", merged()).toJson();
    }

    JsonObject joseHeader() {
        return JsonObject.of("JWE header", merged());
    }

    private java.util.Map<String, Object> merged() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>(protectedPart.members());
        m.putAll(sharedPart.members());
        m.putAll(recipientPart.members());
        return m;
    }

    private JsonObject part(String name) {
        return protectedPart.has(name) ? protectedPart : sharedPart.has(name) ? sharedPart : recipientPart;
    }

    private String required(String name) {
        String v = string(name);
        if (v == null) {
            throw new MalformedJoseException("JWE header: \"" + name + "\" is missing");
        }
        return v;
    }

    @Override
    public String toString() {
        return toJson();
    }
}
