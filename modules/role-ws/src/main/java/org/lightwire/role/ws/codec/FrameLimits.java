package org.lightwire.role.ws.codec;

/**
 * Size limits a {@link FrameDecoder} enforces, both failing with 1009. They map onto lws'
 * per-protocol {@code rx_buffer_size} / {@code max-message-size} guards.
 *
 * @param maxFramePayload the largest payload one frame may announce
 * @param maxMessagePayload the largest sum of payloads of one (possibly fragmented) message
 */
public record FrameLimits(long maxFramePayload, long maxMessagePayload) {

    /** 16 MiB per frame and per message: safe for a server, ample for typical protocols. */
    public static final FrameLimits DEFAULT = new FrameLimits(16L << 20, 16L << 20);

    public FrameLimits {
        if (maxFramePayload < 125 || maxMessagePayload < 125) {
            // control frames may always carry 125 bytes (RFC 6455 §5.5)
            throw new IllegalArgumentException("frame and message limits must be at least 125 bytes, got "
                    + maxFramePayload + " and " + maxMessagePayload);
        }
    }
}
