package org.lightwire.jose;

/**
 * The JWK {@code key_ops} values (RFC 7517 section 4.3; lws {@code JWK_META_KEY_OPS}): the
 * operations a key may be used for, each tied to one {@link KeyUse}.
 */
public enum KeyOperation {
    SIGN("sign", KeyUse.SIGNATURE),
    VERIFY("verify", KeyUse.SIGNATURE),
    ENCRYPT("encrypt", KeyUse.ENCRYPTION),
    DECRYPT("decrypt", KeyUse.ENCRYPTION),
    WRAP_KEY("wrapKey", KeyUse.ENCRYPTION),
    UNWRAP_KEY("unwrapKey", KeyUse.ENCRYPTION),
    DERIVE_KEY("deriveKey", KeyUse.ENCRYPTION),
    DERIVE_BITS("deriveBits", KeyUse.ENCRYPTION);

    private final String jwkName;
    private final KeyUse use;

    KeyOperation(String jwkName, KeyUse use) {
        this.jwkName = jwkName;
        this.use = use;
    }

    public String jwkName() {
        return jwkName;
    }

    /** The {@code use} this operation belongs to (RFC 7517 section 4.3: the two must agree). */
    public KeyUse use() {
        return use;
    }

    /** The operation of a {@code key_ops} value; {@link MalformedJoseException} for an unknown one. */
    public static KeyOperation ofJwkName(String name) {
        for (KeyOperation o : values()) {
            if (o.jwkName.equals(name)) {
                return o;
            }
        }
        throw new MalformedJoseException("JWK: unknown \"key_ops\" value \"" + name + "\"");
    }
}
