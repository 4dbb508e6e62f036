package org.lightwire.role.ws.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Close frame payloads (RFC 6455 §5.5.1): an optional 2-byte status code followed by an
 * optional UTF-8 reason, at most 125 bytes in all. What lws reads back with
 * {@code lws_get_close_payload} and writes with {@code lws_close_reason}.
 */
public final class CloseFrames {

    /** The longest reason that fits a control frame next to the code (125 - 2). */
    public static final int MAX_REASON_BYTES = 123;

    private CloseFrames() {
    }

    /**
     * A parsed close payload.
     *
     * @param code the status code, {@link CloseCodes#NO_STATUS_RECEIVED} for an empty payload
     * @param reason the reason text, empty when absent
     */
    public record CloseStatus(int code, String reason) {
    }

    /**
     * Parses a received close payload, from position to limit (the position is left alone).
     *
     * @throws ViolationException 1002 for a 1-byte payload, an invalid code or more than 125
     *         bytes; 1007 for a reason that is not UTF-8
     */
    public static CloseStatus parse(ByteBuffer payload) throws ViolationException {
        int length = payload.remaining();
        if (length == 0) {
            return new CloseStatus(CloseCodes.NO_STATUS_RECEIVED, "");
        }
        if (length == 1) {
            throw new ViolationException(Violation.CLOSE_PAYLOAD_ONE_BYTE);
        }
        if (length > 125) {
            throw new ViolationException(Violation.CONTROL_FRAME_TOO_LONG, length + " bytes");
        }
        int p = payload.position();
        int code = ((payload.get(p) & 0xFF) << 8) | (payload.get(p + 1) & 0xFF);
        if (!CloseCodes.isValidOnWire(code)) {
            throw new ViolationException(Violation.INVALID_CLOSE_CODE, Integer.toString(code));
        }
        ByteBuffer reason = payload.duplicate().position(p + 2);
        Utf8Validator.validateComplete(reason);
        return new CloseStatus(code, StandardCharsets.UTF_8.decode(reason).toString());
    }

    /**
     * Writes a close payload with {@code code} and {@code reason} into {@code out}.
     *
     * @return bytes written
     * @throws IllegalArgumentException if the code may not be sent, the reason is not
     *         encodable (lone surrogates) or longer than {@link #MAX_REASON_BYTES} in UTF-8,
     *         or {@code out} has no room; nothing is written then
     */
    public static int write(int code, String reason, ByteBuffer out) {
        if (!CloseCodes.isValidOnWire(code)) {
            throw new IllegalArgumentException("close code " + code + " may not be sent");
        }
        ByteBuffer encoded;
        try {
            CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            encoded = encoder.encode(CharBuffer.wrap(reason));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("close reason is not encodable as UTF-8", e);
        }
        if (encoded.remaining() > MAX_REASON_BYTES) {
            throw new IllegalArgumentException("close reason is " + encoded.remaining()
                    + " bytes in UTF-8, at most " + MAX_REASON_BYTES + " fit a close frame");
        }
        int length = 2 + encoded.remaining();
        if (out.remaining() < length) {
            throw new IllegalArgumentException("close payload needs " + length + " bytes, buffer has "
                    + out.remaining());
        }
        out.put((byte) (code >>> 8)).put((byte) code).put(encoded);
        return length;
    }
}
