package org.lightwire.ssh.internal;

import org.lightwire.api.crypto.AesCipher;
import org.lightwire.api.crypto.AesParameters;
import org.lightwire.api.crypto.CipherDirection;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.HashAlgorithm;
import org.lightwire.api.crypto.Hmac;
import org.lightwire.ssh.SshDisconnect;

/**
 * aes128-ctr / aes256-ctr (RFC 4344) with hmac-sha2-256-etm@openssh.com or
 * hmac-sha2-512-etm@openssh.com (OpenSSH PROTOCOL 1.5): the length stays in the clear, the
 * rest is encrypted with one continuous counter-mode stream, and the MAC covers
 * {@code uint32 seq || length || ciphertext} and is checked before anything is decrypted.
 */
final class AesCtrEtmCipher implements PacketCipher {
    static final String AES128_CTR = "aes128-ctr";
    static final String AES256_CTR = "aes256-ctr";
    static final String HMAC_SHA256_ETM = "hmac-sha2-256-etm@openssh.com";
    static final String HMAC_SHA512_ETM = "hmac-sha2-512-etm@openssh.com";

    private final AesCipher stream;
    private final Hmac mac;
    private final int macLength;
    private final byte[] seqBytes = new byte[4];
    private final byte[] expected;

    AesCtrEtmCipher(CryptoBackend crypto, CipherDirection direction, byte[] key, byte[] iv, HashAlgorithm macHash, byte[] macKey) {
        // counter mode: the same keystream both ways, so either direction's cipher works
        this.stream = crypto.aes(direction, key, AesParameters.ctr(iv));
        this.mac = crypto.hmac(macHash, macKey);
        this.macLength = macHash.digestLength();
        this.expected = new byte[macLength];
    }

    static HashAlgorithm macHash(String name) {
        return name.equals(HMAC_SHA512_ETM) ? HashAlgorithm.SHA_512 : HashAlgorithm.SHA_256;
    }

    @Override
    public int blockSize() {
        return 16;
    }

    @Override
    public int tagLength() {
        return macLength;
    }

    @Override
    public boolean lengthOutside() {
        return true;
    }

    @Override
    public int packetLength(byte[] buf, int off, int seq) {
        return Bytes.u32(buf, off);
    }

    @Override
    public void open(byte[] buf, int off, int packetLength, int seq) throws SshProtocolException {
        Bytes.putU32(seqBytes, 0, seq);
        mac.update(seqBytes, 0, 4);
        mac.update(buf, off, 4 + packetLength);
        System.arraycopy(buf, off + 4 + packetLength, expected, 0, macLength);
        if (!mac.verify(expected)) {
            throw new SshProtocolException(SshDisconnect.MAC_ERROR, "bad MAC");
        }
        stream.update(buf, off + 4, packetLength, buf, off + 4);
    }

    @Override
    public void seal(byte[] buf, int off, int packetLength, int seq) {
        stream.update(buf, off + 4, packetLength, buf, off + 4);
        Bytes.putU32(seqBytes, 0, seq);
        mac.update(seqBytes, 0, 4);
        mac.update(buf, off, 4 + packetLength);
        mac.mac(buf, off + 4 + packetLength);
    }
}
