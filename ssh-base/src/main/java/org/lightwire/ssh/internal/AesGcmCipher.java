package org.lightwire.ssh.internal;

import org.lightwire.api.crypto.AesCipher;
import org.lightwire.api.crypto.AesParameters;
import org.lightwire.api.crypto.CipherDirection;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.CryptoException;
import org.lightwire.ssh.SshDisconnect;

/**
 * aes128-gcm@openssh.com and aes256-gcm@openssh.com (RFC 5647 as OpenSSH implements it):
 * the length is additional authenticated data in the clear, the 12-byte nonce is a fixed
 * 4-byte field and a 64-bit invocation counter incremented after every packet, the tag is
 * 16 bytes.
 *
 * <p>One {@link AesCipher} per direction lives as long as the keys; every packet after the
 * first re-initialises it with the next nonce ({@link AesCipher#reset}), so a packet
 * allocates nothing of ours (the backend's own GCM init is all that remains).
 */
final class AesGcmCipher implements PacketCipher {
    static final String AES128 = "aes128-gcm@openssh.com";
    static final String AES256 = "aes256-gcm@openssh.com";
    static final int IV_LENGTH = 12;

    private final AesCipher cipher;
    private final byte[] iv;
    /** Whether {@link #cipher} still holds the nonce it was created with, unused. */
    private boolean fresh = true;
    private byte[] scratch = new byte[0];

    AesGcmCipher(CryptoBackend crypto, CipherDirection direction, byte[] key, byte[] iv) {
        this.iv = iv.clone();
        this.cipher = crypto.aes(direction, key, AesParameters.gcm(this.iv));
    }

    @Override
    public int blockSize() {
        return 16;
    }

    @Override
    public int tagLength() {
        return 16;
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
        AesCipher c = next();
        c.updateAad(buf, off, 4);
        ensureScratch(packetLength + 16);
        try {
            c.doFinal(buf, off + 4, packetLength + 16, scratch, 0);
        } catch (CryptoException e) {
            throw new SshProtocolException(SshDisconnect.MAC_ERROR, "aes-gcm tag mismatch");
        }
        System.arraycopy(scratch, 0, buf, off + 4, packetLength);
    }

    @Override
    public void seal(byte[] buf, int off, int packetLength, int seq) {
        AesCipher c = next();
        c.updateAad(buf, off, 4);
        ensureScratch(packetLength + 16);
        int n = c.doFinal(buf, off + 4, packetLength, scratch, 0);
        System.arraycopy(scratch, 0, buf, off + 4, n);
    }

    /** The cipher set to this packet's nonce; the counter then moves on to the next packet's. */
    private AesCipher next() {
        if (fresh) {
            fresh = false;
        } else {
            cipher.reset(iv);
        }
        incrementCounter();
        return cipher;
    }

    private void ensureScratch(int n) {
        if (scratch.length < n) {
            scratch = new byte[Math.max(n, 2 * scratch.length)];
        }
    }

    /** RFC 5647 7.1: the invocation counter is the low 64 bits of the nonce. */
    private void incrementCounter() {
        for (int i = IV_LENGTH - 1; i >= 4; i--) {
            if (++iv[i] != 0) {
                break;
            }
        }
    }
}
