package org.lightwire.ssh.internal;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import org.lightwire.ssh.SshDisconnect;

/**
 * The binary packet protocol of one connection (RFC 4253 6): incoming bytes are collected
 * and cut into verified, decrypted payloads; outgoing payloads are padded, encrypted and
 * tagged into one output buffer that the session writes in its writeable event. Sequence
 * numbers and the per-key byte and packet counts (for re-keying) live here.
 */
final class PacketCodec {
    private static final int MIN_PACKET = 5;

    private final int maxPacket;
    private final SecureRandom random;

    private byte[] in;
    private int inStart;
    private int inEnd;
    private int pendingLength = -1;
    private PacketCipher inCipher = PacketCipher.NONE;
    private int inSeq;
    private int lastSeq;
    private int payloadOffset;
    private int payloadLength;

    private byte[] out;
    private int outLen;
    private PacketCipher outCipher = PacketCipher.NONE;
    private int outSeq;
    /** Random bytes for padding, drawn in bulk so a packet costs no call into the generator. */
    private final byte[] padPool = new byte[4096];
    private int padPoolPos = padPool.length;

    /** Bytes and packets both ways since the last key change (RFC 4344 re-keying). */
    private long bytesSinceKex;
    private long packetsSinceKex;

    PacketCodec(int maxPacket, SecureRandom random) {
        this.maxPacket = maxPacket;
        this.random = random;
        this.in = new byte[4 + maxPacket + 64];
        this.out = new byte[4096];
    }

    // ---- inbound -------------------------------------------------------------------------

    /** Adds received bytes (all of them; the buffer grows if a caller holds processing back). */
    void feed(ByteBuffer data) {
        int n = data.remaining();
        makeRoom(n);
        data.get(in, inEnd, n);
        inEnd += n;
    }

    void feed(byte[] data, int off, int n) {
        makeRoom(n);
        System.arraycopy(data, off, in, inEnd, n);
        inEnd += n;
    }

    int buffered() {
        return inEnd - inStart;
    }

    byte[] inArray() {
        return in;
    }

    int inStart() {
        return inStart;
    }

    /** Consumes {@code n} raw bytes (the version line, before packets start). */
    void consume(int n) {
        inStart += n;
    }

    /**
     * Decodes the next whole packet if one has arrived; its payload is then at
     * {@link #payloadOffset()} in {@link #inArray()}, valid until the next {@link #feed}.
     */
    boolean next() throws SshProtocolException {
        int avail = inEnd - inStart;
        if (pendingLength < 0) {
            if (avail < 4) {
                return false;
            }
            int len = inCipher.packetLength(in, inStart, inSeq);
            if (len < MIN_PACKET || len > maxPacket) {
                throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR,
                        "bad packet length " + Integer.toUnsignedString(len) + " (limit " + maxPacket + ")");
            }
            int aligned = inCipher.lengthOutside() ? len : len + 4;
            if (aligned % inCipher.blockSize() != 0) {
                throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR,
                        "packet length " + len + " is not a multiple of the cipher block size " + inCipher.blockSize());
            }
            pendingLength = len;
        }
        int total = 4 + pendingLength + inCipher.tagLength();
        if (avail < total) {
            makeRoom(total - avail);
            return false;
        }
        inCipher.open(in, inStart, pendingLength, inSeq);
        int padLen = in[inStart + 4] & 0xff;
        int plen = pendingLength - padLen - 1;
        if (padLen < 4 || plen < 1) {
            throw new SshProtocolException(SshDisconnect.PROTOCOL_ERROR, "bad padding length " + padLen + " in a packet of " + pendingLength);
        }
        payloadOffset = inStart + 5;
        payloadLength = plen;
        lastSeq = inSeq++;
        bytesSinceKex += total;
        packetsSinceKex++;
        inStart += total;
        pendingLength = -1;
        return true;
    }

    int payloadOffset() {
        return payloadOffset;
    }

    int payloadLength() {
        return payloadLength;
    }

    /** Sequence number of the packet {@link #next} returned last. */
    int lastSeq() {
        return lastSeq;
    }

    /** Packets received so far under the current numbering. */
    int inSeq() {
        return inSeq;
    }

    void inboundKeys(PacketCipher cipher, boolean resetSequence) {
        inCipher = cipher;
        if (resetSequence) {
            inSeq = 0;
        }
    }

    private void makeRoom(int n) {
        if (in.length - inEnd >= n) {
            return;
        }
        int live = inEnd - inStart;
        if (inStart > 0) {
            System.arraycopy(in, inStart, in, 0, live);
            inStart = 0;
            inEnd = live;
        }
        if (in.length - inEnd < n) {
            in = Arrays.copyOf(in, Math.max(in.length * 2, live + n));
        }
    }

    // ---- outbound ------------------------------------------------------------------------

    /** Pads, encrypts and queues one payload. */
    void seal(byte[] payload, int off, int len) {
        int block = outCipher.blockSize();
        int unpadded = outCipher.lengthOutside() ? 1 + len : 4 + 1 + len;
        int padLen = block - unpadded % block;
        if (padLen < 4) {
            padLen += block;
        }
        int packetLength = 1 + len + padLen;
        int total = 4 + packetLength + outCipher.tagLength();
        ensureOut(total);
        Bytes.putU32(out, outLen, packetLength);
        out[outLen + 4] = (byte) padLen;
        System.arraycopy(payload, off, out, outLen + 5, len);
        if (padPool.length - padPoolPos < padLen) {
            random.nextBytes(padPool);
            padPoolPos = 0;
        }
        System.arraycopy(padPool, padPoolPos, out, outLen + 5 + len, padLen);
        padPoolPos += padLen;
        outCipher.seal(out, outLen, packetLength, outSeq++);
        outLen += total;
        bytesSinceKex += total;
        packetsSinceKex++;
    }

    /** Raw bytes before the binary protocol (the version line). */
    void queueRaw(byte[] data) {
        ensureOut(data.length);
        System.arraycopy(data, 0, out, outLen, data.length);
        outLen += data.length;
    }

    void outboundKeys(PacketCipher cipher, boolean resetSequence) {
        outCipher = cipher;
        if (resetSequence) {
            outSeq = 0;
        }
    }

    int queued() {
        return outLen;
    }

    /** The queued output as a buffer to write; {@link #clearOutput} once written. */
    ByteBuffer output() {
        return ByteBuffer.wrap(out, 0, outLen);
    }

    void clearOutput() {
        outLen = 0;
    }

    private void ensureOut(int n) {
        if (out.length - outLen < n) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, outLen + n));
        }
    }

    // ---- re-key accounting ---------------------------------------------------------------

    long bytesSinceKex() {
        return bytesSinceKex;
    }

    long packetsSinceKex() {
        return packetsSinceKex;
    }

    void resetKexCounters() {
        bytesSinceKex = 0;
        packetsSinceKex = 0;
    }
}
