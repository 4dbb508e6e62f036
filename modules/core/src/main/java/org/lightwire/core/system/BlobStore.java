package org.lightwire.core.system;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lightwire.api.Blob;
import org.lightwire.api.BlobType;
import org.lightwire.api.Blobs;

/** A context's system blobs, one per type and index. */
public final class BlobStore implements Blobs {

    private final Map<BlobType, HeapOrDirectBlob[]> blobs = new EnumMap<>(BlobType.class);

    public BlobStore() {
        for (BlobType t : BlobType.values()) {
            HeapOrDirectBlob[] slots = new HeapOrDirectBlob[t.slots()];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = new HeapOrDirectBlob();
            }
            blobs.put(t, slots);
        }
    }

    @Override
    public Blob get(BlobType type, int index) {
        HeapOrDirectBlob[] slots = blobs.get(type);
        if (index < 0 || index >= slots.length) {
            throw new IndexOutOfBoundsException("blob " + type + " has " + slots.length + " slot(s), not index " + index);
        }
        return slots[index];
    }

    /** A blob that either points at one buffer or chains heap chunks. */
    static final class HeapOrDirectBlob implements Blob {
        private ByteBuffer direct;
        private final List<byte[]> chunks = new ArrayList<>();
        private long size;

        @Override
        public synchronized void setDirect(ByteBuffer data) {
            chunks.clear();
            direct = data.slice().asReadOnlyBuffer();
            size = direct.remaining();
        }

        @Override
        public synchronized void append(byte[] data, int offset, int length) {
            if (direct != null) {
                // appending turns a direct blob into a heap one that starts with its bytes
                byte[] copy = new byte[direct.remaining()];
                direct.duplicate().get(copy);
                chunks.add(copy);
                direct = null;
            }
            byte[] chunk = new byte[length];
            System.arraycopy(data, offset, chunk, 0, length);
            chunks.add(chunk);
            size += length;
        }

        @Override
        public synchronized void clear() {
            direct = null;
            chunks.clear();
            size = 0;
        }

        @Override
        public synchronized long size() {
            return size;
        }

        @Override
        public synchronized int read(long offset, ByteBuffer destination) {
            if (offset < 0) {
                throw new IndexOutOfBoundsException("blob read offset " + offset);
            }
            if (offset >= size) {
                return 0;
            }
            if (direct != null) {
                ByteBuffer src = direct.duplicate();
                src.position((int) offset);
                int n = Math.min(src.remaining(), destination.remaining());
                src.limit(src.position() + n);
                destination.put(src);
                return n;
            }
            int copied = 0;
            long chunkStart = 0;
            for (byte[] chunk : chunks) {
                long chunkEnd = chunkStart + chunk.length;
                if (chunkEnd > offset && destination.hasRemaining()) {
                    int from = (int) Math.max(0, offset - chunkStart);
                    int n = Math.min(chunk.length - from, destination.remaining());
                    destination.put(chunk, from, n);
                    copied += n;
                    offset += n;
                }
                chunkStart = chunkEnd;
            }
            return copied;
        }

        @Override
        public synchronized Optional<ByteBuffer> singleBuffer() {
            if (direct != null) {
                return Optional.of(direct.duplicate());
            }
            if (chunks.size() == 1) {
                return Optional.of(ByteBuffer.wrap(chunks.get(0)).asReadOnlyBuffer());
            }
            return Optional.empty();
        }
    }
}
