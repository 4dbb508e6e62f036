package org.lightwire.role.ws.codec;

import java.nio.ByteBuffer;

/**
 * Incremental UTF-8 validator for text messages and close reasons (RFC 6455 §8.1, UTF-8 as
 * RFC 3629 §4 defines it). Chunks may split a sequence anywhere, including across frames of
 * a fragmented message; the first byte that cannot belong to valid UTF-8 fails at once
 * (what lws does with {@code lws_check_utf8}), so a hostile peer cannot make us buffer an
 * invalid message. Overlong forms, UTF-16 surrogates (U+D800-U+DFFF) and code points above
 * U+10FFFF are refused by narrowing the range of the first continuation byte, as in the
 * table of RFC 3629 §4. The state is two small ints; nothing is allocated.
 */
public final class Utf8Validator {

    private static final int CONTINUATION_LOW = 0x80;
    private static final int CONTINUATION_HIGH = 0xBF;

    /** Continuation bytes still expected for the current sequence; 0 between characters. */
    private int pending;
    /** Allowed range of the next continuation byte (narrowed for the first one). */
    private int low = CONTINUATION_LOW;
    private int high = CONTINUATION_HIGH;

    /**
     * Checks {@code chunk} from its position to its limit without moving the position.
     *
     * @throws ViolationException (1007) at the first byte that makes the text invalid
     */
    public void validate(ByteBuffer chunk) throws ViolationException {
        int end = chunk.limit();
        for (int i = chunk.position(); i < end; i++) {
            int b = chunk.get(i) & 0xFF;
            if (pending == 0) {
                if (b < 0x80) {
                    continue;
                }
                lead(b, i - chunk.position());
            } else {
                if (b < low || b > high) {
                    throw invalid(b, i - chunk.position());
                }
                low = CONTINUATION_LOW;
                high = CONTINUATION_HIGH;
                pending--;
            }
        }
    }

    private void lead(int b, int offset) throws ViolationException {
        if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;                        // C0, C1 would be overlong ASCII
        } else if (b == 0xE0) {
            pending = 2;
            low = 0xA0;                         // E0 80-9F would be overlong
        } else if (b == 0xED) {
            pending = 2;
            high = 0x9F;                        // ED A0-BF would be a surrogate
        } else if (b >= 0xE1 && b <= 0xEF) {
            pending = 2;
        } else if (b == 0xF0) {
            pending = 3;
            low = 0x90;                         // F0 80-8F would be overlong
        } else if (b >= 0xF1 && b <= 0xF3) {
            pending = 3;
        } else if (b == 0xF4) {
            pending = 3;
            high = 0x8F;                        // F4 90-BF would be above U+10FFFF
        } else {
            throw invalid(b, offset);           // stray continuation, C0/C1, F5-FF
        }
    }

    /** Whether the bytes seen so far end on a character boundary. */
    public boolean atCharacterBoundary() {
        return pending == 0;
    }

    /**
     * The text ended (final fragment of a message, or end of a close reason).
     *
     * @throws ViolationException (1007) if it ended inside a multi-byte sequence
     */
    public void finish() throws ViolationException {
        if (pending != 0) {
            reset();
            throw new ViolationException(Violation.INVALID_UTF8, "text ends inside a multi-byte sequence");
        }
    }

    /** Forgets any partial sequence, for the next message. */
    public void reset() {
        pending = 0;
        low = CONTINUATION_LOW;
        high = CONTINUATION_HIGH;
    }

    /** Validates one complete text, without moving {@code text}'s position. */
    public static void validateComplete(ByteBuffer text) throws ViolationException {
        Utf8Validator v = new Utf8Validator();
        v.validate(text);
        v.finish();
    }

    private ViolationException invalid(int b, int offset) {
        reset();
        return new ViolationException(Violation.INVALID_UTF8,
                "byte 0x" + Integer.toHexString(b) + " at offset " + offset + " of the chunk");
    }
}
