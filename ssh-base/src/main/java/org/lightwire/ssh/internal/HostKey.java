package org.lightwire.ssh.internal;

import java.util.List;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.KeyType;
import org.lightwire.api.crypto.OkpCurve;
import org.lightwire.api.crypto.RsaSignatureScheme;
import org.lightwire.ssh.keys.SshPublicKey;

/**
 * One server host key with its public blob (K_S) and the signature algorithms it serves:
 * ssh-ed25519 for an Ed25519 key; rsa-sha2-512, rsa-sha2-256 and optionally ssh-rsa for an
 * RSA key (RFC 8332).
 */
final class HostKey {
    private final KeyElements key;
    private final byte[] publicBlob;
    private final List<String> algorithms;

    HostKey(KeyElements key, boolean allowSshRsa) {
        if (!key.isPrivate()) {
            throw new IllegalArgumentException("host key " + key + " has no private part");
        }
        this.key = key;
        this.publicBlob = SshPublicKey.of(key).blob();
        if (key.type() == KeyType.RSA) {
            this.algorithms = allowSshRsa ? List.of(Algorithms.RSA_SHA2_512, Algorithms.RSA_SHA2_256, Algorithms.SSH_RSA)
                    : List.of(Algorithms.RSA_SHA2_512, Algorithms.RSA_SHA2_256);
        } else if (key.type() == KeyType.OKP && key.okpCurve() == OkpCurve.ED25519) {
            this.algorithms = List.of(Algorithms.SSH_ED25519);
        } else {
            throw new IllegalArgumentException("host keys are RSA or Ed25519, not " + key);
        }
    }

    List<String> algorithms() {
        return algorithms;
    }

    byte[] publicBlob() {
        return publicBlob.clone();
    }

    /** The signature blob (RFC 4253 6.6: string algorithm, string signature) over {@code data}. */
    byte[] sign(CryptoBackend crypto, String algorithm, byte[] data, PayloadWriter w) {
        byte[] sig;
        if (algorithm.equals(Algorithms.SSH_ED25519)) {
            sig = crypto.ed25519().sign(key, data);
        } else {
            sig = crypto.rsa().sign(RsaSignatureScheme.PKCS1_V1_5, rsaHash(algorithm), key, data);
        }
        return w.reset().string(algorithm).string(sig).toBytes();
    }

    static HashAlgorithm rsaHash(String algorithm) {
        switch (algorithm) {
            case Algorithms.RSA_SHA2_512:
                return HashAlgorithm.SHA_512;
            case Algorithms.RSA_SHA2_256:
                return HashAlgorithm.SHA_256;
            default:
                return HashAlgorithm.SHA_1;
        }
    }
}
