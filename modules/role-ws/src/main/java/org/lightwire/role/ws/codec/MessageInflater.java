package org.lightwire.role.ws.codec;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses incoming permessage-deflate messages (RFC 7692 §7.2.2) frame by frame: the
 * payload of each frame of a compressed message goes in as it arrives, and after the final
 * frame the {@code 00 00 ff ff} the sender removed is appended. Output is bounded: a message
 * that would inflate past {@code maxMessageBytes} fails with 1009 after at most one byte
 * more, so a small "decompression bomb" cannot make us produce gigabytes. Holds native
 * memory: {@link #close()} when the connection ends.
 *
 * <p>Known limit: {@code java.util.zip} does not say whether the stream stopped on a block
 * boundary, so a message whose DEFLATE data is cut short inside a block is not detected when
 * it ends; its output is short, and the next message usually fails to inflate (1007). Text
 * messages still pass UTF-8 validation afterwards.
 */
public final class MessageInflater implements AutoCloseable {

    private static final byte[] NO_INPUT = new byte[0];

    private final Inflater inflater = new Inflater(true);
    private final boolean resetPerMessage;
    private final long maxMessageBytes;
    /** The flush tail, re-read for each message (allocated once). */
    private final ByteBuffer tail = ByteBuffer.wrap(new byte[] {0, 0, (byte) 0xFF, (byte) 0xFF});

    private ByteBuffer input;
    private boolean tailFed;
    private long messageBytes;

    /**
     * @param resetPerMessage true when the peer resets its context per message (its
     *                        {@code *_no_context_takeover}), so ours may be dropped too
     * @param maxMessageBytes the largest inflated message accepted
     */
    public MessageInflater(boolean resetPerMessage, long maxMessageBytes) {
        if (maxMessageBytes < 1) {
            throw new IllegalArgumentException("maxMessageBytes must be positive, got " + maxMessageBytes);
        }
        this.resetPerMessage = resetPerMessage;
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * Inflates {@code in} (a chunk of a compressed message's payload) into {@code out}.
     * Returns true once all of {@code in} is inflated and, when {@code finalFragment}, the
     * message is complete; false when {@code out} filled first: drain {@code out} and call
     * again with the same {@code in} and flag.
     *
     * @throws ViolationException 1007 for data that does not inflate, 1009 when the message
     *         inflates past the limit; the inflater is unusable afterwards
     */
    public boolean inflate(ByteBuffer in, boolean finalFragment, ByteBuffer out) throws ViolationException {
        if (!tailFed) {
            // re-pointing is always safe: what zlib consumed already moved in's position
            input = in;
            inflater.setInput(in);
            if (!drain(out)) {
                return false;
            }
            if (!finalFragment) {
                input = null;
                return true;
            }
            tail.rewind();
            input = tail;
            inflater.setInput(tail);
            tailFed = true;
        }
        if (!drain(out)) {
            return false;
        }
        endMessage();
        return true;
    }

    private boolean drain(ByteBuffer out) throws ViolationException {
        while (true) {
            if (inflater.finished()) {
                // the sender ended the DEFLATE stream (BFINAL); what follows starts a new one
                inflater.reset();
                inflater.setInput(input);
                if (!input.hasRemaining()) {
                    return true;
                }
            }
            if (!out.hasRemaining()) {
                return false;
            }
            int limit = out.limit();
            long allowed = maxMessageBytes - messageBytes + 1;
            if (out.remaining() > allowed) {
                out.limit(out.position() + (int) allowed);
            }
            int produced;
            try {
                produced = inflater.inflate(out);
            } catch (DataFormatException e) {
                throw new ViolationException(Violation.INVALID_COMPRESSED_DATA, e.getMessage());
            } finally {
                out.limit(limit);
            }
            messageBytes += produced;
            if (messageBytes > maxMessageBytes) {
                throw new ViolationException(Violation.INFLATED_MESSAGE_TOO_BIG, "over " + maxMessageBytes);
            }
            if (inflater.needsDictionary()) {
                throw new ViolationException(Violation.INVALID_COMPRESSED_DATA, "preset dictionary requested");
            }
            if (produced == 0 && !inflater.finished()) {
                if (inflater.needsInput()) {
                    return true;
                }
                if (out.hasRemaining()) {
                    throw new ViolationException(Violation.INVALID_COMPRESSED_DATA, "inflater made no progress");
                }
            }
        }
    }

    private void endMessage() {
        tailFed = false;
        input = null;
        messageBytes = 0;
        inflater.setInput(NO_INPUT);
        if (resetPerMessage) {
            inflater.reset();
        }
    }

    /** Releases the decompressor's native memory. */
    @Override
    public void close() {
        inflater.end();
    }
}
