package org.lightwire.role.ws.codec;

/**
 * Every way a peer can break the WebSocket wire rules, each with the close code the
 * connection is failed with (RFC 6455 §7.4.1). lws closes with the same codes
 * ({@code LWS_CLOSE_STATUS_PROTOCOL_ERR}, {@code _INVALID_PAYLOAD}, {@code _MESSAGE_TOO_LARGE}).
 */
public enum Violation {
    /** RSV1-3 set without an extension that defines them (§5.2), or RSV1 where RFC 7692 §6.1 forbids it. */
    RESERVED_BITS_SET(CloseCodes.PROTOCOL_ERROR, "reserved bits set"),
    /** Opcodes 0x3-0x7 and 0xB-0xF are reserved (§5.2). */
    RESERVED_OPCODE(CloseCodes.PROTOCOL_ERROR, "reserved opcode"),
    /** Control frames must not be fragmented (§5.5). */
    FRAGMENTED_CONTROL_FRAME(CloseCodes.PROTOCOL_ERROR, "control frame without FIN"),
    /** Control frames carry at most 125 bytes (§5.5). */
    CONTROL_FRAME_TOO_LONG(CloseCodes.PROTOCOL_ERROR, "control frame payload over 125 bytes"),
    /** A server must close on an unmasked client frame (§5.1). */
    UNMASKED_CLIENT_FRAME(CloseCodes.PROTOCOL_ERROR, "unmasked frame from client"),
    /** A client must close on a masked server frame (§5.1). */
    MASKED_SERVER_FRAME(CloseCodes.PROTOCOL_ERROR, "masked frame from server"),
    /** The minimal number of bytes must be used to encode the length (§5.2). */
    NON_MINIMAL_LENGTH(CloseCodes.PROTOCOL_ERROR, "length not minimally encoded"),
    /** The most significant bit of a 64-bit length must be 0 (§5.2). */
    LENGTH_TOP_BIT_SET(CloseCodes.PROTOCOL_ERROR, "64-bit length with the top bit set"),
    /** A continuation frame with no fragmented message in progress (§5.4). */
    CONTINUATION_WITHOUT_START(CloseCodes.PROTOCOL_ERROR, "continuation frame without a message"),
    /** A new text/binary frame while a fragmented message is unfinished (§5.4). */
    DATA_FRAME_INSIDE_FRAGMENTED_MESSAGE(CloseCodes.PROTOCOL_ERROR, "new data frame inside a fragmented message"),
    /** A frame longer than the configured frame limit. */
    FRAME_TOO_BIG(CloseCodes.MESSAGE_TOO_BIG, "frame exceeds the frame size limit"),
    /** A message longer than the configured message limit. */
    MESSAGE_TOO_BIG(CloseCodes.MESSAGE_TOO_BIG, "message exceeds the message size limit"),
    /** Text payload or close reason that is not UTF-8 (§8.1). */
    INVALID_UTF8(CloseCodes.INVALID_PAYLOAD, "invalid UTF-8"),
    /** A close payload of exactly one byte (§5.5.1). */
    CLOSE_PAYLOAD_ONE_BYTE(CloseCodes.PROTOCOL_ERROR, "close payload of one byte"),
    /** A close code that may not appear on the wire (§7.4). */
    INVALID_CLOSE_CODE(CloseCodes.PROTOCOL_ERROR, "invalid close code"),
    /** permessage-deflate data that does not inflate (RFC 7692 §6.2). */
    INVALID_COMPRESSED_DATA(CloseCodes.INVALID_PAYLOAD, "invalid compressed data"),
    /** A permessage-deflate message inflating past the message limit (a decompression bomb). */
    INFLATED_MESSAGE_TOO_BIG(CloseCodes.MESSAGE_TOO_BIG, "inflated message exceeds the message size limit");

    private final int closeCode;
    private final String description;

    Violation(int closeCode, String description) {
        this.closeCode = closeCode;
        this.description = description;
    }

    /** The close code the connection is failed with. */
    public int closeCode() {
        return closeCode;
    }

    /** A short human description, suitable as a close reason (always under 123 bytes). */
    public String description() {
        return description;
    }
}
