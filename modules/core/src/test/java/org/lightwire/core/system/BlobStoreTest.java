package org.lightwire.core.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lightwire.api.Blob;
import org.lightwire.api.BlobType;

/** lws_system_blob: direct or heap-chained binary objects, read whole or in parts. */
class BlobStoreTest {

    private final BlobStore store = new BlobStore();
    private final Blob blob = store.get(BlobType.AUTH, 0);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String read(Blob b, long offset, int room) {
        ByteBuffer dst = ByteBuffer.allocate(room);
        int n = b.read(offset, dst);
        assertEquals(dst.position(), n, "read advances the destination by what it returns");
        return new String(dst.array(), 0, n, StandardCharsets.US_ASCII);
    }

    private void append(String s) {
        byte[] b = bytes(s);
        blob.append(b, 0, b.length);
    }

    @Test
    void directBlobPointsAtTheCallersBytesWithoutCopying() {
        byte[] backing = bytes("token-1");
        blob.setDirect(ByteBuffer.wrap(backing));

        backing[6] = '2';

        assertEquals("token-2", read(blob, 0, 100), "a change to the source is visible: no copy was made");
        assertEquals(7, blob.size());
    }

    @Test
    void directBlobTakesTheRemainingBytesOfTheBuffer() {
        ByteBuffer src = ByteBuffer.wrap(bytes("xxabcxx"));
        src.position(2).limit(5);

        blob.setDirect(src);

        assertEquals("abc", read(blob, 0, 100));
    }

    @Test
    void appendedChunksChainInOrder() {
        append("abc");
        append("defg");
        append("h");

        assertEquals(8, blob.size());
        assertEquals("abcdefgh", read(blob, 0, 100));
    }

    @Test
    void appendCopiesTheGivenRange() {
        byte[] src = bytes("--data--");
        blob.append(src, 2, 4);

        src[2] = 'X';

        assertEquals("data", read(blob, 0, 100));
    }

    @Test
    void partialReadsAtOffsetsSpanChunks() {
        append("abc");
        append("defg");
        append("hij");

        assertEquals("cde", read(blob, 2, 3));
        assertEquals("fghi", read(blob, 5, 4));
        assertEquals("bcdefghij", read(blob, 1, 100));
        assertEquals("j", read(blob, 9, 100));
    }

    @Test
    void partialReadOfADirectBlob() {
        blob.setDirect(ByteBuffer.wrap(bytes("0123456789")));

        assertEquals("345", read(blob, 3, 3));
        assertEquals("89", read(blob, 8, 10));
    }

    @Test
    void readAtOrPastTheEndReturnsZero() {
        append("abc");

        assertEquals(0, blob.read(3, ByteBuffer.allocate(10)));
        assertEquals(0, blob.read(1_000, ByteBuffer.allocate(10)));
    }

    @Test
    void negativeOffsetIsRejected() {
        append("abc");

        assertThrows(IndexOutOfBoundsException.class, () -> blob.read(-1, ByteBuffer.allocate(10)));
    }

    @Test
    void singleBufferExistsForOneChunkOrADirectBlob() {
        append("only");
        Optional<ByteBuffer> one = blob.singleBuffer();
        assertTrue(one.isPresent());
        assertEquals("only", StandardCharsets.US_ASCII.decode(one.get()).toString());

        blob.setDirect(ByteBuffer.wrap(bytes("direct")));
        assertEquals("direct", StandardCharsets.US_ASCII.decode(blob.singleBuffer().orElseThrow()).toString());
    }

    @Test
    void singleBufferIsReadOnly() {
        append("only");

        ByteBuffer view = blob.singleBuffer().orElseThrow();

        assertThrows(ReadOnlyBufferException.class, () -> view.put(0, (byte) 'X'));
    }

    @Test
    void singleBufferIsEmptyForSeveralChunks() {
        append("a");
        append("b");

        assertEquals(Optional.empty(), blob.singleBuffer());
    }

    @Test
    void setDirectDropsHeapChunks() {
        append("heap");

        blob.setDirect(ByteBuffer.wrap(bytes("direct")));

        assertEquals(6, blob.size());
        assertEquals("direct", read(blob, 0, 100));
    }

    @Test
    void appendingToADirectBlobContinuesAfterItsBytes() {
        blob.setDirect(ByteBuffer.wrap(bytes("abc")));

        append("def");

        assertEquals(6, blob.size());
        assertEquals("abcdef", read(blob, 0, 100));
    }

    @Test
    void clearEmptiesTheBlob() {
        append("abc");
        append("def");

        blob.clear();

        assertEquals(0, blob.size());
        assertEquals(0, blob.read(0, ByteBuffer.allocate(10)));
        assertEquals(Optional.empty(), blob.singleBuffer());
        append("new");
        assertEquals("new", read(blob, 0, 100));
    }

    @Test
    void indexOutOfRangeIsRejected() {
        assertThrows(IndexOutOfBoundsException.class, () -> store.get(BlobType.AUTH, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> store.get(BlobType.AUTH, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> store.get(BlobType.NTP_SERVER, 1));
    }

    @Test
    void eachTypeAndIndexIsItsOwnBlob() {
        assertSame(blob, store.get(BlobType.AUTH, 0));
        assertNotSame(blob, store.get(BlobType.AUTH, 1));
        assertNotSame(blob, store.get(BlobType.DEVICE_SERIAL, 0));
    }
}
