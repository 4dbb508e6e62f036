package org.lightwire.role.ws.codec;

import java.nio.ByteBuffer;

/**
 * Receives what a {@link FrameDecoder} finds, in wire order. This is the shape lws gives a
 * protocol: each payload chunk arrives with whether its frame is the final fragment and how
 * much of the frame is still to come ({@code lws_is_final_fragment},
 * {@code lws_remaining_packet_payload}).
 */
public interface FrameListener {

    /**
     * A frame header was read and passed every check.
     *
     * @param opcode the frame's opcode ({@link Opcodes})
     * @param fin whether this is the final frame of its message
     * @param rsv1 whether RSV1 is set (only ever true when an extension claimed it, on the
     *             first frame of a data message: "compressed" for permessage-deflate)
     * @param payloadLength the frame's payload length, 0 to {@code 2^63-1}
     */
    void frameStart(int opcode, boolean fin, boolean rsv1, long payloadLength) throws ViolationException;

    /**
     * Part of the current frame's payload, already unmasked, between the buffer's position
     * and limit. The buffer is the caller's input buffer: read it during the call only (do
     * not keep it); the decoder restores its position and limit afterwards.
     *
     * @param remaining payload bytes of this frame still to come after this chunk
     */
    void payload(ByteBuffer chunk, long remaining) throws ViolationException;

    /** The current frame's payload is complete (also called for empty frames). */
    void frameEnd() throws ViolationException;
}
