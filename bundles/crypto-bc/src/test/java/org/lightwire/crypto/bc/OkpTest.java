package org.lightwire.crypto.bc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.lightwire.api.crypto.BadKeyException;
import org.lightwire.api.crypto.InvalidPointException;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.OkpCurve;

/** X25519 (RFC 7748) and Ed25519 (RFC 8032) on BC. */
class OkpTest {

    private static final BcX25519 X25519 = new BcX25519(new SecureRandom());
    private static final BcEd25519 ED25519 = new BcEd25519(new SecureRandom());

    @Test
    void rfc7748Section61() {
        KeyElements alice = X25519.fromPrivate(Hex.decode("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        KeyElements bob = X25519.fromPrivate(Hex.decode("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
        assertArrayEquals(Hex.decode("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"),
                alice.element(KeyElements.OKP_X));
        assertArrayEquals(Hex.decode("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"),
                bob.element(KeyElements.OKP_X));
        byte[] shared = Hex.decode("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        assertArrayEquals(shared, X25519.agree(alice, bob.publicKey()));
        assertArrayEquals(shared, X25519.agree(bob, alice.publicKey()));
    }

    @Test
    void smallOrderPeerPointsAreRefused() {
        KeyElements mine = X25519.generate();
        // the all-zero point and the order-8 point of RFC 7748 section 6.1's warning
        for (String point : new String[] {"0000000000000000000000000000000000000000000000000000000000000000",
                "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"}) {
            KeyElements peer = KeyElements.okp(OkpCurve.X25519, Hex.decode(point), null);
            assertThrows(InvalidPointException.class, () -> X25519.agree(mine, peer), point);
        }
    }

    @Test
    void rfc8032Section71Test1() {
        KeyElements k = ED25519.fromPrivate(Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertArrayEquals(Hex.decode("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"), k.element(KeyElements.OKP_X));
        byte[] sig = ED25519.sign(k, new byte[0]);
        assertArrayEquals(Hex.decode("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"), sig);
        assertTrue(ED25519.verify(k.publicKey(), new byte[0], sig));
        assertFalse(ED25519.verify(k.publicKey(), new byte[1], sig));
        assertFalse(ED25519.verify(k.publicKey(), new byte[0], new byte[63]));
    }

    @Test
    void nonCanonicalSIsRejected() {
        KeyElements k = ED25519.generate();
        byte[] sig = ED25519.sign(k, "m".getBytes());
        // S + L: the same value mod L, which a lax verifier would accept (malleability)
        java.math.BigInteger l = java.math.BigInteger.ONE.shiftLeft(252).add(new java.math.BigInteger("27742317777372353535851937790883648493"));
        byte[] sLe = java.util.Arrays.copyOfRange(sig, 32, 64);
        java.math.BigInteger s = new java.math.BigInteger(1, reverse(sLe)).add(l);
        byte[] bumped = reverse(org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, s));
        System.arraycopy(bumped, 0, sig, 32, 32);
        assertFalse(ED25519.verify(k.publicKey(), "m".getBytes(), sig));
    }

    @Test
    void undecodablePublicKeyIsAnInvalidPoint() {
        // y = 2^255 - 1 (not below p) with the sign bit clear does not decode
        byte[] x = new byte[32];
        java.util.Arrays.fill(x, (byte) 0xff);
        x[31] = 0x7f;
        KeyElements bad = KeyElements.okp(OkpCurve.ED25519, x, null);
        assertThrows(InvalidPointException.class, () -> ED25519.verify(bad, new byte[0], new byte[64]));
    }

    @Test
    void wrongCurveOrSizeIsABadKey() {
        assertThrows(BadKeyException.class, () -> ED25519.sign(X25519.generate(), new byte[0]));
        assertThrows(BadKeyException.class, () -> X25519.agree(ED25519.generate(), X25519.generate()));
        assertThrows(BadKeyException.class, () -> X25519.fromPrivate(new byte[31]));
        assertThrows(BadKeyException.class, () -> ED25519.sign(ED25519.generate().publicKey(), new byte[0]));
    }

    private static byte[] reverse(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[b.length - 1 - i];
        }
        return r;
    }
}
