package org.lightwire.api.ws;

/**
 * Per-protocol WebSocket limits and delivery mode (lws {@code lws_protocols.rx_buffer_size}
 * and friends). Immutable.
 *
 * @param maxMessageBytes largest message accepted (after decompression); a bigger one
 *        closes the connection with 1009. Applies to fragmented messages as a whole.
 * @param wholeMessages   deliver each message in one {@link WsSession#received} call
 *        (buffered up to {@code maxMessageBytes}) instead of as fragments as they arrive
 * @param rxChunkBytes    in fragment mode, the most bytes given to one receive event (lws
 *        {@code rx_buffer_size}); 0: as much as was read
 */
public record WsLimits(long maxMessageBytes, boolean wholeMessages, int rxChunkBytes) {

    /** 1 MiB messages, fragments as they arrive, chunks as read. */
    public static final WsLimits DEFAULTS = new WsLimits(1 << 20, false, 0);

    public WsLimits {
        if (maxMessageBytes < 1) {
            throw new IllegalArgumentException("maxMessageBytes must be positive");
        }
        if (wholeMessages && maxMessageBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("whole messages are buffered: maxMessageBytes must fit in an array");
        }
        if (rxChunkBytes < 0) {
            throw new IllegalArgumentException("rxChunkBytes must not be negative");
        }
    }

    public WsLimits withMaxMessageBytes(long bytes) {
        return new WsLimits(bytes, wholeMessages, rxChunkBytes);
    }

    public WsLimits withWholeMessages(boolean whole) {
        return new WsLimits(maxMessageBytes, whole, rxChunkBytes);
    }

    public WsLimits withRxChunkBytes(int bytes) {
        return new WsLimits(maxMessageBytes, wholeMessages, bytes);
    }
}
