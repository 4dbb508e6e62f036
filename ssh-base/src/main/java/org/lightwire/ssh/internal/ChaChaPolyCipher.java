package org.lightwire.ssh.internal;

import java.util.Arrays;
import org.lightwire.api.crypto.CryptoBackend;
import org.lightwire.api.crypto.Poly1305;
import org.lightwire.api.crypto.StreamCipher;
import org.lightwire.ssh.SshDisconnect;

/**
 * chacha20-poly1305@openssh.com (OpenSSH PROTOCOL.chacha20poly1305): 64 bytes of key, the
 * first 32 (K_2) for the payload and the Poly1305 key, the last 32 (K_1) for the length.
 * The nonce is the 64-bit sequence number; the length is encrypted with K_1 at block 0, the
 * Poly1305 key is K_2's block 0 and the payload starts at K_2's block 1. The tag covers the
 * encrypted length and payload.
 *
 * <p>Each direction holds its two ChaCha20 keystreams and its Poly1305 for the life of the
 * keys and re-initialises them per packet (new nonce, counter; new one-time key), so a packet
 * allocates nothing.
 */
final class ChaChaPolyCipher implements PacketCipher {
    static final String NAME = "chacha20-poly1305@openssh.com";
    static final int KEY_LENGTH = 64;

    private final byte[] nonce = new byte[8];
    private final byte[] polyKey = new byte[32];
    private final byte[] lengthBytes = new byte[4];
    /** K_2: the Poly1305 key (block 0) and the payload (from block 1). */
    private final StreamCipher main;
    /** K_1: the packet length (block 0). */
    private final StreamCipher header;
    private final Poly1305 mac;

    ChaChaPolyCipher(CryptoBackend crypto, byte[] key) {
        byte[] mainKey = Arrays.copyOfRange(key, 0, 32);
        byte[] headerKey = Arrays.copyOfRange(key, 32, 64);
        this.main = crypto.chacha20(mainKey, nonce, 0);
        this.header = crypto.chacha20(headerKey, nonce, 0);
        // keyed for real per packet by poly(); the all-zero key here authenticates nothing
        this.mac = crypto.poly1305(polyKey);
        // the backends copied the keys: these copies are not needed any more
        Arrays.fill(mainKey, (byte) 0);
        Arrays.fill(headerKey, (byte) 0);
    }

    @Override
    public int blockSize() {
        return 8;
    }

    @Override
    public int tagLength() {
        return Poly1305.TAG_LENGTH;
    }

    @Override
    public boolean lengthOutside() {
        return true;
    }

    @Override
    public int packetLength(byte[] buf, int off, int seq) {
        setNonce(seq);
        header.reset(nonce, 0);
        header.update(buf, off, 4, lengthBytes, 0);
        return Bytes.u32(lengthBytes, 0);
    }

    @Override
    public void open(byte[] buf, int off, int packetLength, int seq) throws SshProtocolException {
        setNonce(seq);
        poly();
        mac.update(buf, off, 4 + packetLength);
        if (!mac.verify(buf, off + 4 + packetLength)) {
            throw new SshProtocolException(SshDisconnect.MAC_ERROR, "chacha20-poly1305 tag mismatch");
        }
        header.reset(nonce, 0);
        header.update(buf, off, 4, buf, off);
        // poly() left main at block 1, where the payload starts
        main.update(buf, off + 4, packetLength, buf, off + 4);
    }

    @Override
    public void seal(byte[] buf, int off, int packetLength, int seq) {
        setNonce(seq);
        header.reset(nonce, 0);
        header.update(buf, off, 4, buf, off);
        poly();
        main.update(buf, off + 4, packetLength, buf, off + 4);
        mac.update(buf, off, 4 + packetLength);
        mac.tag(buf, off + 4 + packetLength);
    }

    /**
     * Keys {@link #mac} with the first 32 bytes of K_2's block 0 and leaves {@link #main} at
     * block 1 (the rest of block 0 is discarded, as OpenSSH does), ready for the payload.
     */
    private void poly() {
        main.reset(nonce, 0);
        Arrays.fill(polyKey, (byte) 0);
        main.update(polyKey, 0, 32, polyKey, 0);
        main.reset(nonce, 1);
        mac.reset(polyKey);
        Arrays.fill(polyKey, (byte) 0);
    }

    private void setNonce(int seq) {
        Bytes.putU64(nonce, 0, seq & 0xffffffffL);
    }
}
