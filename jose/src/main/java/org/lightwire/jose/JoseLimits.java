package org.lightwire.jose;

import java.util.Properties;

/**
 * The bounds on JOSE input, checked before anything of that size is decoded: a hostile token
 * costs at most these amounts of memory and work. Immutable; {@link #defaults()} are safe for
 * tokens and keys seen in practice, {@link #builder()} changes them, and
 * {@link #fromProperties(Properties)} reads them from configuration keys
 * ({@code jose.max-header-bytes}, ...; the system properties {@code lightwire.jose.*} via
 * {@link #fromSystemProperties()}).
 */
public final class JoseLimits {

    /** 8 KiB: a protected header is a few hundred bytes; x5c chains fit. */
    public static final int DEFAULT_MAX_HEADER_BYTES = 8 * 1024;
    /** 1 MiB of decoded payload (or JWE plaintext/ciphertext). */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;
    /** 2 MiB: a whole serialised object (compact or JSON), as text. */
    public static final int DEFAULT_MAX_OBJECT_CHARS = 2 * 1024 * 1024;
    /** 64 KiB: one JWK or JWK set as text. */
    public static final int DEFAULT_MAX_KEY_CHARS = 64 * 1024;
    /** JSON nesting depth. */
    public static final int DEFAULT_MAX_JSON_DEPTH = 16;
    /** Signatures (or recipients) in one JSON-serialised object. */
    public static final int DEFAULT_MAX_SIGNATURES = 16;
    /** Keys in one JWK set. */
    public static final int DEFAULT_MAX_KEYS = 256;

    private static final JoseLimits DEFAULTS = builder().build();

    private final int maxHeaderBytes;
    private final int maxPayloadBytes;
    private final int maxObjectChars;
    private final int maxKeyChars;
    private final int maxJsonDepth;
    private final int maxSignatures;
    private final int maxKeys;

    private JoseLimits(Builder b) {
        this.maxHeaderBytes = b.maxHeaderBytes;
        this.maxPayloadBytes = b.maxPayloadBytes;
        this.maxObjectChars = b.maxObjectChars;
        this.maxKeyChars = b.maxKeyChars;
        this.maxJsonDepth = b.maxJsonDepth;
        this.maxSignatures = b.maxSignatures;
        this.maxKeys = b.maxKeys;
    }

    public static JoseLimits defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Limits from {@code props}: {@code jose.max-header-bytes}, {@code jose.max-payload-bytes},
     * {@code jose.max-object-chars}, {@code jose.max-key-chars}, {@code jose.max-json-depth},
     * {@code jose.max-signatures}, {@code jose.max-keys}; absent keys keep their defaults. A
     * value that is not a positive integer is a {@link JoseException} naming the key.
     */
    public static JoseLimits fromProperties(Properties props) {
        return fromProperties(props, "jose.");
    }

    /** As {@link #fromProperties(Properties)} with the system properties {@code lightwire.jose.*}. */
    public static JoseLimits fromSystemProperties() {
        return fromProperties(System.getProperties(), "lightwire.jose.");
    }

    private static JoseLimits fromProperties(Properties props, String prefix) {
        Builder b = builder();
        b.maxHeaderBytes(intKey(props, prefix + "max-header-bytes", b.maxHeaderBytes));
        b.maxPayloadBytes(intKey(props, prefix + "max-payload-bytes", b.maxPayloadBytes));
        b.maxObjectChars(intKey(props, prefix + "max-object-chars", b.maxObjectChars));
        b.maxKeyChars(intKey(props, prefix + "max-key-chars", b.maxKeyChars));
        b.maxJsonDepth(intKey(props, prefix + "max-json-depth", b.maxJsonDepth));
        b.maxSignatures(intKey(props, prefix + "max-signatures", b.maxSignatures));
        b.maxKeys(intKey(props, prefix + "max-keys", b.maxKeys));
        return b.build();
    }

    private static int intKey(Properties props, String key, int dflt) {
        String v = props.getProperty(key);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the key's name
        }
        throw new JoseException(key + ": \"" + v + "\" is not a positive integer");
    }

    /** Largest decoded protected (or JWE) header. */
    public int maxHeaderBytes() {
        return maxHeaderBytes;
    }

    /** Largest decoded payload, plaintext or ciphertext. */
    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    /** Largest serialised object (compact or JSON) in characters. */
    public int maxObjectChars() {
        return maxObjectChars;
    }

    /** Largest JWK or JWK set text. */
    public int maxKeyChars() {
        return maxKeyChars;
    }

    public int maxJsonDepth() {
        return maxJsonDepth;
    }

    /** Most signatures (JWS) or recipients (JWE) in one general JSON object. */
    public int maxSignatures() {
        return maxSignatures;
    }

    /** Most keys in a JWK set. */
    public int maxKeys() {
        return maxKeys;
    }

    public Builder toBuilder() {
        return new Builder().maxHeaderBytes(maxHeaderBytes).maxPayloadBytes(maxPayloadBytes).maxObjectChars(maxObjectChars)
                .maxKeyChars(maxKeyChars).maxJsonDepth(maxJsonDepth).maxSignatures(maxSignatures).maxKeys(maxKeys);
    }

    @Override
    public String toString() {
        return "JoseLimits[header=" + maxHeaderBytes + ", payload=" + maxPayloadBytes + ", object=" + maxObjectChars + ", key="
                + maxKeyChars + ", depth=" + maxJsonDepth + ", signatures=" + maxSignatures + ", keys=" + maxKeys + "]";
    }

    /** Sets limits; each must be positive. */
    public static final class Builder {
        private int maxHeaderBytes = DEFAULT_MAX_HEADER_BYTES;
        private int maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES;
        private int maxObjectChars = DEFAULT_MAX_OBJECT_CHARS;
        private int maxKeyChars = DEFAULT_MAX_KEY_CHARS;
        private int maxJsonDepth = DEFAULT_MAX_JSON_DEPTH;
        private int maxSignatures = DEFAULT_MAX_SIGNATURES;
        private int maxKeys = DEFAULT_MAX_KEYS;

        private Builder() {
        }

        public Builder maxHeaderBytes(int n) {
            maxHeaderBytes = positive("maxHeaderBytes", n);
            return this;
        }

        public Builder maxPayloadBytes(int n) {
            maxPayloadBytes = positive("maxPayloadBytes", n);
            return this;
        }

        public Builder maxObjectChars(int n) {
            maxObjectChars = positive("maxObjectChars", n);
            return this;
        }

        public Builder maxKeyChars(int n) {
            maxKeyChars = positive("maxKeyChars", n);
            return this;
        }

        public Builder maxJsonDepth(int n) {
            maxJsonDepth = positive("maxJsonDepth", n);
            return this;
        }

        public Builder maxSignatures(int n) {
            maxSignatures = positive("maxSignatures", n);
            return this;
        }

        public Builder maxKeys(int n) {
            maxKeys = positive("maxKeys", n);
            return this;
        }

        private static int positive(String name, int n) {
            if (n <= 0) {
                throw new IllegalArgumentException(name + " must be positive, got " + n);
            }
            return n;
        }

        public JoseLimits build() {
            return new JoseLimits(this);
        }
    }
}
