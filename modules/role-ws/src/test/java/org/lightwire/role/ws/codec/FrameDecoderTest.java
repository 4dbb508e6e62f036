package org.lightwire.role.ws.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private static final byte[] HELLO = "Hello".getBytes(StandardCharsets.US_ASCII);

    private final Recorder recorder = new Recorder();

    private FrameDecoder server() {
        return new FrameDecoder(true, FrameLimits.DEFAULT, recorder);
    }

    private FrameDecoder client() {
        return new FrameDecoder(false, FrameLimits.DEFAULT, recorder);
    }

    private static Violation violation(FrameDecoder decoder, int... bytes) {
        ViolationException e = assertThrows(ViolationException.class, () -> decoder.decode(Bytes.buffer(bytes)));
        assertEquals(FrameDecoder.State.FAILED, decoder.state());
        return e.violation();
    }

    // RFC 6455 §5.7 examples

    @Test
    void singleFrameUnmaskedTextRfc6455Section57() throws Exception {
        client().decode(Bytes.buffer(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f));
        assertEquals(List.of("start op=1 fin=true rsv1=false len=5", "end"), recorder.events);
        assertArrayEquals(HELLO, recorder.payloads.get(0));
    }

    @Test
    void singleFrameMaskedTextIsUnmaskedInPlaceRfc6455Section57() throws Exception {
        ByteBuffer in = Bytes.buffer(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58);
        server().decode(in);
        assertArrayEquals(HELLO, recorder.payloads.get(0));
        assertArrayEquals(HELLO, java.util.Arrays.copyOfRange(in.array(), 6, 11), "unmasked in the caller's buffer");
        assertEquals(in.limit(), in.position());
    }

    @Test
    void fragmentedUnmaskedTextRfc6455Section57() throws Exception {
        FrameDecoder d = client();
        d.decode(Bytes.buffer(0x01, 0x03, 0x48, 0x65, 0x6c));
        assertTrue(d.inFragmentedMessage());
        d.decode(Bytes.buffer(0x80, 0x02, 0x6c, 0x6f));
        assertEquals(List.of("start op=1 fin=false rsv1=false len=3", "end",
                "start op=0 fin=true rsv1=false len=2", "end"), recorder.events);
        assertTrue(!d.inFragmentedMessage());
    }

    @Test
    void unmaskedPingAndMaskedPongRfc6455Section57() throws Exception {
        client().decode(Bytes.buffer(0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f));
        server().decode(Bytes.buffer(0x8a, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58));
        assertEquals("start op=9 fin=true rsv1=false len=5", recorder.events.get(0));
        assertEquals("start op=10 fin=true rsv1=false len=5", recorder.events.get(2));
        assertArrayEquals(HELLO, recorder.payloads.get(1));
    }

    @Test
    void sixteenAndSixtyFourBitLengthsRfc6455Section57() throws Exception {
        FrameDecoder d = client();
        byte[] b256 = new byte[256];
        d.decode(ByteBuffer.wrap(Bytes.concat(Bytes.of(0x82, 0x7E, 0x01, 0x00), b256)));
        byte[] b64k = new byte[65536];
        d.decode(ByteBuffer.wrap(Bytes.concat(Bytes.of(0x82, 0x7F, 0, 0, 0, 0, 0, 1, 0, 0), b64k)));
        assertEquals(List.of("start op=2 fin=true rsv1=false len=256", "end",
                "start op=2 fin=true rsv1=false len=65536", "end"), recorder.events);
    }

    @Test
    void emptyFrameHasStartAndEndOnly() throws Exception {
        client().decode(Bytes.buffer(0x81, 0x00));
        assertEquals(List.of("start op=1 fin=true rsv1=false len=0", "end"), recorder.events);
    }

    // incremental decoding

    /** A client stream: fragmented text with a ping inside, a 16-bit and a 64-bit binary frame, close. */
    private static byte[] clientStream() {
        Random random = new Random(6455);
        FrameEncoder encoder = FrameEncoder.forClient(random::nextInt);
        ByteBuffer out = ByteBuffer.allocate(200_000);
        encoder.writeFrame(out, Opcodes.TEXT, false, false, ByteBuffer.wrap("Hel".getBytes(StandardCharsets.UTF_8)));
        encoder.writeFrame(out, Opcodes.PING, true, false, ByteBuffer.wrap(new byte[] {1, 2}));
        encoder.writeFrame(out, Opcodes.CONTINUATION, true, false, ByteBuffer.wrap("lo".getBytes(StandardCharsets.UTF_8)));
        byte[] medium = new byte[300];
        random.nextBytes(medium);
        encoder.writeFrame(out, Opcodes.BINARY, true, false, ByteBuffer.wrap(medium));
        encoder.writeFrame(out, Opcodes.BINARY, true, false, ByteBuffer.wrap(new byte[0]));
        encoder.writeFrame(out, Opcodes.CLOSE, true, false, Bytes.buffer(0x03, 0xe8));
        out.flip();
        return Bytes.remaining(out);
    }

    private static Recorder decodeSplit(byte[] stream, int... cuts) throws ViolationException {
        Recorder r = new Recorder();
        FrameDecoder d = new FrameDecoder(true, FrameLimits.DEFAULT, r);
        byte[] copy = stream.clone();
        int from = 0;
        for (int cut : cuts) {
            d.decode(ByteBuffer.wrap(copy, from, cut - from).slice());
            from = cut;
        }
        d.decode(ByteBuffer.wrap(copy, from, copy.length - from).slice());
        return r;
    }

    @Test
    void everySingleSplitPointDecodesTheSame() throws Exception {
        byte[] stream = clientStream();
        Recorder whole = decodeSplit(stream);
        assertEquals(12, whole.events.size());
        for (int cut = 0; cut <= stream.length; cut++) {
            Recorder split = decodeSplit(stream, cut);
            assertEquals(whole.events, split.events, "split at " + cut);
            for (int i = 0; i < whole.payloads.size(); i++) {
                assertArrayEquals(whole.payloads.get(i), split.payloads.get(i), "split at " + cut);
            }
        }
    }

    @Test
    void everyPairOfSplitPointsInTheHeadersDecodesTheSame() throws Exception {
        byte[] stream = clientStream();
        Recorder whole = decodeSplit(stream);
        for (int a = 0; a <= 40; a++) {
            for (int b = a; b <= 40; b++) {
                Recorder split = decodeSplit(stream, a, b);
                assertEquals(whole.events, split.events, "split at " + a + "," + b);
                assertArrayEquals(whole.payloads.get(0), split.payloads.get(0));
            }
        }
    }

    @Test
    void oneByteAtATimeDecodesTheSame() throws Exception {
        byte[] stream = clientStream();
        Recorder whole = decodeSplit(stream);
        int[] cuts = new int[stream.length - 1];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1;
        }
        Recorder split = decodeSplit(stream, cuts);
        assertEquals(whole.events, split.events);
        for (int i = 0; i < whole.payloads.size(); i++) {
            assertArrayEquals(whole.payloads.get(i), split.payloads.get(i));
        }
    }

    @Test
    void sixtyFourBitFrameSplitAnywhereInItsHeaderDecodesTheSame() throws Exception {
        FrameEncoder encoder = FrameEncoder.forClient(() -> 0x12345678);
        byte[] payload = new byte[70_000];
        new Random(1).nextBytes(payload);
        ByteBuffer out = ByteBuffer.allocate(80_000);
        encoder.writeFrame(out, Opcodes.BINARY, true, false, ByteBuffer.wrap(payload));
        out.flip();
        byte[] stream = Bytes.remaining(out);
        for (int cut = 0; cut <= 20; cut++) {
            Recorder split = decodeSplit(stream, cut, cut + 1, 40_000);
            assertEquals(List.of("start op=2 fin=true rsv1=false len=70000", "end"), split.events, "cut " + cut);
            assertArrayEquals(payload, split.payloads.get(0));
        }
    }

    @Test
    void unmaskingIgnoresTheBufferByteOrder() throws Exception {
        ByteBuffer in = Bytes.buffer(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58)
                .order(ByteOrder.LITTLE_ENDIAN);
        server().decode(in);
        assertArrayEquals(HELLO, recorder.payloads.get(0));
    }

    @Test
    void controlFramesMayInterleaveInAFragmentedMessageRfc6455Section54() throws Exception {
        FrameDecoder d = client();
        d.decode(Bytes.buffer(0x01, 0x01, 0x48, 0x89, 0x00, 0x8A, 0x01, 0x07, 0x80, 0x01, 0x69));
        assertEquals(List.of("start op=1 fin=false rsv1=false len=1", "end",
                "start op=9 fin=true rsv1=false len=0", "end",
                "start op=10 fin=true rsv1=false len=1", "end",
                "start op=0 fin=true rsv1=false len=1", "end"), recorder.events);
    }

    @Test
    void serverSideRefusesAReadOnlyBufferItWouldUnmaskInto() {
        ByteBuffer in = Bytes.buffer(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58).asReadOnlyBuffer();
        assertThrows(IllegalArgumentException.class, () -> server().decode(in));
    }

    @Test
    void listenerExceptionLeavesTheDecoderFailed() {
        FrameDecoder d = new FrameDecoder(false, FrameLimits.DEFAULT, new FrameListener() {
            @Override
            public void frameStart(int opcode, boolean fin, boolean rsv1, long payloadLength) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void payload(ByteBuffer chunk, long remaining) {
            }

            @Override
            public void frameEnd() {
            }
        });
        assertThrows(IllegalStateException.class, () -> d.decode(Bytes.buffer(0x81, 0x01, 0x41)));
        assertEquals(FrameDecoder.State.FAILED, d.state());
        IllegalStateException again = assertThrows(IllegalStateException.class, () -> d.decode(Bytes.buffer(0x81, 0x00)));
        assertTrue(again.getMessage().contains("listener"));
    }

    // §5.1 masking rules

    @Test
    void unmaskedClientFrameClosesWith1002() {
        Violation v = violation(server(), 0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f);
        assertEquals(Violation.UNMASKED_CLIENT_FRAME, v);
        assertEquals(1002, v.closeCode());
    }

    @Test
    void maskedServerFrameClosesWith1002() {
        assertEquals(Violation.MASKED_SERVER_FRAME,
                violation(client(), 0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58));
    }

    // §5.2 reserved bits, opcodes, lengths

    @Test
    void reservedBitsCloseWith1002() {
        assertEquals(Violation.RESERVED_BITS_SET, violation(client(), 0xC1, 0x00));
        assertEquals(Violation.RESERVED_BITS_SET, violation(client(), 0xA1, 0x00));
        assertEquals(Violation.RESERVED_BITS_SET, violation(client(), 0x91, 0x00));
    }

    @Test
    void rsv1ClaimedByAnExtensionIsAllowedOnTheFirstDataFrameOnlyRfc7692Section61() throws Exception {
        FrameDecoder d = client();
        d.claimRsv1();
        d.decode(Bytes.buffer(0x41, 0x00));
        assertEquals("start op=1 fin=false rsv1=true len=0", recorder.events.get(0));
        assertEquals(Violation.RESERVED_BITS_SET, violation(d, 0xC0, 0x00));

        FrameDecoder control = new FrameDecoder(false, FrameLimits.DEFAULT, new Recorder());
        control.claimRsv1();
        assertEquals(Violation.RESERVED_BITS_SET, violation(control, 0xC9, 0x00));
    }

    @Test
    void reservedOpcodesCloseWith1002() {
        for (int op : new int[] {3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF}) {
            assertEquals(Violation.RESERVED_OPCODE, violation(client(), 0x80 | op, 0x00), "opcode " + op);
        }
    }

    @Test
    void nonMinimalSixteenBitLengthClosesWith1002() {
        assertEquals(Violation.NON_MINIMAL_LENGTH, violation(client(), 0x82, 0x7E, 0x00, 0x7D));
    }

    @Test
    void nonMinimalSixtyFourBitLengthClosesWith1002() {
        assertEquals(Violation.NON_MINIMAL_LENGTH, violation(client(), 0x82, 0x7F, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF));
    }

    @Test
    void sixtyFourBitLengthWithTopBitSetClosesWith1002() {
        assertEquals(Violation.LENGTH_TOP_BIT_SET, violation(client(), 0x82, 0x7F, 0x80, 0, 0, 0, 0, 0, 0, 0));
    }

    // §5.5 control frames

    @Test
    void fragmentedControlFrameClosesWith1002() {
        assertEquals(Violation.FRAGMENTED_CONTROL_FRAME, violation(client(), 0x09, 0x00));
    }

    @Test
    void controlFrameOver125BytesClosesWith1002() {
        assertEquals(Violation.CONTROL_FRAME_TOO_LONG, violation(client(), 0x89, 0x7E, 0x00, 0x7E));
        assertEquals(Violation.CONTROL_FRAME_TOO_LONG, violation(client(), 0x88, 0x7F, 0, 0, 0, 0, 0, 1, 0, 0));
    }

    @Test
    void controlFrameOf125BytesIsAccepted() throws Exception {
        client().decode(ByteBuffer.wrap(Bytes.concat(Bytes.of(0x89, 0x7D), new byte[125])));
        assertEquals("start op=9 fin=true rsv1=false len=125", recorder.events.get(0));
    }

    // §5.4 fragmentation

    @Test
    void continuationWithoutStartClosesWith1002() {
        assertEquals(Violation.CONTINUATION_WITHOUT_START, violation(client(), 0x80, 0x00));
    }

    @Test
    void newDataFrameInsideFragmentedMessageClosesWith1002() throws Exception {
        FrameDecoder d = client();
        d.decode(Bytes.buffer(0x01, 0x01, 0x41));
        assertEquals(Violation.DATA_FRAME_INSIDE_FRAGMENTED_MESSAGE, violation(d, 0x82, 0x00));
    }

    @Test
    void continuationAfterFinalFrameClosesWith1002() throws Exception {
        FrameDecoder d = client();
        d.decode(Bytes.buffer(0x81, 0x01, 0x41));
        assertEquals(Violation.CONTINUATION_WITHOUT_START, violation(d, 0x80, 0x00));
    }

    // limits

    @Test
    void frameOverTheFrameLimitClosesWith1009BeforeItsPayload() {
        FrameDecoder d = new FrameDecoder(false, new FrameLimits(1000, 10_000), recorder);
        Violation v = violation(d, 0x82, 0x7E, 0x03, 0xE9);
        assertEquals(Violation.FRAME_TOO_BIG, v);
        assertEquals(1009, v.closeCode());
        assertTrue(recorder.events.isEmpty());
    }

    @Test
    void messageOverTheMessageLimitAcrossFragmentsClosesWith1009() throws Exception {
        FrameDecoder d = new FrameDecoder(false, new FrameLimits(200, 300), recorder);
        d.decode(ByteBuffer.wrap(Bytes.concat(Bytes.of(0x02, 0x7E, 0x00, 0xC8), new byte[200])));
        d.decode(ByteBuffer.wrap(Bytes.concat(Bytes.of(0x89, 0x7D), new byte[125])));
        d.decode(ByteBuffer.wrap(Bytes.concat(Bytes.of(0x00, 0x64), new byte[100])));
        assertEquals(Violation.MESSAGE_TOO_BIG, violation(d, 0x80, 0x01));
    }

    @Test
    void messageLimitRestartsWithEachMessage() throws Exception {
        FrameDecoder d = new FrameDecoder(false, new FrameLimits(200, 200), recorder);
        for (int i = 0; i < 3; i++) {
            d.decode(ByteBuffer.wrap(Bytes.concat(Bytes.of(0x82, 0x7E, 0x00, 0xC8), new byte[200])));
        }
        assertEquals(6, recorder.events.size());
    }

    @Test
    void limitsBelowAControlFrameAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FrameLimits(124, 1000));
    }

    @Test
    void failedDecoderRefusesFurtherInput() {
        FrameDecoder d = client();
        violation(d, 0x83, 0x00);
        ViolationException again = assertThrows(ViolationException.class, () -> d.decode(Bytes.buffer(0x81, 0x00)));
        assertEquals(Violation.RESERVED_OPCODE, again.violation());
        assertTrue(recorder.events.isEmpty());
    }

    @Test
    void listenerViolationFailsTheDecoderRfc6455Section81() {
        FrameDecoder utf8 = new FrameDecoder(false, FrameLimits.DEFAULT, new FrameListener() {
            private final Utf8Validator validator = new Utf8Validator();

            @Override
            public void frameStart(int opcode, boolean fin, boolean rsv1, long payloadLength) {
            }

            @Override
            public void payload(ByteBuffer chunk, long remaining) throws ViolationException {
                validator.validate(chunk);
            }

            @Override
            public void frameEnd() {
            }
        });
        assertEquals(Violation.INVALID_UTF8, violation(utf8, 0x81, 0x01, 0xFF));
    }
}
