package org.lightwire.crypto.bc;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.InvalidPointException;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.OkpCurve;

/**
 * {@link org.lightwire.api.crypto.Ed25519} on BC's RFC 8032 implementation, which rejects
 * S not below the group order (no malleable signatures).
 */
final class BcEd25519 implements org.lightwire.api.crypto.Ed25519 {

    private static final int LENGTH = 32;

    private final SecureRandom random;

    BcEd25519(SecureRandom random) {
        this.random = random;
    }

    @Override
    public KeyElements generate() {
        return elements(new Ed25519PrivateKeyParameters(random));
    }

    @Override
    public KeyElements fromPrivate(byte[] seed) {
        Objects.requireNonNull(seed, "seed");
        if (seed.length != LENGTH) {
            throw new BadKeyException("Ed25519: private key (seed) must be 32 bytes, got " + seed.length);
        }
        return elements(new Ed25519PrivateKeyParameters(seed));
    }

    private static KeyElements elements(Ed25519PrivateKeyParameters priv) {
        byte[] d = priv.getEncoded();
        try {
            return KeyElements.okp(OkpCurve.ED25519, priv.generatePublicKey().getEncoded(), d);
        } finally {
            Arrays.fill(d, (byte) 0);
        }
    }

    @Override
    public byte[] sign(KeyElements privateKey, byte[] message) {
        Objects.requireNonNull(message, "message");
        OkpKeys.require(privateKey, OkpCurve.ED25519, true);
        byte[] d = privateKey.element(KeyElements.OKP_D);
        Ed25519PrivateKeyParameters priv = new Ed25519PrivateKeyParameters(d);
        Arrays.fill(d, (byte) 0);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, priv);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    @Override
    public boolean verify(KeyElements publicKey, byte[] message, byte[] signature) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(signature, "signature");
        OkpKeys.require(publicKey, OkpCurve.ED25519, false);
        byte[] x = publicKey.element(KeyElements.OKP_X);
        if (!Ed25519.validatePublicKeyPartial(x, 0)) {
            throw new InvalidPointException("Ed25519: public key does not decode to a curve point");
        }
        if (signature.length != Ed25519.SIGNATURE_SIZE) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(x));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }
}
