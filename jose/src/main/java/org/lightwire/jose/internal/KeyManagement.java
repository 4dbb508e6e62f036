package org.lightwire.jose.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.jose.EncryptionMethod;
import org.lightwire.jose.JweAlgorithm;
import org.lightwire.jose.Jwk;

/**
 * One JWE key management mode (RFC 7516 section 5.1 steps 1-6 and section 5.2 steps 9-10):
 * how the content encryption key (CEK) reaches one recipient and how that recipient gets it
 * back. Stateless; the backend does the primitives.
 */
public abstract class KeyManagement {

    /**
     * What the sender produced for one recipient: the CEK (the one given, or the one the mode
     * determines), the JWE Encrypted Key (empty for {@code dir} and {@code ECDH-ES}) and the
     * header members the mode adds ({@code epk}; {@code tag} and {@code iv} for AES-GCM key
     * wrap), in that order.
     */
    public record Delivery(byte[] cek, byte[] encryptedKey, Map<String, Object> headerMembers) {
    }

    /**
     * Values that are random in real use, fixed by tests to reproduce published vectors: the
     * ephemeral ECDH key (private), the AES-GCM key wrap IV. Either may be null.
     */
    public record Fixed(KeyElements ephemeralKey, byte[] wrapIv) {
        public static final Fixed NONE = new Fixed(null, null);
    }

    public static KeyManagement of(JweAlgorithm algorithm) {
        return switch (algorithm.family()) {
            case RSA -> new KeyManagementRsa(algorithm);
            case AES_KW -> new KeyManagementAesKw(algorithm);
            case AES_GCM_KW -> new KeyManagementAesGcmKw(algorithm);
            case DIRECT -> new KeyManagementDirect(algorithm);
            case ECDH_ES, ECDH_ES_KW -> new KeyManagementEcdh(algorithm);
        };
    }

    protected final JweAlgorithm algorithm;

    protected KeyManagement(JweAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    /**
     * Delivers the CEK to {@code key}. {@code cek} is the CEK to deliver; it is ignored (and
     * may be null) when the mode determines the CEK itself. {@code header} is the recipient's
     * JOSE header so far (for {@code apu}/{@code apv}).
     */
    public abstract Delivery deliver(CryptoBackend backend, Jwk key, EncryptionMethod enc, byte[] cek, JsonObject header, Fixed fixed);

    /**
     * Recovers the CEK with {@code key} from the recipient's JOSE header and encrypted key.
     * Failures that depend on the input are {@link org.lightwire.jose.JweDecryptionException}
     * (or, for a hostile {@code epk}, {@link org.lightwire.jose.JoseKeyException}); for RSA1_5
     * nothing fails here: a wrong CEK comes back instead and the tag check fails later.
     */
    public abstract byte[] recover(CryptoBackend backend, Jwk key, EncryptionMethod enc, JsonObject header, byte[] encryptedKey);

    static Map<String, Object> members() {
        return new LinkedHashMap<>();
    }
}
