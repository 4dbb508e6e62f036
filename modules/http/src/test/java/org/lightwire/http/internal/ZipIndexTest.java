package org.lightwire.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lightwire.http.internal.ZipFixtures.deflated;
import static org.lightwire.http.internal.ZipFixtures.stored;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightwire.api.HttpLimits;

class ZipIndexTest {

    @TempDir
    Path dir;

    private ZipIndex index(byte[] zip) throws IOException {
        Path f = dir.resolve("t.zip");
        Files.write(f, zip);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            return ZipIndex.read(ch, ch.size(), f.toString(), HttpLimits.DEFAULTS.maxZipDirectoryBytes());
        }
    }

    private String failure(byte[] zip) {
        return assertThrows(ZipFormatException.class, () -> index(zip)).getMessage();
    }

    private static byte[] sample() throws IOException {
        return ZipFixtures.zip(
                deflated("index.html", ZipFixtures.repeat("<p>hello</p>\n", 100)),
                stored("img/logo.png", new byte[] {1, 2, 3, 4}),
                deflated("docs/a/b.txt", "text".getBytes()));
    }

    @Test
    void indexesMembersWithSizesCrcAndMethods() throws IOException {
        ZipIndex z = index(sample());
        assertEquals(3, z.size());
        ZipIndex.Member html = z.find("index.html");
        assertEquals(ZipIndex.DEFLATED, html.method());
        assertEquals(1300, html.size());
        assertTrue(html.compressedSize() < html.size());
        CRC32 crc = new CRC32();
        crc.update(ZipFixtures.repeat("<p>hello</p>\n", 100));
        assertEquals(crc.getValue(), html.crc());
        assertEquals(ZipIndex.STORED, z.find("img/logo.png").method());
        assertNull(html.unservable());
    }

    @Test
    void directoriesAreImpliedByMemberNames() throws IOException {
        ZipIndex z = index(sample());
        assertTrue(z.isDirectory("docs"));
        assertTrue(z.isDirectory("docs/a"));
        assertTrue(z.isDirectory(""));
        assertFalse(z.isDirectory("doc"));
        assertFalse(z.isDirectory("index.html"));
        assertNull(z.find("docs"));
        assertNull(z.find("missing.html"));
    }

    @Test
    void localHeaderIsRecheckedAndGivesTheDataOffset() throws IOException {
        byte[] zip = sample();
        Path f = dir.resolve("s.zip");
        Files.write(f, zip);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            ZipIndex z = ZipIndex.read(ch, ch.size(), "s.zip", HttpLimits.DEFAULTS.maxZipDirectoryBytes());
            ZipIndex.Member logo = z.find("img/logo.png");
            long data = z.dataOffset(ch, logo);
            assertEquals(List.of((byte) 1, (byte) 2, (byte) 3, (byte) 4),
                    List.of(zip[(int) data], zip[(int) data + 1], zip[(int) data + 2], zip[(int) data + 3]));
        }
    }

    @Test
    void localHeaderThatDisagreesIsRefused() throws IOException {
        byte[] zip = sample();
        int cd = ZipFixtures.centralRecords(zip).get(1);
        int local = ZipFixtures.le(zip).getInt(cd + 42);
        Path f = dir.resolve("bad-local.zip");
        for (byte[] bad : List.of(
                ZipFixtures.putInt(zip, local, 0x12345678),            // signature
                ZipFixtures.putShort(zip, local + 8, 8),               // method
                ZipFixtures.putShort(zip, local + 28, 60000))) {       // extra length runs into the directory
            Files.write(f, bad);
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
                ZipIndex z = ZipIndex.read(ch, ch.size(), "bad-local.zip", HttpLimits.DEFAULTS.maxZipDirectoryBytes());
                assertThrows(ZipFormatException.class, () -> z.dataOffset(ch, z.find("img/logo.png")));
            }
        }
        byte[] renamed = zip.clone();
        renamed[local + 30] = 'J'; // "img/..." -> "Jmg/..."
        Files.write(f, renamed);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            ZipIndex z = ZipIndex.read(ch, ch.size(), "bad-local.zip", HttpLimits.DEFAULTS.maxZipDirectoryBytes());
            assertTrue(assertThrows(ZipFormatException.class, () -> z.dataOffset(ch, z.find("img/logo.png")))
                    .getMessage().contains("names another member"));
        }
    }

    @Test
    void archiveCommentsAndAppendedBytesAreTolerated() throws IOException {
        byte[] zip = sample();
        int e = ZipFixtures.eocd(zip);
        byte[] comment = "a comment".getBytes();
        byte[] withComment = Arrays.copyOf(zip, zip.length + comment.length);
        System.arraycopy(comment, 0, withComment, zip.length, comment.length);
        withComment = ZipFixtures.putShort(withComment, e + 20, comment.length);
        assertEquals(3, index(withComment).size());
        byte[] appended = Arrays.copyOf(zip, zip.length + 7);
        assertEquals(3, index(appended).size());
    }

    @Test
    void notAZipOrTruncatedIsRefused() throws IOException {
        assertTrue(failure(new byte[10]).contains("too short"));
        assertTrue(failure(new byte[5000]).contains("no end of central directory"));
        byte[] zip = sample();
        assertTrue(failure(Arrays.copyOf(zip, zip.length - 30)).contains("no end of central directory"));
        // cut from the front: the directory offset now points past the end record
        byte[] front = Arrays.copyOfRange(zip, 200, zip.length);
        failure(front);
    }

    @Test
    void directoryOutsideTheFileIsRefused() throws IOException {
        byte[] zip = sample();
        int e = ZipFixtures.eocd(zip);
        assertTrue(failure(ZipFixtures.putInt(zip, e + 16, 0x7fff0000)).contains("runs past"));
        assertTrue(failure(ZipFixtures.putInt(zip, e + 12, 0x7fff0000)).contains("runs past"));
    }

    @Test
    void wrongRecordCountsAreRefused() throws IOException {
        byte[] zip = sample();
        int e = ZipFixtures.eocd(zip);
        byte[] more = ZipFixtures.putShort(ZipFixtures.putShort(zip, e + 8, 5), e + 10, 5);
        failure(more);
        byte[] multiDisk = ZipFixtures.putShort(zip, e + 8, 2);
        assertTrue(failure(multiDisk).contains("multi-disk"));
        byte[] tooMany = ZipFixtures.putShort(ZipFixtures.putShort(zip, e + 8, 60000), e + 10, 60000);
        assertTrue(failure(tooMany).contains("cannot fit"));
    }

    @Test
    void zip64IsRefusedCleanly() throws IOException {
        byte[] zip = sample();
        int e = ZipFixtures.eocd(zip);
        assertTrue(failure(ZipFixtures.putShort(ZipFixtures.putShort(zip, e + 8, 0xffff), e + 10, 0xffff)).contains("zip64"));
        assertTrue(failure(ZipFixtures.putInt(zip, e + 16, -1)).contains("zip64"));
        // a zip64 locator right before the end record
        byte[] withLocator = new byte[zip.length + 20];
        System.arraycopy(zip, 0, withLocator, 0, e);
        ZipFixtures.le(withLocator).putInt(e, ZipIndex.ZIP64_LOCATOR_SIGNATURE);
        System.arraycopy(zip, e, withLocator, e + 20, zip.length - e);
        assertTrue(failure(withLocator).contains("zip64"));
    }

    @Test
    void zip64AndEncryptedAndUnknownMethodMembersAreMarkedUnservable() throws IOException {
        byte[] zip = sample();
        List<Integer> cd = ZipFixtures.centralRecords(zip);
        ZipIndex encrypted = index(ZipFixtures.putShort(zip, cd.get(0) + 8, 1));
        assertEquals("encrypted member", encrypted.find("index.html").unservable());
        ZipIndex bzip2 = index(ZipFixtures.putShort(zip, cd.get(0) + 10, 12));
        assertTrue(bzip2.find("index.html").unservable().contains("method 12"));
        ZipIndex big = index(ZipFixtures.putInt(zip, cd.get(0) + 24, -1));
        assertEquals("zip64 member", big.find("index.html").unservable());
        assertNull(big.find("img/logo.png").unservable(), "other members stay servable");
    }

    @Test
    void lyingSizesAreRefused() throws IOException {
        byte[] zip = sample();
        List<Integer> cd = ZipFixtures.centralRecords(zip);
        assertTrue(failure(ZipFixtures.putInt(zip, cd.get(0) + 20, 0x7000_0000)).contains("past the central directory"));
        assertTrue(failure(ZipFixtures.putInt(zip, cd.get(1) + 24, 5)).contains("disagree"), "stored sizes must agree");
        assertTrue(failure(ZipFixtures.putInt(zip, cd.get(2) + 42, 0x7000_0000)).contains("past the central directory"));
        assertTrue(failure(ZipFixtures.putShort(zip, cd.get(2) + 28, 0xffff)).contains("runs past the directory"));
        assertTrue(failure(ZipFixtures.putInt(zip, cd.get(1), 0)).contains("malformed"));
    }

    @Test
    void namesThatNoRequestCouldFormAreNotIndexed() throws IOException {
        byte[] zip = ZipFixtures.zip(
                deflated("../evil.html", new byte[1]),
                deflated("/abs.html", new byte[1]),
                deflated("a\\b.html", new byte[1]),
                deflated("a//b.html", new byte[1]),
                deflated("./x.html", new byte[1]),
                deflated("fine.html", new byte[1]));
        ZipIndex z = index(zip);
        assertEquals(1, z.size());
        assertNotNull(z.find("fine.html"));
    }

    @Test
    void cacheReloadsWhenTheZipChanges() throws IOException {
        ZipIndexCache cache = new ZipIndexCache(HttpLimits.DEFAULTS.maxZipDirectoryBytes());
        Path f = dir.resolve("c.zip");
        Files.write(f, ZipFixtures.zip(deflated("a.html", new byte[3])));
        Path real = f.toRealPath();
        assertNotNull(cache.get(real, Files.readAttributes(real, java.nio.file.attribute.BasicFileAttributes.class)).find("a.html"));
        Files.write(f, ZipFixtures.zip(deflated("b.html", new byte[3]), deflated("c.html", new byte[1])));
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        ZipIndex again = cache.get(real, Files.readAttributes(real, java.nio.file.attribute.BasicFileAttributes.class));
        assertNull(again.find("a.html"));
        assertNotNull(again.find("b.html"));
        assertEquals(1, cache.size());
        Files.write(f, new byte[100]);
        assertThrows(ZipFormatException.class,
                () -> cache.get(real, Files.readAttributes(real, java.nio.file.attribute.BasicFileAttributes.class)));
    }
}
