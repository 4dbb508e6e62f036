package org.lightwire.role.ws.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** RFC 7692 §7.2 (compression, decompression) and its §7.2.3 examples. */
class MessageDeflateTest {

    private static final byte[] HELLO = "Hello".getBytes(StandardCharsets.US_ASCII);

    /** Inflates a message given as frame payloads, draining through an output buffer of {@code outSize}. */
    private static byte[] inflate(MessageInflater inflater, int outSize, byte[]... frames) throws ViolationException {
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        ByteBuffer out = ByteBuffer.allocate(outSize);
        for (int i = 0; i < frames.length; i++) {
            ByteBuffer in = ByteBuffer.wrap(frames[i]);
            boolean last = i == frames.length - 1;
            while (!inflater.inflate(in, last, out)) {
                out.flip();
                result.write(out.array(), 0, out.limit());
                out.clear();
            }
            out.flip();
            result.write(out.array(), 0, out.limit());
            out.clear();
        }
        return result.toByteArray();
    }

    private static byte[] compress(MessageDeflater deflater, byte[] message) {
        return compressFragments(deflater, message)[0];
    }

    /** Compresses {@code fragments} as one message streamed a fragment at a time; one payload per fragment. */
    private static byte[][] compressFragments(MessageDeflater deflater, byte[]... fragments) {
        byte[][] payloads = new byte[fragments.length][];
        for (int i = 0; i < fragments.length; i++) {
            ByteBuffer out = ByteBuffer.allocate(MessageDeflater.maxCompressedLength(fragments[i].length));
            deflater.compress(ByteBuffer.wrap(fragments[i]), i == fragments.length - 1, out);
            out.flip();
            payloads[i] = Bytes.remaining(out);
        }
        return payloads;
    }

    /** Inflates one message's payloads with a plain {@link Inflater}, independently of {@link MessageInflater}. */
    private static byte[] inflateWithZlib(Inflater zlib, byte[]... payloads) throws Exception {
        zlib.setInput(Bytes.concat(Bytes.concat(payloads), Bytes.of(0x00, 0x00, 0xff, 0xff)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[256];
        int n;
        while ((n = zlib.inflate(buf)) > 0) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    @Test
    void helloInflatesRfc7692Section7231() throws Exception {
        try (MessageInflater inflater = new MessageInflater(false, 1000)) {
            assertArrayEquals(HELLO, inflate(inflater, 64, Bytes.of(0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00)));
        }
    }

    @Test
    void emptyMessageAfterAnotherCompressesToOneZeroByteRfc7692Section7236() throws Exception {
        try (MessageDeflater deflater = new MessageDeflater(Deflater.DEFAULT_COMPRESSION, false);
                MessageInflater inflater = new MessageInflater(false, 1000)) {
            assertArrayEquals(HELLO, inflate(inflater, 64, compress(deflater, HELLO)));
            byte[] empty = compress(deflater, new byte[0]);
            assertArrayEquals(Bytes.of(0x00), empty);
            assertEquals(0, inflate(inflater, 64, empty).length);
            assertArrayEquals(HELLO, inflate(inflater, 64, compress(deflater, HELLO)), "the context carries on");
        }
    }

    @Test
    void helloCompressesAsInTheRfcRfc7692Section7231() {
        try (MessageDeflater deflater = new MessageDeflater(Deflater.DEFAULT_COMPRESSION, false)) {
            assertArrayEquals(Bytes.of(0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00), compress(deflater, HELLO));
        }
    }

    @Test
    void helloSplitIntoFragmentsInflatesRfc7692Section7231() throws Exception {
        try (MessageInflater inflater = new MessageInflater(false, 1000)) {
            assertArrayEquals(HELLO, inflate(inflater, 64, Bytes.of(0xf2, 0x48, 0xcd), Bytes.of(0xc9, 0xc9, 0x07, 0x00)));
        }
    }

    @Test
    void sharedWindowBetweenMessagesRfc7692Section7232() throws Exception {
        try (MessageInflater inflater = new MessageInflater(false, 1000);
             MessageDeflater deflater = new MessageDeflater(Deflater.DEFAULT_COMPRESSION, false)) {
            assertArrayEquals(HELLO, inflate(inflater, 64, Bytes.of(0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00)));
            assertArrayEquals(HELLO, inflate(inflater, 64, Bytes.of(0xf2, 0x00, 0x11, 0x00, 0x00)));
            compress(deflater, HELLO);
            assertArrayEquals(Bytes.of(0xf2, 0x00, 0x11, 0x00, 0x00), compress(deflater, HELLO));
        }
    }

    @Test
    void noContextTakeoverCompressesEachMessageAlikeRfc7692Section7111() {
        try (MessageDeflater deflater = new MessageDeflater(Deflater.DEFAULT_COMPRESSION, true)) {
            byte[] first = compress(deflater, HELLO);
            assertArrayEquals(first, compress(deflater, HELLO));
        }
    }

    @Test
    void storedBlockInflatesRfc7692Section7233() throws Exception {
        try (MessageInflater inflater = new MessageInflater(false, 1000)) {
            assertArrayEquals(HELLO, inflate(inflater, 64,
                    Bytes.of(0x00, 0x05, 0x00, 0xfa, 0xff, 0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x00)));
        }
    }

    @Test
    void bfinalBlockInflatesAndTheNextMessageStillWorksRfc7692Section7234() throws Exception {
        try (MessageInflater inflater = new MessageInflater(false, 1000)) {
            assertArrayEquals(HELLO, inflate(inflater, 64, Bytes.of(0xf3, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00, 0x00)));
            assertArrayEquals(HELLO, inflate(inflater, 64, Bytes.of(0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00)));
        }
    }

    @Test
    void twoDeflateBlocksInOneMessageRfc7692Section7235() throws Exception {
        try (MessageInflater inflater = new MessageInflater(false, 1000)) {
            assertArrayEquals(HELLO, inflate(inflater, 64,
                    Bytes.of(0xf2, 0x48, 0x05, 0x00, 0x00, 0x00, 0xff, 0xff, 0xca, 0xc9, 0xc9, 0x07, 0x00)));
        }
    }

    @Test
    void emptyMessageIsOneZeroByteRfc7692Section7236() throws Exception {
        try (MessageDeflater deflater = new MessageDeflater(Deflater.DEFAULT_COMPRESSION, false);
             MessageInflater inflater = new MessageInflater(false, 1000)) {
            assertArrayEquals(Bytes.of(0x00), compress(deflater, new byte[0]));
            assertArrayEquals(new byte[0], inflate(inflater, 64, Bytes.of(0x00)));
        }
    }

    @Test
    void randomMessagesRoundTripThroughTinyBuffersWithAndWithoutTakeover() throws Exception {
        Random random = new Random(7692);
        for (boolean reset : new boolean[] {false, true}) {
            try (MessageDeflater deflater = new MessageDeflater(6, reset);
                 MessageInflater inflater = new MessageInflater(reset, 1 << 20)) {
                for (int n = 0; n < 30; n++) {
                    byte[] message = new byte[random.nextInt(5000)];
                    for (int i = 0; i < message.length; i++) {
                        message[i] = (byte) ('a' + random.nextInt(random.nextBoolean() ? 3 : 26));
                    }
                    byte[] compressed = compress(deflater, message);
                    int cut = compressed.length == 0 ? 0 : random.nextInt(compressed.length);
                    byte[] a = java.util.Arrays.copyOfRange(compressed, 0, cut);
                    byte[] b = java.util.Arrays.copyOfRange(compressed, cut, compressed.length);
                    assertArrayEquals(message, inflate(inflater, 1 + random.nextInt(7), a, b), "message " + n);
                }
            }
        }
    }

    @Test
    void contextTakeoverMakesRepeatedMessagesSmaller() {
        byte[] message = "The quick brown fox jumps over the lazy dog, again and again.".getBytes(StandardCharsets.UTF_8);
        try (MessageDeflater takeover = new MessageDeflater(6, false)) {
            int first = compress(takeover, message).length;
            assertTrue(compress(takeover, message).length < first / 2);
        }
    }

    @Test
    void maxCompressedLengthHoldsForIncompressibleData() {
        Random random = new Random(1);
        try (MessageDeflater deflater = new MessageDeflater(9, false)) {
            for (int length : new int[] {0, 1, 100, 16_383, 16_384, 65_536, 200_000}) {
                byte[] noise = new byte[length];
                random.nextBytes(noise);
                ByteBuffer out = ByteBuffer.allocate(MessageDeflater.maxCompressedLength(length));
                deflater.compress(ByteBuffer.wrap(noise), true, out);
                assertTrue(out.position() <= out.capacity());
            }
        }
    }

    @Test
    void compressRefusesTooSmallABufferWithoutConsuming() {
        try (MessageDeflater deflater = new MessageDeflater(6, false)) {
            ByteBuffer message = ByteBuffer.wrap(HELLO);
            assertThrows(IllegalArgumentException.class, () -> deflater.compress(message, true, ByteBuffer.allocate(10)));
            assertEquals(0, message.position());
        }
    }

    @Test
    void decompressionBombClosesWith1009WithoutInflatingIt() {
        byte[] zeros = new byte[10 << 20];
        byte[] bomb;
        try (MessageDeflater deflater = new MessageDeflater(9, false)) {
            bomb = compress(deflater, zeros);
        }
        assertTrue(bomb.length < 20_000, "bomb is " + bomb.length);
        try (MessageInflater inflater = new MessageInflater(false, 1 << 20)) {
            ByteBuffer out = ByteBuffer.allocate(64 << 10);
            long[] produced = {0};
            ViolationException e = assertThrows(ViolationException.class, () -> {
                ByteBuffer in = ByteBuffer.wrap(bomb);
                while (!inflater.inflate(in, true, out)) {
                    produced[0] += out.position();
                    out.clear();
                }
            });
            assertEquals(Violation.INFLATED_MESSAGE_TOO_BIG, e.violation());
            assertEquals(1009, e.closeCode());
            assertTrue(produced[0] + out.position() <= (1 << 20) + 1, "inflated " + produced[0]);
        }
    }

    @Test
    void messageExactlyAtTheLimitIsAccepted() throws Exception {
        byte[] message = new byte[4096];
        try (MessageDeflater deflater = new MessageDeflater(6, false);
             MessageInflater inflater = new MessageInflater(false, 4096)) {
            assertArrayEquals(message, inflate(inflater, 1000, compress(deflater, message)));
            assertArrayEquals(message, inflate(inflater, 1000, compress(deflater, message)));
        }
    }

    @Test
    void invalidCompressedDataClosesWith1007() {
        try (MessageInflater inflater = new MessageInflater(false, 1000)) {
            ViolationException e = assertThrows(ViolationException.class,
                    () -> inflate(inflater, 64, Bytes.of(0xff, 0xff, 0xff, 0xff)));
            assertEquals(Violation.INVALID_COMPRESSED_DATA, e.violation());
            assertEquals(1007, e.closeCode());
        }
    }

    @Test
    void storedBlockWithBadLengthCheckClosesWith1007() {
        // LEN 5 with NLEN 0 instead of its complement (RFC 1951 §3.2.4)
        try (MessageInflater inflater = new MessageInflater(false, 1000)) {
            ViolationException e = assertThrows(ViolationException.class,
                    () -> inflate(inflater, 64, Bytes.of(0x00, 0x05, 0x00, 0x00, 0x00, 0x48)));
            assertEquals(Violation.INVALID_COMPRESSED_DATA, e.violation());
        }
    }

    @Test
    void reservedBlockTypeClosesWith1007() {
        // BTYPE 11 is reserved (RFC 1951 §3.2.3)
        try (MessageInflater inflater = new MessageInflater(false, 1000)) {
            assertThrows(ViolationException.class, () -> inflate(inflater, 64, Bytes.of(0x06, 0x00)));
        }
    }

    @Test
    void fragmentsKeepTheirFlushTailAndOnlyTheLastDropsItRfc7692Section721() throws Exception {
        try (MessageDeflater deflater = new MessageDeflater(6, false)) {
            byte[][] payloads = compressFragments(deflater, HELLO, HELLO, HELLO);
            for (int i = 0; i < 2; i++) {
                byte[] p = payloads[i];
                assertArrayEquals(Bytes.of(0x00, 0x00, 0xff, 0xff), java.util.Arrays.copyOfRange(p, p.length - 4,
                        p.length), "fragment " + i + " ends flushed, tail kept");
            }
            Inflater zlib = new Inflater(true);
            try {
                assertArrayEquals(Bytes.concat(HELLO, HELLO, HELLO), inflateWithZlib(zlib, payloads));
            } finally {
                zlib.end();
            }
        }
    }

    @Test
    void eachFragmentInflatesOnArrivalBeforeTheMessageEnds() throws Exception {
        try (MessageDeflater deflater = new MessageDeflater(6, false);
             MessageInflater inflater = new MessageInflater(false, 1000)) {
            byte[][] payloads = compressFragments(deflater, HELLO, "World".getBytes(StandardCharsets.US_ASCII));
            ByteBuffer out = ByteBuffer.allocate(64);
            assertTrue(inflater.inflate(ByteBuffer.wrap(payloads[0]), false, out));
            out.flip();
            assertArrayEquals(HELLO, Bytes.remaining(out), "the sync flush makes the first fragment whole");
            out.clear();
            assertTrue(inflater.inflate(ByteBuffer.wrap(payloads[1]), true, out));
            out.flip();
            assertArrayEquals("World".getBytes(StandardCharsets.US_ASCII), Bytes.remaining(out));
        }
    }

    @Test
    void noContextTakeoverResetsAtTheMessageEndNotBetweenFragmentsRfc7692Section7111() throws Exception {
        byte[] sentence = "The quick brown fox jumps over the lazy dog.".getBytes(StandardCharsets.US_ASCII);
        try (MessageDeflater deflater = new MessageDeflater(6, true);
             MessageInflater inflater = new MessageInflater(true, 1000)) {
            byte[][] first = compressFragments(deflater, sentence, sentence);
            assertTrue(first[1].length < first[0].length / 2,
                    "the second fragment refers back to the first: " + first[1].length + " vs " + first[0].length);
            byte[][] second = compressFragments(deflater, sentence, sentence);
            assertArrayEquals(first[0], second[0], "the next message starts afresh");
            assertArrayEquals(first[1], second[1]);
            assertArrayEquals(Bytes.concat(sentence, sentence), inflate(inflater, 7, first));
            assertArrayEquals(Bytes.concat(sentence, sentence), inflate(inflater, 7, second));
        }
    }

    @Test
    void contextTakeoverCarriesFromAFragmentedMessageIntoTheNext() throws Exception {
        try (MessageDeflater deflater = new MessageDeflater(6, false);
             MessageInflater inflater = new MessageInflater(false, 1000)) {
            assertArrayEquals(Bytes.concat(HELLO, HELLO), inflate(inflater, 64, compressFragments(deflater, HELLO, HELLO)));
            byte[] next = compress(deflater, HELLO);
            assertTrue(next.length < 5, "refers back into the fragmented message: " + next.length);
            assertArrayEquals(HELLO, inflate(inflater, 64, next));
        }
    }

    @Test
    void emptyFragmentsAnywhereInAMessageRoundTrip() throws Exception {
        byte[] none = new byte[0];
        try (MessageDeflater deflater = new MessageDeflater(6, false);
             MessageInflater inflater = new MessageInflater(false, 1000)) {
            byte[][] payloads = compressFragments(deflater, none, HELLO, none, HELLO, none);
            assertEquals(0, payloads[0].length, "an empty fragment mid-message adds nothing to the stream");
            assertEquals(0, payloads[2].length);
            assertArrayEquals(Bytes.of(0x00), payloads[4], "an empty last fragment is one 00 byte");
            assertArrayEquals(Bytes.concat(HELLO, HELLO), inflate(inflater, 64, payloads));
            assertArrayEquals(new byte[0], inflate(inflater, 64, compressFragments(deflater, none, none)));
            assertArrayEquals(HELLO, inflate(inflater, 64, compress(deflater, HELLO)), "the context carries on");
        }
    }

    @Test
    void randomFragmentedMessagesRoundTripWithAndWithoutTakeover() throws Exception {
        Random random = new Random(6455);
        for (boolean reset : new boolean[] {false, true}) {
            try (MessageDeflater deflater = new MessageDeflater(6, reset);
                 MessageInflater inflater = new MessageInflater(reset, 1 << 20)) {
                Inflater zlib = new Inflater(true);
                try {
                    for (int n = 0; n < 30; n++) {
                        byte[][] fragments = new byte[1 + random.nextInt(5)][];
                        for (int f = 0; f < fragments.length; f++) {
                            fragments[f] = new byte[random.nextInt(3000)];
                            for (int i = 0; i < fragments[f].length; i++) {
                                fragments[f][i] = (byte) ('a' + random.nextInt(random.nextBoolean() ? 3 : 26));
                            }
                        }
                        byte[][] payloads = compressFragments(deflater, fragments);
                        byte[] message = Bytes.concat(fragments);
                        assertArrayEquals(message, inflate(inflater, 1 + random.nextInt(7), payloads), "message " + n);
                        if (reset) {
                            zlib.reset();
                        }
                        assertArrayEquals(message, inflateWithZlib(zlib, payloads), "zlib, message " + n);
                    }
                } finally {
                    zlib.end();
                }
            }
        }
    }
}
