package org.lightwire.http.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file region copied whole next to a response head: exactly the region, nothing around it. */
class FileRegionBodyTest {

    @TempDir
    Path tmp;

    private FileChannel file(int size) throws IOException {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) i;
        }
        Path p = tmp.resolve("f.bin");
        Files.write(p, data);
        return FileChannel.open(p);
    }

    @Test
    void copiesOnlyTheRegionEvenWithRoomForMore() throws IOException {
        try (FileRegionBody body = new FileRegionBody(file(4096), 10, 10)) {
            ByteBuffer dst = ByteBuffer.allocate(1024);
            dst.put((byte) 'H');
            assertTrue(body.copyWholeInto(dst));
            assertEquals(11, dst.position(), "head byte plus the 10 region bytes");
            assertEquals(1024, dst.limit(), "the buffer's limit is given back");
            byte[] got = new byte[10];
            dst.flip().position(1);
            dst.get(got);
            assertArrayEquals(new byte[] {10, 11, 12, 13, 14, 15, 16, 17, 18, 19}, got);
        }
    }

    @Test
    void refusesWhenTheRegionDoesNotFit() throws IOException {
        try (FileRegionBody body = new FileRegionBody(file(4096), 0, 4096)) {
            ByteBuffer dst = ByteBuffer.allocate(100);
            assertFalse(body.copyWholeInto(dst));
            assertEquals(0, dst.position());
        }
    }

    @Test
    void aFileShorterThanPromisedFails() throws IOException {
        try (FileRegionBody body = new FileRegionBody(file(50), 40, 20)) {
            assertThrows(IOException.class, () -> body.copyWholeInto(ByteBuffer.allocate(100)));
        }
    }
}
