package org.lightwire.jose;

/**
 * The JWK {@code use} member (RFC 7517 section 4.2; lws {@code JWK_META_USE}): what a public
 * key is meant for. Other values are refused when parsing.
 */
public enum KeyUse {
    SIGNATURE("sig"),
    ENCRYPTION("enc");

    private final String jwkName;

    KeyUse(String jwkName) {
        this.jwkName = jwkName;
    }

    public String jwkName() {
        return jwkName;
    }

    /** The value of a {@code use} member; {@link MalformedJoseException} for any other. */
    public static KeyUse ofJwkName(String name) {
        for (KeyUse u : values()) {
            if (u.jwkName.equals(name)) {
                return u;
            }
        }
        throw new MalformedJoseException("JWK: \"use\" must be \"sig\" or \"enc\", not \"" + name + "\"");
    }
}
