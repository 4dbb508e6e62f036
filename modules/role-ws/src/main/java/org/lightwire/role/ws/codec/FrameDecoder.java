package org.lightwire.role.ws.codec;

import java.nio.ByteBuffer;

/**
 * Incremental decoder of WebSocket frames (RFC 6455 §5), the receive half of lws'
 * {@code lws_ws_rx_sm}. Input may be split anywhere, down to one byte per call; the decoder
 * keeps its place in an explicit {@link State}. Payload is unmasked in place in the caller's
 * buffer and handed to the {@link FrameListener} without copying; the decoder allocates
 * nothing per frame.
 *
 * <p>Every rule violation throws a {@link ViolationException} naming the rule and its close
 * code, and leaves the decoder {@link State#FAILED}: the connection must be failed.
 */
public final class FrameDecoder {

    /** Where the decoder is within a frame. */
    public enum State {
        /** Expecting byte 0 (FIN, RSV, opcode). */
        FIRST_BYTE,
        /** Expecting byte 1 (MASK, 7-bit length). */
        SECOND_BYTE,
        /** Reading a 16- or 64-bit extended length. */
        EXTENDED_LENGTH,
        /** Reading the 4-byte masking key. */
        MASKING_KEY,
        /** Delivering payload. */
        PAYLOAD,
        /** A violation was found; no further input is accepted. */
        FAILED
    }

    private final boolean serverSide;
    private final FrameLimits limits;
    private final FrameListener listener;
    private boolean rsv1Claimed;

    private State state = State.FIRST_BYTE;
    private Violation failure;
    // set by the listener to end the current decode call after its callback (rx flow control)
    private boolean stopRequested;

    // the frame being read
    private int opcode;
    private boolean fin;
    private boolean rsv1;
    private boolean masked;
    private int lengthBytesLeft;
    private boolean lengthIs64;
    private long payloadLength;
    private int maskBytesLeft;
    private int maskKey;
    private int maskIndex;
    private long payloadLeft;

    // the data message in progress, across fragments
    private boolean inFragmentedMessage;
    private long messageLength;

    /**
     * @param serverSide true when decoding what a client sends (frames must be masked), false
     *                   when decoding what a server sends (frames must not be masked)
     * @param limits frame and message size limits
     * @param listener receives frames, called on the caller's thread during {@link #decode}
     */
    public FrameDecoder(boolean serverSide, FrameLimits limits, FrameListener listener) {
        this.serverSide = serverSide;
        this.limits = limits;
        this.listener = listener;
    }

    /**
     * Lets RSV1 through on the first frame of data messages: called once permessage-deflate
     * (RFC 7692 §6) was negotiated. Without it RSV1 is a protocol error.
     */
    public void claimRsv1() {
        rsv1Claimed = true;
    }

    /** The current state. */
    public State state() {
        return state;
    }

    /**
     * Makes the {@link #decode} call in progress return after the listener callback that is
     * running, leaving the rest of its input unread (lws {@code lws_rx_flow_control} taking
     * effect within a read). Called from a listener callback; the next decode call resumes.
     */
    public void stopAfterCallback() {
        stopRequested = true;
    }

    /** Whether a fragmented data message has started and not yet ended. */
    public boolean inFragmentedMessage() {
        return inFragmentedMessage;
    }

    /**
     * Consumes all of {@code in} (position to limit), delivering frames to the listener. On
     * return the position equals the limit, unless the listener asked to
     * {@link #stopAfterCallback() stop}: then the unread rest starts at the position. Masked payload bytes are unmasked in place, so
     * the buffer must be writable when frames are masked.
     *
     * @throws ViolationException when the peer broke a rule, or the listener threw; the
     *         decoder is then failed for good (also after any exception from the listener)
     * @throws IllegalArgumentException on the server side when {@code in} is read-only
     */
    public void decode(ByteBuffer in) throws ViolationException {
        if (state == State.FAILED) {
            if (failure == null) {
                throw new IllegalStateException("decoder failed: its listener threw");
            }
            throw new ViolationException(failure, "decoder already failed");
        }
        if (serverSide && in.isReadOnly() && in.hasRemaining()) {
            // client frames are masked and we unmask in place rather than copy
            throw new IllegalArgumentException("a server-side decoder needs a writable buffer");
        }
        stopRequested = false;
        try {
            while (in.hasRemaining() && !stopRequested) {
                switch (state) {
                    case FIRST_BYTE -> firstByte(in.get());
                    case SECOND_BYTE -> secondByte(in.get());
                    case EXTENDED_LENGTH -> extendedLengthByte(in.get());
                    case MASKING_KEY -> maskingKeyByte(in.get());
                    case PAYLOAD -> payload(in);
                    default -> throw new IllegalStateException(state.name());
                }
            }
        } catch (ViolationException e) {
            state = State.FAILED;
            failure = e.violation();
            throw e;
        } catch (RuntimeException e) {
            // a listener bug leaves the frame half-read: never resume mid-frame
            state = State.FAILED;
            failure = null;
            throw e;
        }
    }

    private void firstByte(byte b) throws ViolationException {
        fin = (b & 0x80) != 0;
        rsv1 = (b & 0x40) != 0;
        opcode = b & 0x0F;
        if ((b & 0x30) != 0) {
            throw new ViolationException(Violation.RESERVED_BITS_SET, "RSV2/RSV3");
        }
        if (!Opcodes.isDefined(opcode)) {
            throw new ViolationException(Violation.RESERVED_OPCODE, "0x" + Integer.toHexString(opcode));
        }
        boolean control = Opcodes.isControl(opcode);
        // RFC 7692 §6.1: RSV1 marks a compressed message, so only the first frame of a data
        // message may carry it; never control frames or continuations
        if (rsv1 && (!rsv1Claimed || control || opcode == Opcodes.CONTINUATION)) {
            throw new ViolationException(Violation.RESERVED_BITS_SET, "RSV1");
        }
        if (control) {
            if (!fin) {
                throw new ViolationException(Violation.FRAGMENTED_CONTROL_FRAME);
            }
        } else if (opcode == Opcodes.CONTINUATION) {
            if (!inFragmentedMessage) {
                throw new ViolationException(Violation.CONTINUATION_WITHOUT_START);
            }
        } else if (inFragmentedMessage) {
            throw new ViolationException(Violation.DATA_FRAME_INSIDE_FRAGMENTED_MESSAGE);
        }
        state = State.SECOND_BYTE;
    }

    private void secondByte(byte b) throws ViolationException {
        masked = (b & 0x80) != 0;
        if (serverSide && !masked) {
            throw new ViolationException(Violation.UNMASKED_CLIENT_FRAME);
        }
        if (!serverSide && masked) {
            throw new ViolationException(Violation.MASKED_SERVER_FRAME);
        }
        int length7 = b & 0x7F;
        if (length7 > 125 && Opcodes.isControl(opcode)) {
            throw new ViolationException(Violation.CONTROL_FRAME_TOO_LONG);
        }
        payloadLength = 0;
        if (length7 == 126) {
            lengthIs64 = false;
            lengthBytesLeft = 2;
            state = State.EXTENDED_LENGTH;
        } else if (length7 == 127) {
            lengthIs64 = true;
            lengthBytesLeft = 8;
            state = State.EXTENDED_LENGTH;
        } else {
            payloadLength = length7;
            lengthKnown();
        }
    }

    private void extendedLengthByte(byte b) throws ViolationException {
        if (lengthIs64 && lengthBytesLeft == 8 && (b & 0x80) != 0) {
            throw new ViolationException(Violation.LENGTH_TOP_BIT_SET);
        }
        payloadLength = (payloadLength << 8) | (b & 0xFF);
        if (--lengthBytesLeft == 0) {
            if (lengthIs64 ? payloadLength <= 0xFFFF : payloadLength <= 125) {
                throw new ViolationException(Violation.NON_MINIMAL_LENGTH, Long.toString(payloadLength));
            }
            lengthKnown();
        }
    }

    private void lengthKnown() throws ViolationException {
        if (payloadLength > limits.maxFramePayload()) {
            throw new ViolationException(Violation.FRAME_TOO_BIG,
                    payloadLength + " > " + limits.maxFramePayload());
        }
        if (!Opcodes.isControl(opcode)) {
            long base = opcode == Opcodes.CONTINUATION ? messageLength : 0;
            if (payloadLength > limits.maxMessagePayload() - base) {
                throw new ViolationException(Violation.MESSAGE_TOO_BIG,
                        "over " + limits.maxMessagePayload());
            }
            messageLength = base + payloadLength;
        }
        if (masked) {
            maskKey = 0;
            maskBytesLeft = 4;
            state = State.MASKING_KEY;
        } else {
            startPayload();
        }
    }

    private void maskingKeyByte(byte b) throws ViolationException {
        maskKey = (maskKey << 8) | (b & 0xFF);
        if (--maskBytesLeft == 0) {
            startPayload();
        }
    }

    private void startPayload() throws ViolationException {
        maskIndex = 0;
        payloadLeft = payloadLength;
        if (!Opcodes.isControl(opcode)) {
            // the message continues after this frame unless it is the final one
            inFragmentedMessage = !fin;
        }
        listener.frameStart(opcode, fin, rsv1, payloadLength);
        if (payloadLeft == 0) {
            endFrame();
        } else {
            state = State.PAYLOAD;
        }
    }

    private void payload(ByteBuffer in) throws ViolationException {
        int start = in.position();
        int limit = in.limit();
        int n = (int) Math.min(in.remaining(), payloadLeft);
        int end = start + n;
        if (masked) {
            maskIndex = Masking.apply(in, start, end, maskKey, maskIndex);
        }
        payloadLeft -= n;
        in.limit(end);
        try {
            listener.payload(in, payloadLeft);
        } finally {
            in.limit(limit).position(end);
        }
        if (payloadLeft == 0) {
            endFrame();
        }
    }

    private void endFrame() throws ViolationException {
        state = State.FIRST_BYTE;
        listener.frameEnd();
    }
}
