package org.lightwire.jose.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.InvalidPointException;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.KeyType;
import org.lightwire.jose.EncryptionMethod;
import org.lightwire.jose.JoseKeyException;
import org.lightwire.jose.JweAlgorithm;
import org.lightwire.jose.Jwk;
import org.lightwire.jose.MalformedJoseException;

/**
 * Key agreement with ECDH-ES (RFC 7518 section 4.6; X25519 per RFC 8037 section 3.2): an
 * ephemeral key on the recipient's curve, the Concat KDF over the shared secret, and the
 * result used as the CEK ({@code ECDH-ES}) or to wrap it with AES Key Wrap
 * ({@code ECDH-ES+A128KW} ...). The recipient validates the sender's {@code epk} before any
 * use of its private key: the SPI refuses points off the curve, the point at infinity and
 * X25519 small-order points (invalid-curve and small-subgroup attacks).
 */
final class KeyManagementEcdh extends KeyManagement {

    KeyManagementEcdh(JweAlgorithm algorithm) {
        super(algorithm);
    }

    @Override
    public Delivery deliver(CryptoBackend backend, Jwk key, EncryptionMethod enc, byte[] cek, JsonObject header, Fixed fixed) {
        KeyElements recipient = key.elements();
        KeyElements ephemeral = fixed.ephemeralKey() != null ? fixed.ephemeralKey() : generate(backend, recipient);
        byte[] z = null;
        byte[] derived = null;
        try {
            z = agree(backend, ephemeral, recipient, "recipient key");
            derived = ConcatKdf.derive(backend, z, derivedLength(enc), algorithmId(enc), party(header, "apu"), party(header, "apv"));
            Map<String, Object> m = members();
            m.put("epk", epk(ephemeral));
            if (algorithm.family() == JweAlgorithm.Family.ECDH_ES) {
                return new Delivery(derived.clone(), new byte[0], m);
            }
            return new Delivery(cek.clone(), KeyManagementAesKw.wrap(backend, derived.clone(), cek), m);
        } finally {
            wipe(z);
            wipe(derived);
            if (ephemeral != fixed.ephemeralKey()) {
                ephemeral.destroy();
            }
        }
    }

    @Override
    public byte[] recover(CryptoBackend backend, Jwk key, EncryptionMethod enc, JsonObject header, byte[] encryptedKey) {
        JsonObject epkJson = header.optObject("epk");
        if (epkJson == null) {
            throw new MalformedJoseException("JWE header: " + algorithm.jwaName() + " needs the \"epk\" member");
        }
        if (algorithm.family() == JweAlgorithm.Family.ECDH_ES && encryptedKey.length != 0) {
            throw new MalformedJoseException("JWE: \"ECDH-ES\" must have an empty encrypted key, got " + encryptedKey.length + " bytes");
        }
        Jwk epk = JwkCodec.read(epkJson, "JWE header \"epk\"");
        byte[] z = null;
        byte[] derived = null;
        try {
            KeyElements own = key.elements();
            KeyElements peer = epk.elements();
            if (peer.type() != own.type() || (own.type() == KeyType.EC ? peer.ecCurve() != own.ecCurve() : peer.okpCurve() != own.okpCurve())) {
                throw new JoseKeyException("JWE header \"epk\": a " + describe(peer) + " key cannot agree with the recipient's "
                        + describe(own) + " key");
            }
            if (peer.isPrivate()) {
                throw new MalformedJoseException("JWE header \"epk\": holds a private key");
            }
            z = agree(backend, own, peer, "JWE header \"epk\"");
            derived = ConcatKdf.derive(backend, z, derivedLength(enc), algorithmId(enc), party(header, "apu"), party(header, "apv"));
            if (algorithm.family() == JweAlgorithm.Family.ECDH_ES) {
                return derived.clone();
            }
            return KeyManagementAesKw.unwrap(backend, algorithm, derived.clone(), encryptedKey);
        } finally {
            wipe(z);
            wipe(derived);
            epk.destroy();
        }
    }

    private int derivedLength(EncryptionMethod enc) {
        return algorithm.family() == JweAlgorithm.Family.ECDH_ES ? enc.cekLength() : algorithm.wrapKeyLength();
    }

    /** RFC 7518 section 4.6.2: the {@code enc} for direct agreement, the {@code alg} with key wrap. */
    private String algorithmId(EncryptionMethod enc) {
        return algorithm.family() == JweAlgorithm.Family.ECDH_ES ? enc.jwaName() : algorithm.jwaName();
    }

    private static byte[] party(JsonObject header, String name) {
        String v = header == null ? null : header.optString(name);
        return v == null ? new byte[0] : Base64Url.decode(v, "JWE header \"" + name + "\"");
    }

    private static KeyElements generate(CryptoBackend backend, KeyElements recipient) {
        return recipient.type() == KeyType.EC ? backend.ec().generate(recipient.ecCurve()) : backend.x25519().generate();
    }

    private static byte[] agree(CryptoBackend backend, KeyElements own, KeyElements peer, String what) {
        try {
            return own.type() == KeyType.EC ? backend.ec().agree(own, peer) : backend.x25519().agree(own, peer);
        } catch (InvalidPointException e) {
            throw new JoseKeyException(what + ": not a valid public key for ECDH (" + e.getMessage() + ")", e);
        } catch (BadKeyException e) {
            throw new JoseKeyException(what + ": " + e.getMessage(), e);
        }
    }

    /** The {@code epk} header member: the public key only, in the JWK order kty, crv, x, y. */
    private static JsonObject epk(KeyElements k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kty", k.type().jwkName());
        if (k.type() == KeyType.EC) {
            m.put("crv", k.ecCurve().jwkName());
            m.put("x", Base64Url.encode(k.element(KeyElements.EC_X)));
            m.put("y", Base64Url.encode(k.element(KeyElements.EC_Y)));
        } else {
            m.put("crv", k.okpCurve().jwkName());
            m.put("x", Base64Url.encode(k.element(KeyElements.OKP_X)));
        }
        return JsonObject.of("JWE header \"epk\"", m);
    }

    private static String describe(KeyElements k) {
        return k.type() == KeyType.EC ? k.ecCurve().jwkName() : k.type() == KeyType.OKP ? k.okpCurve().jwkName() : k.type().jwkName();
    }

    private static void wipe(byte[] b) {
        if (b != null) {
            Arrays.fill(b, (byte) 0);
        }
    }
}
