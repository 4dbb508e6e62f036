package org.lightwire.ssh.internal;

import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.CryptoException;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.RsaSignatureScheme;
import org.lightwire.ssh.keys.SshKeyFormatException;
import org.lightwire.ssh.keys.SshPublicKey;

/**
 * Verifies a client's publickey-authentication signature (RFC 4252 7, RFC 8332, RFC 8709):
 * the public key algorithm named in the request decides the key type and hash, and the
 * signature blob must name the same algorithm.
 */
final class SignatureCheck {
    private SignatureCheck() {
    }

    /** The key type a signature algorithm needs, or null if the algorithm is not accepted. */
    static String keyTypeFor(String algorithm, boolean allowSshRsa) {
        switch (algorithm) {
            case Algorithms.SSH_ED25519:
                return SshPublicKey.ED25519;
            case Algorithms.RSA_SHA2_256:
            case Algorithms.RSA_SHA2_512:
                return SshPublicKey.RSA;
            case Algorithms.SSH_RSA:
                return allowSshRsa ? SshPublicKey.RSA : null;
            default:
                return null;
        }
    }

    /** Whether {@code signatureBlob} is {@code algorithm}'s valid signature of {@code data} by the key in {@code keyBlob}. */
    static boolean verify(CryptoBackend crypto, String algorithm, String keyType, byte[] keyBlob, byte[] signatureBlob, byte[] data) {
        try {
            KeyElements key = new SshPublicKey(keyType, keyBlob).toKeyElements();
            PayloadReader r = new PayloadReader().reset(signatureBlob, 0, signatureBlob.length);
            String sigAlg = r.ascii(64);
            byte[] sig = r.string();
            r.end("signature");
            if (!sigAlg.equals(algorithm)) {
                return false;
            }
            if (algorithm.equals(Algorithms.SSH_ED25519)) {
                return sig.length == 64 && crypto.ed25519().verify(key, data, sig);
            }
            return crypto.rsa().verify(RsaSignatureScheme.PKCS1_V1_5, HostKey.rsaHash(algorithm), key, data, sig);
        } catch (SshKeyFormatException | SshProtocolException | CryptoException e) {
            return false;
        }
    }
}
