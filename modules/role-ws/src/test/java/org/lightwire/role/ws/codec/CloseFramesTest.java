package org.lightwire.role.ws.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 6455 §5.5.1 (close payload), §7.4 (status codes). */
class CloseFramesTest {

    private static Violation violation(int... payload) {
        return assertThrows(ViolationException.class, () -> CloseFrames.parse(Bytes.buffer(payload))).violation();
    }

    @Test
    void emptyPayloadReportsNoStatusReceived() throws Exception {
        assertEquals(new CloseFrames.CloseStatus(1005, ""), CloseFrames.parse(ByteBuffer.allocate(0)));
    }

    @Test
    void oneBytePayloadClosesWith1002() {
        assertEquals(Violation.CLOSE_PAYLOAD_ONE_BYTE, violation(0x03));
        assertEquals(1002, Violation.CLOSE_PAYLOAD_ONE_BYTE.closeCode());
    }

    @Test
    void codeAndReasonAreParsed() throws Exception {
        ByteBuffer payload = ByteBuffer.wrap(Bytes.concat(Bytes.of(0x03, 0xE8), "bye \u03ba".getBytes(StandardCharsets.UTF_8)));
        assertEquals(new CloseFrames.CloseStatus(1000, "bye \u03ba"), CloseFrames.parse(payload));
        assertEquals(0, payload.position());
    }

    @Test
    void codesValidOnTheWireAreAccepted() throws Exception {
        for (int code : new int[] {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014,
                3000, 3999, 4000, 4999}) {
            assertEquals(code, CloseFrames.parse(Bytes.buffer(code >>> 8, code & 0xFF)).code(), "code " + code);
        }
    }

    @Test
    void invalidCodesCloseWith1002() {
        for (int code : new int[] {0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535}) {
            assertEquals(Violation.INVALID_CLOSE_CODE, violation(code >>> 8, code & 0xFF), "code " + code);
            assertFalse(CloseCodes.isValidOnWire(code));
        }
    }

    @Test
    void reasonThatIsNotUtf8ClosesWith1007() {
        Violation v = violation(0x03, 0xE8, 0xCE, 0xBA, 0xED, 0xA0, 0x80);
        assertEquals(Violation.INVALID_UTF8, v);
        assertEquals(1007, v.closeCode());
        assertEquals(Violation.INVALID_UTF8, violation(0x03, 0xE8, 0xE2, 0x82));
    }

    @Test
    void payloadOver125BytesClosesWith1002() {
        ByteBuffer payload = ByteBuffer.wrap(Bytes.concat(Bytes.of(0x03, 0xE8), new byte[124]));
        ViolationException e = assertThrows(ViolationException.class, () -> CloseFrames.parse(payload));
        assertEquals(1002, e.closeCode());
    }

    @Test
    void writeRoundTripsWithTheLongestReason() throws Exception {
        String reason = "\u03ba".repeat(61) + "x";   // 123 bytes
        ByteBuffer out = ByteBuffer.allocate(125);
        assertEquals(125, CloseFrames.write(4000, reason, out));
        out.flip();
        assertEquals(new CloseFrames.CloseStatus(4000, reason), CloseFrames.parse(out));
    }

    @Test
    void writeRefusesWhatMayNotBeSent() {
        ByteBuffer out = ByteBuffer.allocate(200);
        assertThrows(IllegalArgumentException.class, () -> CloseFrames.write(1005, "", out));
        assertThrows(IllegalArgumentException.class, () -> CloseFrames.write(1006, "", out));
        assertThrows(IllegalArgumentException.class, () -> CloseFrames.write(1000, "x".repeat(124), out));
        assertThrows(IllegalArgumentException.class, () -> CloseFrames.write(1000, "\ud800", out));
        assertThrows(IllegalArgumentException.class, () -> CloseFrames.write(1000, "bye", ByteBuffer.allocate(4)));
        assertEquals(0, out.position());
        assertTrue(CloseFrames.write(1000, "", out) == 2);
    }
}
