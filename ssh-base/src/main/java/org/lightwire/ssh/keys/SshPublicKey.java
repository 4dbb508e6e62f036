package org.lightwire.ssh.keys;

import java.util.Arrays;
import java.util.Base64;
import org.lightwire.api.crypto.KeyElements;
import org.lightwire.api.crypto.KeyType;
import org.lightwire.api.crypto.OkpCurve;

/**
 * An SSH public key in wire format (RFC 4253 6.6, RFC 8709): its type name and blob, as
 * sent in publickey authentication and written in authorized_keys and {@code .pub} files.
 *
 * @param type "ssh-ed25519" or "ssh-rsa" (the key type; rsa-sha2-* are signature names)
 * @param blob the encoded key
 */
public record SshPublicKey(String type, byte[] blob) {

    public static final String ED25519 = "ssh-ed25519";
    public static final String RSA = "ssh-rsa";

    public SshPublicKey {
        blob = blob.clone();
    }

    @Override
    public byte[] blob() {
        return blob.clone();
    }

    /** The public key of {@code key} (RSA or Ed25519, private or public). */
    public static SshPublicKey of(KeyElements key) {
        SshWireWriter w = new SshWireWriter();
        if (key.type() == KeyType.RSA) {
            w.string(RSA).mpint(key.element(KeyElements.RSA_E)).mpint(key.element(KeyElements.RSA_N));
            return new SshPublicKey(RSA, w.toBytes());
        }
        if (key.type() == KeyType.OKP && key.okpCurve() == OkpCurve.ED25519) {
            w.string(ED25519).string(key.element(KeyElements.OKP_X));
            return new SshPublicKey(ED25519, w.toBytes());
        }
        throw new IllegalArgumentException("SSH keys are RSA or Ed25519, not " + key);
    }

    /** Decodes a blob (e.g. from publickey authentication) into its key type and elements. */
    public static SshPublicKey parse(byte[] blob) throws SshKeyFormatException {
        SshWireReader r = new SshWireReader(blob, "public key");
        String type = r.text();
        SshPublicKey k = new SshPublicKey(type, blob);
        k.toKeyElements();
        return k;
    }

    /** The key as crypto-SPI elements (public only). */
    public KeyElements toKeyElements() throws SshKeyFormatException {
        SshWireReader r = new SshWireReader(blob, type + " public key");
        String t = r.text();
        if (!t.equals(type)) {
            throw new SshKeyFormatException("public key blob says " + t + ", expected " + type);
        }
        try {
            switch (type) {
                case RSA: {
                    byte[] e = r.mpint();
                    byte[] n = r.mpint();
                    end(r);
                    if (n.length * 8 < 1024 || n.length * 8 > 16384 + 8) {
                        throw new SshKeyFormatException("ssh-rsa public key: modulus of " + n.length * 8 + " bits is outside 1024..16384");
                    }
                    return KeyElements.rsaPublic(n, e);
                }
                case ED25519: {
                    byte[] x = r.string();
                    end(r);
                    return KeyElements.okp(OkpCurve.ED25519, x, null);
                }
                default:
                    throw new SshKeyFormatException("unsupported public key type '" + type + "'");
            }
        } catch (org.lightwire.api.crypto.CryptoException e) {
            throw new SshKeyFormatException(type + " public key: " + e.getMessage());
        }
    }

    /** The authorized_keys / {@code .pub} form: "type base64 [comment]". */
    public String toLine(String comment) {
        String s = type + " " + Base64.getEncoder().encodeToString(blob);
        return comment == null || comment.isEmpty() ? s : s + " " + comment;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SshPublicKey k && k.type.equals(type) && Arrays.equals(k.blob, blob);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return toLine(null);
    }

    private static void end(SshWireReader r) throws SshKeyFormatException {
        if (r.remaining() != 0) {
            throw new SshKeyFormatException("public key: " + r.remaining() + " trailing bytes");
        }
    }
}
