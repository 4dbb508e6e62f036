package org.lightwire.crypto.bc;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.InvalidPointException;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.OkpCurve;
import org.lightwire.api.crypto.X25519;

/** {@link X25519} on BC's RFC 7748 implementation. */
final class BcX25519 implements X25519 {

    private static final int LENGTH = 32;

    private final SecureRandom random;

    BcX25519(SecureRandom random) {
        this.random = random;
    }

    @Override
    public KeyElements generate() {
        return elements(new X25519PrivateKeyParameters(random));
    }

    @Override
    public KeyElements fromPrivate(byte[] scalar) {
        Objects.requireNonNull(scalar, "scalar");
        if (scalar.length != LENGTH) {
            throw new BadKeyException("X25519: private key must be 32 bytes, got " + scalar.length);
        }
        return elements(new X25519PrivateKeyParameters(scalar));
    }

    private static KeyElements elements(X25519PrivateKeyParameters priv) {
        byte[] d = priv.getEncoded();
        byte[] x = priv.generatePublicKey().getEncoded();
        try {
            return KeyElements.okp(OkpCurve.X25519, x, d);
        } finally {
            Arrays.fill(d, (byte) 0);
        }
    }

    @Override
    public byte[] agree(KeyElements privateKey, KeyElements peerPublicKey) {
        OkpKeys.require(privateKey, OkpCurve.X25519, true);
        OkpKeys.require(peerPublicKey, OkpCurve.X25519, false);
        byte[] d = privateKey.element(KeyElements.OKP_D);
        X25519Agreement agreement = new X25519Agreement();
        agreement.init(new X25519PrivateKeyParameters(d));
        Arrays.fill(d, (byte) 0);
        byte[] secret = new byte[LENGTH];
        try {
            agreement.calculateAgreement(new X25519PublicKeyParameters(peerPublicKey.element(KeyElements.OKP_X)), secret, 0);
        } catch (IllegalStateException e) {
            // BC refuses the all-zero result that small-order points give (RFC 7748 section 6.1)
            throw new InvalidPointException("X25519: peer public key is a small-order point (all-zero shared secret)");
        }
        return secret;
    }
}
