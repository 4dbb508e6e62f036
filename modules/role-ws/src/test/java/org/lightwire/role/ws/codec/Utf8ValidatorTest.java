package org.lightwire.role.ws.codec;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 6455 §8.1 (text must be UTF-8), RFC 3629 §3-4; cases after Autobahn sections 6.x. */
class Utf8ValidatorTest {

    private static void valid(byte[] text) {
        assertDoesNotThrow(() -> Utf8Validator.validateComplete(ByteBuffer.wrap(text)));
    }

    private static void invalid(int... bytes) {
        ViolationException e = assertThrows(ViolationException.class,
                () -> Utf8Validator.validateComplete(Bytes.buffer(bytes)));
        assertEquals(1007, e.closeCode());
    }

    @Test
    void asciiAndMultiScriptTextIsValid() {
        valid("Hello, world".getBytes(StandardCharsets.UTF_8));
        valid("\u03ba\u1f79\u03c3\u03bc\u03b5".getBytes(StandardCharsets.UTF_8));   // Autobahn 6.2: κόσμε
        valid("Ünïcödé 中文 😀 𝄞".getBytes(StandardCharsets.UTF_8));
        valid(new byte[0]);
    }

    @Test
    void boundaryCodePointsAreValidRfc3629Section4() {
        for (int cp : new int[] {0x0, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x10FFFF}) {
            valid(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void overlongFormsAreInvalid() {
        invalid(0xC0, 0x80);
        invalid(0xC1, 0xBF);
        invalid(0xE0, 0x80, 0x80);
        invalid(0xE0, 0x9F, 0xBF);
        invalid(0xF0, 0x80, 0x80, 0x80);
        invalid(0xF0, 0x8F, 0xBF, 0xBF);
    }

    @Test
    void surrogatesAreInvalid() {
        invalid(0xED, 0xA0, 0x80);
        invalid(0xED, 0xBF, 0xBF);
        invalid(0xED, 0xA0, 0x80, 0xED, 0xB0, 0x80);   // an encoded surrogate pair (CESU-8)
    }

    @Test
    void codePointsAboveU10FFFFAreInvalid() {
        invalid(0xF4, 0x90, 0x80, 0x80);
        invalid(0xF5, 0x80, 0x80, 0x80);
        invalid(0xF7, 0xBF, 0xBF, 0xBF);
        invalid(0xF8, 0x88, 0x80, 0x80, 0x80);
        invalid(0xFE);
        invalid(0xFF);
    }

    @Test
    void strayAndMissingContinuationBytesAreInvalid() {
        invalid(0x80);
        invalid(0xBF);
        invalid(0x41, 0xC2, 0x41);
        invalid(0xE2, 0x82, 0x41);
        invalid(0xF0, 0x9F, 0x98, 0x41);
    }

    @Test
    void textEndingInsideASequenceIsInvalid() {
        invalid(0xC2);
        invalid(0xE2, 0x82);
        invalid(0xF0, 0x9F, 0x98);
    }

    @Test
    void sequencesSplitAtEveryPointAcrossChunksAreValid() throws Exception {
        byte[] text = "a\u00e9\u20ac\ud83d\ude00z\u03ba\u1f79\u03c3\u03bc\u03b5".getBytes(StandardCharsets.UTF_8);
        for (int a = 0; a <= text.length; a++) {
            for (int b = a; b <= text.length; b++) {
                Utf8Validator v = new Utf8Validator();
                v.validate(ByteBuffer.wrap(text, 0, a));
                v.validate(ByteBuffer.wrap(text, a, b - a));
                v.validate(ByteBuffer.wrap(text, b, text.length - b));
                v.finish();
            }
        }
    }

    @Test
    void splitFourByteSequenceIsTrackedAcrossChunks() throws Exception {
        Utf8Validator v = new Utf8Validator();
        for (int b : new int[] {0xF0, 0x9F, 0x98}) {
            v.validate(Bytes.buffer(b));
            assertFalse(v.atCharacterBoundary());
        }
        v.validate(Bytes.buffer(0x80));
        assertTrue(v.atCharacterBoundary());
        v.finish();
    }

    @Test
    void failsFastOnTheFirstInvalidByteAcrossChunks() throws Exception {
        // Autobahn 6.4.1-style: κόσμε, then F4 90 (above U+10FFFF) must fail at 0x90, before more text
        Utf8Validator v = new Utf8Validator();
        v.validate(ByteBuffer.wrap("\u03ba\u1f79\u03c3\u03bc\u03b5".getBytes(StandardCharsets.UTF_8)));
        v.validate(Bytes.buffer(0xF4));
        ViolationException e = assertThrows(ViolationException.class, () -> v.validate(Bytes.buffer(0x90)));
        assertTrue(e.getMessage().contains("0x90"), e.getMessage());

        Utf8Validator surrogate = new Utf8Validator();
        surrogate.validate(Bytes.buffer(0x41, 0xED));
        assertThrows(ViolationException.class, () -> surrogate.validate(Bytes.buffer(0xA0, 0x80, 0x41)));
    }

    @Test
    void validateLeavesThePositionAlone() throws Exception {
        ByteBuffer b = ByteBuffer.wrap("abc".getBytes(StandardCharsets.UTF_8));
        new Utf8Validator().validate(b);
        assertEquals(0, b.position());
    }

    @Test
    void resetForgetsAPartialSequence() throws Exception {
        Utf8Validator v = new Utf8Validator();
        v.validate(Bytes.buffer(0xE2));
        v.reset();
        v.validate(Bytes.buffer(0x41));
        v.finish();
    }

    /** Cross-checks every lead and second byte, with representative third bytes, against the JDK decoder. */
    @Test
    void agreesWithTheJdkDecoderOnAllShortSequences() {
        CharsetDecoder jdk = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] buf = new byte[4];
        // the third byte matters only through which range it falls in
        int[] thirdBytes = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xF4, 0xFF};
        int checked = 0;
        for (int b0 = 0; b0 < 256; b0++) {
            for (int b1 = 0; b1 < 256; b1++) {
                int thirdCount = b0 >= 0xE0 ? thirdBytes.length : 1;
                for (int t = 0; t < thirdCount; t++) {
                    int b2 = thirdBytes[t];
                    int length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2;
                    buf[0] = (byte) b0;
                    buf[1] = (byte) b1;
                    buf[2] = (byte) b2;
                    buf[3] = (byte) 0x80;
                    ByteBuffer seq = ByteBuffer.wrap(buf, 0, length);
                    boolean jdkValid;
                    try {
                        jdk.reset().decode(seq.duplicate());
                        jdkValid = true;
                    } catch (CharacterCodingException e) {
                        jdkValid = false;
                    }
                    boolean ours;
                    try {
                        Utf8Validator.validateComplete(seq);
                        ours = true;
                    } catch (ViolationException e) {
                        ours = false;
                    }
                    if (ours != jdkValid) {
                        throw new AssertionError(String.format("%02x %02x %02x (len %d): ours %s, jdk %s",
                                b0, b1, b2, length, ours, jdkValid));
                    }
                    checked++;
                }
            }
        }
        assertTrue(checked > 100_000);
    }
}
