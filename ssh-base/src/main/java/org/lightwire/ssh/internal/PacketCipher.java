package org.lightwire.ssh.internal;

/**
 * The protection of one direction of the binary packet protocol (RFC 4253 6) under one set
 * of keys: how the length is read, how a packet is verified and decrypted in place, and how
 * one is encrypted and tagged in place. One instance per direction per key exchange.
 *
 * <p>A packet in a buffer is {@code uint32 packet_length} followed by {@code packet_length}
 * bytes (padding_length, payload, padding) and then {@link #tagLength()} bytes of MAC/tag.
 */
interface PacketCipher {

    /** Alignment of the padded packet (at least 8). */
    int blockSize();

    /** Bytes of MAC or AEAD tag after each packet. */
    int tagLength();

    /**
     * Whether the length field is outside the aligned, encrypted part (AEAD and
     * encrypt-then-MAC modes); otherwise the whole packet including the length is aligned.
     */
    boolean lengthOutside();

    /** The packet_length of the packet at {@code off} (decrypting a copy if it is encrypted). */
    int packetLength(byte[] buf, int off, int seq);

    /** Verifies the tag of the packet at {@code off} and decrypts it in place. */
    void open(byte[] buf, int off, int packetLength, int seq) throws SshProtocolException;

    /** Encrypts the packet at {@code off} in place and writes its tag right after it. */
    void seal(byte[] buf, int off, int packetLength, int seq);

    /** The cleartext before the first key exchange completes. */
    PacketCipher NONE = new PacketCipher() {
        @Override
        public int blockSize() {
            return 8;
        }

        @Override
        public int tagLength() {
            return 0;
        }

        @Override
        public boolean lengthOutside() {
            return false;
        }

        @Override
        public int packetLength(byte[] buf, int off, int seq) {
            return Bytes.u32(buf, off);
        }

        @Override
        public void open(byte[] buf, int off, int packetLength, int seq) {
        }

        @Override
        public void seal(byte[] buf, int off, int packetLength, int seq) {
        }
    };
}
